package dev.pipewright.app.monitor;

import dev.pipewright.app.chart.SeriesHistory;
import dev.pipewright.monitor.Health;
import java.util.List;
import java.util.Locale;

/**
 * What the monitoring dashboard shows at one moment: status tiles, charts with their SLO line,
 * and each SLO's error budget. Immutable except each chart's history, which is the view model's
 * live buffer: appended to on the UI thread just before the state is published, read there only.
 */
public record DashboardState(String title, List<Tile> tiles, List<Chart> charts, List<Budget> budgets) {
  public static final DashboardState EMPTY = new DashboardState("Waiting for the first poll…", List.of(), List.of(), List.of());

  public DashboardState {
    tiles = List.copyOf(tiles);
    charts = List.copyOf(charts);
    budgets = List.copyOf(budgets);
  }

  /** A status tile: a system or a consumer group, its light, a headline figure and the reason. */
  public record Tile(String name, Health.Level level, String headline, String detail) {}

  /** One chart: a title, its unit, its history (one line per series) and the SLO threshold (NaN for none). */
  public record Chart(String title, String unit, SeriesHistory history, double threshold) {
    /** A stable node id, e.g. "chart-consumer-lag-s". */
    public String id() {
      return "chart-" + title.replace(' ', '-').toLowerCase(Locale.ROOT) + "-" + unit;
    }
  }

  /**
   * An SLO's error budget: remaining share (1 untouched, 0 spent), its state and the alerts firing.
   */
  public record Budget(String slo, String kind, String state, double remaining, List<String> alerts) {
    public Budget {
      alerts = List.copyOf(alerts);
    }
  }
}
