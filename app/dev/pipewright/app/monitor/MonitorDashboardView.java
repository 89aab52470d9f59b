package dev.pipewright.app.monitor;

import dev.pipewright.app.chart.TimeSeriesChart;
import dev.pipewright.monitor.Health;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;

/**
 * The monitoring dashboard: status tiles across the top, charts of lag, freshness and slot WAL
 * with each SLO's threshold as a dashed red line, and the SLOs' error budgets on the right.
 * Draws whatever {@link DashboardState} its view model publishes; holds no logic of its own.
 * The charts are made once and only redrawn on each poll.
 */
public final class MonitorDashboardView extends BorderPane {
  private final Label title = new Label();
  private final FlowPane tiles = new FlowPane(8, 8);
  private final GridPane charts = new GridPane();
  private final VBox budgets = new VBox(10);
  private final Map<String, TimeSeriesChart> chartViews = new LinkedHashMap<>();

  public MonitorDashboardView(MonitorDashboardViewModel vm) {
    setId("monitor-dashboard");
    setStyle("-fx-background-color: #f6f8fa;");
    setPadding(new Insets(12));
    title.setId("monitor-title");
    title.setStyle("-fx-font-size: 15px; -fx-font-weight: bold; -fx-text-fill: #1f2328;");
    tiles.setId("monitor-tiles");
    VBox top = new VBox(8, title, tiles);
    top.setPadding(new Insets(0, 0, 10, 0));
    setTop(top);
    charts.setHgap(8);
    charts.setVgap(8);
    for (int i = 0; i < 2; i++) {
      ColumnConstraints c = new ColumnConstraints();
      c.setPercentWidth(50);
      charts.getColumnConstraints().add(c);
      RowConstraints r = new RowConstraints();
      r.setPercentHeight(50);
      r.setVgrow(Priority.ALWAYS);
      charts.getRowConstraints().add(r);
    }
    setCenter(charts);
    budgets.setId("monitor-budgets");
    budgets.setPrefWidth(270);
    budgets.setPadding(new Insets(0, 0, 0, 12));
    setRight(budgets);
    vm.stateProperty().addListener((obs, old, s) -> render(s));
    render(vm.stateProperty().get());
  }

  private void render(DashboardState s) {
    title.setText(s.title());
    tiles.getChildren().clear();
    for (DashboardState.Tile t : s.tiles()) {
      tiles.getChildren().add(tile(t));
    }
    for (int i = 0; i < s.charts().size() && i < 4; i++) {
      DashboardState.Chart c = s.charts().get(i);
      int cell = i;
      TimeSeriesChart view = chartViews.computeIfAbsent(c.id(), id -> {
        TimeSeriesChart made = new TimeSeriesChart(c.title(), c.unit());
        made.setId(id);
        charts.add(made, cell % 2, cell / 2);
        return made;
      });
      view.setData(c.history(), c.threshold());
    }
    budgets.getChildren().clear();
    Label heading = new Label("Error budgets");
    heading.setStyle("-fx-font-weight: bold; -fx-font-size: 13px;");
    budgets.getChildren().add(heading);
    for (DashboardState.Budget b : s.budgets()) {
      budgets.getChildren().add(budget(b));
    }
  }

  private static VBox tile(DashboardState.Tile t) {
    Label name = new Label(t.name());
    name.setStyle("-fx-font-weight: bold; -fx-text-fill: white;");
    Label headline = new Label(t.headline());
    headline.setStyle("-fx-text-fill: white; -fx-font-size: 13px;");
    Label detail = new Label(t.detail());
    detail.setWrapText(true);
    detail.setStyle("-fx-text-fill: white; -fx-font-size: 10px;");
    VBox box = new VBox(2, name, headline, detail);
    box.setPadding(new Insets(6, 10, 6, 10));
    box.setPrefWidth(240);
    box.setMinHeight(64);
    box.setStyle("-fx-background-color: " + color(t.level()) + "; -fx-background-radius: 6;");
    box.setId("tile-" + t.name());
    return box;
  }

  static String color(Health.Level level) {
    return switch (level) {
      case GREEN -> "#1a7f37";
      case AMBER -> "#9a6700";
      case RED -> "#cf222e";
      case OFF -> "#6e7781";
    };
  }

  private static VBox budget(DashboardState.Budget b) {
    Label name = new Label(b.slo() + "  (" + b.kind() + ")");
    name.setStyle("-fx-font-weight: bold;");
    ProgressBar bar = new ProgressBar(Math.max(0, Math.min(1, b.remaining())));
    bar.setMaxWidth(Double.MAX_VALUE);
    String barColor = b.remaining() > 0.5 ? "#1a7f37" : b.remaining() > 0.1 ? "#9a6700" : "#cf222e";
    bar.setStyle("-fx-accent: " + barColor + ";");
    // the state is the latest poll's, the budget the whole window's: "MET, budget overspent" read as a contradiction
    String now = switch (b.state()) {
      case "MET" -> "Within threshold now";
      case "BREACHED" -> "Over threshold now";
      case "NO_DATA" -> "No data yet";
      default -> b.state();
    };
    Label figures = new Label(b.remaining() >= 0
        ? String.format(Locale.ROOT, "%s; %.1f %% of budget left", now, 100 * b.remaining())
        : String.format(Locale.ROOT, "%s; budget overspent by %.1f %%", now, -100 * b.remaining()));
    figures.setId("budget-figures-" + b.slo());
    figures.setWrapText(true);
    figures.setStyle("-fx-font-size: 11px;");
    VBox box = new VBox(3, name, bar, figures);
    for (String a : b.alerts()) {
      Label alert = new Label(a);
      alert.setWrapText(true);
      alert.setStyle("-fx-text-fill: #cf222e; -fx-font-size: 10px;");
      box.getChildren().add(alert);
    }
    box.setId("budget-" + b.slo());
    return box;
  }
}
