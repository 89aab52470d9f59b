package dev.pipewright.app.monitor;

import dev.pipewright.app.chart.SeriesHistory;
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
import java.time.ZoneId;
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
 * monitor's poll thread) into a {@link DashboardState} published on the UI executor, keeping an
 * hour of chart history at one-second resolution in bounded {@link SeriesHistory} buffers that
 * only the UI executor touches. No {@code javafx.scene}; tests pass a direct executor.
 */
public final class MonitorDashboardViewModel implements Consumer<MonitorSnapshot> {
  /** Rows kept per chart: an hour at one row per second. */
  public static final int HISTORY = 3600;
  public static final Duration RESOLUTION = Duration.ofSeconds(1);
  public static final Duration SPAN = Duration.ofHours(1);
  /** Up to this many consumer groups get a tile each; past it, only those not OK do. */
  public static final int GROUP_TILES = 6;

  private final Executor ui;
  private final List<Slo> slos;
  private final ReadOnlyObjectWrapper<DashboardState> state = new ReadOnlyObjectWrapper<>(DashboardState.EMPTY);
  private final List<DashboardState.Chart> charts;
  private final ZoneId zone;

  /**
   * @param slos the pipeline's SLOs, whose thresholds are drawn on the charts
   * @param ui where state changes are published (the FX thread in the app)
   */
  public MonitorDashboardViewModel(List<Slo> slos, Executor ui) {
    this(slos, ui, ZoneId.systemDefault());
  }

  /** As {@link #MonitorDashboardViewModel(List, Executor)}, with the title's poll time in {@code zone} (the charts' zone). */
  MonitorDashboardViewModel(List<Slo> slos, Executor ui, ZoneId zone) {
    this.slos = List.copyOf(slos);
    this.ui = ui;
    this.zone = zone;
    this.charts = List.of(
        chart("Consumer lag", "s", threshold(SloKind.LAG_SECONDS, 1)),
        chart("Consumer lag", "messages", threshold(SloKind.LAG_MESSAGES, 1)),
        chart("Freshness p99", "s", threshold(SloKind.FRESHNESS, 1)),
        chart("Slot WAL retained", "MiB", threshold(SloKind.SLOT_WAL_BYTES, 1.0 / 1048576)));
  }

  public ReadOnlyObjectProperty<DashboardState> stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** Called by the monitor on its poll thread; rows and tiles are built here, appended and published on the UI executor. */
  @Override
  public void accept(MonitorSnapshot s) {
    List<Map<String, Double>> rows = rows(s);
    // the time as the charts' axes show it, not an ISO instant with nanoseconds
    String title = s.pipeline() + " — last poll " + Times.of(s.at(), zone, s.at());
    List<DashboardState.Tile> tiles = tiles(s);
    List<DashboardState.Budget> budgets = budgets(s, zone);
    ui.execute(() -> {
      for (int i = 0; i < charts.size(); i++) {
        charts.get(i).history().record(s.at(), rows.get(i));
      }
      state.set(new DashboardState(title, tiles, charts, budgets));
    });
  }

  /** One row per chart, in the order of {@link #charts}: series name to value (NaN is left out). */
  private static List<Map<String, Double>> rows(MonitorSnapshot s) {
    Map<String, Double> lagSeconds = new LinkedHashMap<>();
    Map<String, Double> lagMessages = new LinkedHashMap<>();
    for (GroupLag g : s.kafka().groups()) {
      put(lagSeconds, g.group(), g.maxLagSeconds());
      put(lagMessages, g.group(), g.totalLag());
    }
    Map<String, Double> freshness = new LinkedHashMap<>();
    for (Map.Entry<String, Freshness> f : s.freshnessBySink().entrySet()) {
      if (f.getValue().count() > 0) {
        put(freshness, f.getKey(), f.getValue().p99());
      }
    }
    Map<String, Double> wal = new LinkedHashMap<>();
    for (SlotStatus sl : s.slots().slots()) {
      put(wal, sl.slotName(), sl.retainedBytes() / 1048576.0);
    }
    return List.of(lagSeconds, lagMessages, freshness, wal);
  }

  private static void put(Map<String, Double> row, String series, double value) {
    if (!Double.isNaN(value)) {
      row.put(series, value);
    }
  }

  private static DashboardState.Chart chart(String title, String unit, double threshold) {
    return new DashboardState.Chart(title, unit, new SeriesHistory(HISTORY, RESOLUTION, SPAN), threshold);
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
    // Past a handful of groups a tile each would bury the charts: the healthy ones share one tile.
    boolean many = s.kafka().groups().size() > GROUP_TILES;
    int quiet = 0;
    long quietLag = 0;
    for (GroupLag g : s.kafka().groups()) {
      Health.Level level = switch (g.status()) {
        case OK -> Health.Level.GREEN;
        case WARN -> Health.Level.AMBER;
        case ERR -> Health.Level.RED;
      };
      if (many && level == Health.Level.GREEN) {
        quiet++;
        quietLag += g.totalLag();
        continue;
      }
      tiles.add(new DashboardState.Tile(g.group(), level,
          String.format(Locale.ROOT, "%d msgs, %.1f s", g.totalLag(), g.maxLagSeconds()), "Burrow " + g.status()));
    }
    if (quiet > 0) {
      tiles.add(new DashboardState.Tile("Other groups", Health.Level.GREEN, quiet + " groups OK, " + quietLag + " behind",
          "Burrow OK; each one's lag is on the charts"));
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

  private static List<DashboardState.Budget> budgets(MonitorSnapshot s, ZoneId zone) {
    List<DashboardState.Budget> out = new ArrayList<>();
    for (SloStatus st : s.slos()) {
      out.add(new DashboardState.Budget(st.slo().name(), st.slo().kind().yamlName(), st.state().name(),
          st.budgetRemaining(), st.alerts().stream().map(a -> describe(a, zone, s.at())).toList()));
    }
    return out;
  }

  private static String describe(BurnAlert a, ZoneId zone, Instant now) {
    return a.severity() + " since " + Times.of(a.since(), zone, now) + ": " + a.breached();
  }
}
