package dev.pipewright.model;

import java.time.Duration;
import java.util.Objects;

/**
 * A service-level objective: "the {@code percentile} of {@code kind} on {@code target} stays
 * below {@code threshold}, for {@code objective} of the time over {@code window}". For example
 * freshness p99 below 5 s for 99.9 % of a 30-day window.
 *
 * @param percentile 50, 95 or 99 for freshness; ignored by other kinds
 * @param objective fraction of good time, e.g. 0.999
 */
public record Slo(
    String name,
    SloKind kind,
    String target,
    double threshold,
    int percentile,
    double objective,
    Duration window) {
  public Slo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    window = window == null ? Duration.ofDays(30) : window;
  }

  /** The error budget: the fraction of the window allowed to be bad. */
  public double errorBudget() {
    return 1.0 - objective;
  }
}
