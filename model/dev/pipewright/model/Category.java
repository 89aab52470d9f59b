package dev.pipewright.model;

/**
 * The stage a node kind belongs to. The order of the constants is the left-to-right order of
 * the automatic layout (sources first, sinks last).
 */
public enum Category {
  APPLICATION("Application"),
  SOURCE("Source"),
  CAPTURE("Capture"),
  TOPIC("Topic"),
  TRANSFORM("Transform"),
  SINK("Sink");

  private final String label;

  Category(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
