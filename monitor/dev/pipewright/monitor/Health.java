package dev.pipewright.monitor;

import java.util.Objects;

/**
 * The traffic light of one watched system (a Kafka cluster, a database, a Connect worker) with a
 * sentence a person can act on when it is not green.
 */
public record Health(Level level, String reason) {
  public static final Health GREEN = new Health(Level.GREEN, "");
  public static final Health NOT_CONFIGURED = new Health(Level.OFF, "not configured");

  public Health {
    Objects.requireNonNull(level, "level");
    reason = reason == null ? "" : reason;
  }

  /** GREEN all well, AMBER needs a look, RED broken or unreachable, OFF not watched. */
  public enum Level {
    GREEN, AMBER, RED, OFF
  }

  public static Health amber(String reason) {
    return new Health(Level.AMBER, reason);
  }

  public static Health red(String reason) {
    return new Health(Level.RED, reason);
  }

  /** The worse of two, keeping its reason. */
  public Health worst(Health other) {
    return rank(other.level) > rank(level) ? other : this;
  }

  private static int rank(Level l) {
    return switch (l) {
      case OFF -> 0;
      case GREEN -> 1;
      case AMBER -> 2;
      case RED -> 3;
    };
  }
}
