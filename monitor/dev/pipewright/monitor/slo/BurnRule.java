package dev.pipewright.monitor.slo;

import java.time.Duration;
import java.util.Objects;

/**
 * One multi-window burn-rate alert rule: it fires while the burn rate over both the long and the
 * short window is at least {@code factor} (the short window makes it stop soon after recovery).
 */
public record BurnRule(String name, AlertSeverity severity, Duration longWindow, Duration shortWindow, double factor) {
  public BurnRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(severity, "severity");
  }

  /** This rule with both windows multiplied by {@code scale}, never below {@code floor}. */
  BurnRule scaled(double scale, Duration floor) {
    return new BurnRule(name, severity, scale(longWindow, scale, floor), scale(shortWindow, scale, floor), factor);
  }

  private static Duration scale(Duration d, double scale, Duration floor) {
    Duration s = Duration.ofMillis(Math.round(d.toMillis() * scale));
    return s.compareTo(floor) < 0 ? floor : s;
  }
}
