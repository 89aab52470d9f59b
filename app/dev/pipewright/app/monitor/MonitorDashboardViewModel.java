package dev.pipewright.app.monitor;

import dev.pipewright.model.Slo;
import dev.pipewright.model.SloKind;
import dev.pipewright.monitor.Health;
import dev.pipewright.monitor.MonitorSnapshot;
import dev.pipewright.monitor.connect.ConnectorStatus;
import dev.pipewright.monitor.freshness.Freshness;
import dev.pipewright.monitor.kafka.GroupLag;
import dev.pipewright.monitor.pg.SlotStatus;
import dev.pipewright.monitor.slo.BurnAlert;
import dev.pipewright.monitor.slo.SloStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The monitoring dashboard's view model: turns each {@link MonitorSnapshot} (delivered on the
 * monitor's poll thread) into a {@link DashboardState} published on the UI executor, keeping a
 * bounded history for the charts. No {@code javafx.scene}; tests pass a direct executor.
 */
public final class MonitorDashboardViewModel implements Consumer<MonitorSnapshot> {
  /** Points kept per line: 15 minutes at the default 2 s interval. */
  public static final int HISTORY = 450;

  private final Executor ui;
  private final List<Slo> slos;
  private final ReadOnlyObjectWrapper<DashboardState> state = new ReadOnlyObjectWrapper<>(DashboardState.EMPTY);
  private final Map<String, Map<String, ArrayDeque<DashboardState.Point>>> history = new LinkedHashMap<>();
  private Instant first;

  /**
   * @param slos the pipeline's SLOs, whose thresholds are drawn on the charts
   * @param ui where state changes are published (the FX thread in the app)
   */
  public MonitorDashboardViewModel(List<Slo> slos, Executor ui) {
    this.slos = List.copyOf(slos);
    this.ui = ui;
  }

  public ReadOnlyObjectProperty<DashboardState> stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** Called by the monitor on its poll thread; the state is built here and published on the UI executor. */
  @Override
  public void accept(MonitorSnapshot s) {
    DashboardState next;
    synchronized (history) {
      next = build(s);
    }
    ui.execute(() -> state.set(next));
  }

  private DashboardState build(MonitorSnapshot s) {
    if (first == null) {
      first = s.at();
    }
    double t = Duration.between(first, s.at()).toMillis() / 1000.0;
    for (GroupLag g : s.kafka().groups()) {
      add("lag-seconds", g.group(), t, g.maxLagSeconds());
      add("lag-messages", g.group(), t, g.totalLag());
    }
    for (Map.Entry<String, Freshness> f : s.freshnessBySink().entrySet()) {
      if (f.getValue().count() > 0) {
        add("freshness", f.getKey(), t, f.getValue().p99());
      }
    }
    for (SlotStatus sl : s.slots().slots()) {
      add("wal", sl.slotName(), t, sl.retainedBytes() / 1048576.0);
    }
    List<DashboardState.Chart> charts = List.of(
        chart("Consumer lag", "s", "lag-seconds", threshold(SloKind.LAG_SECONDS, 1)),
        chart("Consumer lag", "messages", "lag-messages", threshold(SloKind.LAG_MESSAGES, 1)),
        chart("Freshness p99", "s", "freshness", threshold(SloKind.FRESHNESS, 1)),
        chart("Slot WAL retained", "MiB", "wal", threshold(SloKind.SLOT_WAL_BYTES, 1.0 / 1048576)));
    return new DashboardState(s.pipeline() + " — " + s.at(), tiles(s), charts, budgets(s));
  }

  private void add(String chart, String series, double t, double value) {
    if (Double.isNaN(value)) {
      return;
    }
    ArrayDeque<DashboardState.Point> points = history.computeIfAbsent(chart, k -> new LinkedHashMap<>())
        .computeIfAbsent(series, k -> new ArrayDeque<>());
    if (points.size() == HISTORY) {
      points.removeFirst();
    }
    points.addLast(new DashboardState.Point(t, value));
  }

  private DashboardState.Chart chart(String title, String unit, String key, double threshold) {
    List<DashboardState.Series> series = new ArrayList<>();
    history.getOrDefault(key, Map.of()).forEach((name, pts) -> series.add(new DashboardState.Series(name, List.copyOf(pts))));
    return new DashboardState.Chart(title, unit, series, threshold);
  }

  /** The tightest threshold of the pipeline's SLOs of {@code kind}, scaled to the chart's unit; NaN if none. */
  private double threshold(SloKind kind, double scale) {
    return slos.stream().filter(x -> x.kind() == kind).mapToDouble(x -> x.threshold() * scale).min().orElse(Double.NaN);
  }

  private static List<DashboardState.Tile> tiles(MonitorSnapshot s) {
    List<DashboardState.Tile> tiles = new ArrayList<>();
    tiles.add(new DashboardState.Tile("Kafka", s.kafka().health().level(),
        s.kafka().groups().size() + " groups, " + s.kafka().groups().stream().mapToLong(GroupLag::totalLag).sum() + " behind",
        s.kafka().health().reason()));
    for (GroupLag g : s.kafka().groups()) {
      Health.Level level = switch (g.status()) {
        case OK -> Health.Level.GREEN;
        case WARN -> Health.Level.AMBER;
        case ERR -> Health.Level.RED;
      };
      tiles.add(new DashboardState.Tile(g.group(), level,
          String.format(Locale.ROOT, "%d msgs, %.1f s", g.totalLag(), g.maxLagSeconds()), "Burrow " + g.status()));
    }
    long retained = s.slots().slots().stream().mapToLong(SlotStatus::retainedBytes).sum();
    tiles.add(new DashboardState.Tile("Replication slots", s.slots().health().level(),
        s.slots().slots().size() + " slots, " + String.format(Locale.ROOT, "%.1f MiB held", retained / 1048576.0),
        s.slots().health().reason()));
    long running = s.connect().connectors().stream().filter(ConnectorStatus::running).count();
    tiles.add(new DashboardState.Tile("Connectors", s.connect().health().level(),
        running + " of " + s.connect().connectors().size() + " running", s.connect().health().reason()));
    return tiles;
  }

  private static List<DashboardState.Budget> budgets(MonitorSnapshot s) {
    List<DashboardState.Budget> out = new ArrayList<>();
    for (SloStatus st : s.slos()) {
      out.add(new DashboardState.Budget(st.slo().name(), st.slo().kind().yamlName(), st.state().name(),
          st.budgetRemaining(), st.alerts().stream().map(MonitorDashboardViewModel::describe).toList()));
    }
    return out;
  }

  private static String describe(BurnAlert a) {
    return a.severity() + " since " + a.since() + ": " + a.breached();
  }
}
