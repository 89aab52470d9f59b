package dev.pipewright.app.monitor;

import dev.pipewright.monitor.Health;
import java.util.List;

/**
 * What the monitoring dashboard shows at one moment: status tiles, chart series with their SLO
 * line, and each SLO's error budget. Immutable; the view draws it as it is.
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

  /** One chart: a title, its unit, one line per series and the SLO threshold (NaN for none). */
  public record Chart(String title, String unit, List<Series> series, double threshold) {
    public Chart {
      series = List.copyOf(series);
    }
  }

  /** One line: its name and points (seconds since the first poll, value). */
  public record Series(String name, List<Point> points) {
    public Series {
      points = List.copyOf(points);
    }
  }

  public record Point(double t, double value) {}

  /**
   * An SLO's error budget: remaining share (1 untouched, 0 spent), its state and the alerts firing.
   */
  public record Budget(String slo, String kind, String state, double remaining, List<String> alerts) {
    public Budget {
      alerts = List.copyOf(alerts);
    }
  }
}
