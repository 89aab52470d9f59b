package dev.pipewright.model;

import java.util.Optional;

/** What a service-level objective measures, and on which kind of node it is set. */
public enum SloKind {
  /** Source commit to sink write, seconds at a percentile; set on a sink. */
  FRESHNESS("freshness", "s"),
  /** Consumer lag in messages; set on a sink (its consumer group). */
  LAG_MESSAGES("lag-messages", "messages"),
  /** Consumer lag in seconds; set on a sink. */
  LAG_SECONDS("lag-seconds", "s"),
  /** Bytes of WAL held back by the replication slot; set on a PostgreSQL capture. */
  SLOT_WAL_BYTES("slot-wal-bytes", "bytes"),
  /** The connector and all its tasks RUNNING; threshold unused; set on a capture or sink. */
  CONNECTOR_RUNNING("connector-running", "");

  private final String yamlName;
  private final String unit;

  SloKind(String yamlName, String unit) {
    this.yamlName = yamlName;
    this.unit = unit;
  }

  public String yamlName() {
    return yamlName;
  }

  public String unit() {
    return unit;
  }

  public static Optional<SloKind> fromYaml(String s) {
    for (SloKind k : values()) {
      if (k.yamlName.equals(s)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
