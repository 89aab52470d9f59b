package dev.pipewright.runtime;

/** The phases of a local trial, in the order a person sees them on the progress bar. */
public enum TrialPhase {
  /** Embedded PostgreSQL starting (in parallel with Kafka). */
  STARTING_POSTGRES("Starting PostgreSQL"),
  /** Embedded Kafka starting (in parallel with PostgreSQL). */
  STARTING_KAFKA("Starting Kafka"),
  /** Checking the source database and sinks before anything streams. */
  PREFLIGHT("Pre-flight checks"),
  /** Debezium reads the existing rows (initial snapshot). */
  SNAPSHOT("Snapshot"),
  /** Changes flow from the write-ahead log to the sinks. */
  STREAMING("Streaming"),
  /** Closing capture, sinks and servers in order. */
  STOPPING("Stopping"),
  /** Everything closed; nothing left running. */
  STOPPED("Stopped"),
  /** The trial could not start or broke down; see the listener's sentence. */
  FAILED("Failed");

  private final String label;

  TrialPhase(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
