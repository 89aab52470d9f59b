package dev.pipewright.model.io;

/** A class a hostile file names in a tag; if the loader ever instantiated it, the property would be set. */
public class TagCanary {
  static final String PROPERTY = "pipewright.test.tagCanaryLoaded";

  static {
    System.setProperty(PROPERTY, "yes");
  }

  public TagCanary() {}
}
