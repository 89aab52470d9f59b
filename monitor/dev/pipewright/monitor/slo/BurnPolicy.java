package dev.pipewright.monitor.slo;

import java.time.Duration;
import java.util.List;

/**
 * The burn-rate alert rules, written for a reference SLO window and scaled to each SLO's own
 * window so that a rule always means the same share of the budget spent (docs/decisions/0083).
 */
public record BurnPolicy(Duration referenceWindow, List<BurnRule> rules) {
  public BurnPolicy {
    rules = List.copyOf(rules);
  }

  /**
   * The Google SRE workbook's pair for a 30-day SLO: page when 2 % of the budget burns in an hour
   * (14.4x over 1 h and 5 m), open a ticket when 5 % burns in six hours (6x over 6 h and 30 m).
   */
  public static BurnPolicy workbook() {
    return new BurnPolicy(Duration.ofDays(30), List.of(
        new BurnRule("fast burn", AlertSeverity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 14.4),
        new BurnRule("slow burn", AlertSeverity.TICKET, Duration.ofHours(6), Duration.ofMinutes(30), 6.0)));
  }

  /** The rules for an SLO over {@code window}; windows shorter than {@code floor} become {@code floor}. */
  public List<BurnRule> forWindow(Duration window, Duration floor) {
    double scale = (double) window.toMillis() / referenceWindow.toMillis();
    return rules.stream().map(r -> r.scaled(scale, floor)).toList();
  }
}
