package dev.pipewright.monitor.slo;

import java.time.Instant;

/**
 * A burn-rate alert that is firing: which SLO, which rule, since when, the burn rates that
 * tripped it and a sentence saying what breached.
 */
public record BurnAlert(
    String slo,
    AlertSeverity severity,
    String rule,
    Instant since,
    double longBurn,
    double shortBurn,
    double factor,
    String breached) {}
