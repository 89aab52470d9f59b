package dev.pipewright.model;

import java.util.Locale;

/**
 * Where a pipeline is meant to run. Production-grade rules (replication factor, in-sync
 * replicas) are relaxed for {@link #LOCAL}, the laptop trial with one embedded broker.
 */
public enum Environment {
  LOCAL,
  DEV,
  STAGING,
  PRODUCTION;

  /** The spelling used in the pipeline file. */
  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Environment fromYaml(String s) {
    for (Environment e : values()) {
      if (e.yamlName().equals(s)) {
        return e;
      }
    }
    throw new IllegalArgumentException(s);
  }
}
