package dev.pipewright.monitor.slo;

import dev.pipewright.model.Slo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An SLO's state after one observation: the latest value, whether it meets the threshold, the
 * error budget over the SLO window, burn rates per rule window and the alerts firing. Immutable.
 *
 * @param value the latest measured value in the kind's unit; NaN when there was no data
 * @param compliance good time / observed time over the window; NaN before any observed time
 * @param budgetConsumed bad time / (error budget x window); above 1 means the budget is spent
 * @param burnRates burn rate per window, keyed by its spelling ({@code 1h}, {@code 5m}, ...)
 */
public record SloStatus(
    Slo slo,
    Instant at,
    double value,
    State state,
    double compliance,
    double budgetConsumed,
    Map<String, Double> burnRates,
    List<BurnAlert> alerts) {
  public SloStatus {
    burnRates = Map.copyOf(burnRates);
    alerts = List.copyOf(alerts);
  }

  /** Whether the latest observation met the objective's threshold. */
  public enum State {
    MET, BREACHED, NO_DATA
  }

  /** The share of the error budget left, 1 when untouched, 0 or below when spent. */
  public double budgetRemaining() {
    return 1.0 - budgetConsumed;
  }
}
