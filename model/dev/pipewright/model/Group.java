package dev.pipewright.model;

/** The groups a property form is split into, the way Debezium groups connector settings. */
public enum Group {
  CONNECTION("Connection"),
  FILTERS("Filters"),
  SNAPSHOT("Snapshot"),
  ADVANCED("Advanced");

  private final String label;

  Group(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
