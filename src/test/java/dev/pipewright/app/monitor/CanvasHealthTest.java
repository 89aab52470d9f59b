package dev.pipewright.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.model.Edge;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.io.PipelineFile;
import dev.pipewright.monitor.Health;
import dev.pipewright.monitor.MonitorSnapshot;
import dev.pipewright.monitor.Watchlist;
import dev.pipewright.monitor.connect.ConnectReport;
import dev.pipewright.monitor.connect.ConnectorStatus;
import dev.pipewright.monitor.connect.TaskStatus;
import dev.pipewright.monitor.kafka.GroupLag;
import dev.pipewright.monitor.kafka.KafkaLagReport;
import dev.pipewright.monitor.kafka.PartitionLag;
import dev.pipewright.monitor.lag.GroupStatus;
import dev.pipewright.monitor.lag.PartitionStatus;
import dev.pipewright.monitor.lag.TimeLag;
import dev.pipewright.monitor.pg.SlotReport;
import dev.pipewright.monitor.pg.SlotStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanvasHealthTest {
  static final Instant AT = Instant.parse("2026-01-01T12:00:00Z");
  final Pipeline shop = load();

  static Pipeline load() {
    try {
      return PipelineFile.load(Path.of("examples", "local-trial.yaml"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static PartitionLag part(String topic, int p, long lag, double secs, PartitionStatus st) {
    return new PartitionLag("connect-orders-read-model", topic, p, 100, 100 + lag, lag,
        new TimeLag(secs, TimeLag.Basis.INTERPOLATED), st, null);
  }

  MonitorSnapshot snapshot(Health kafkaHealth, GroupStatus status, String cdcState, Health slotHealth) {
    GroupLag g = new GroupLag("connect-orders-read-model", status, 150, 3.2, List.of(
        part("shop.public.orders", 0, 120, 3.2, status == GroupStatus.OK ? PartitionStatus.OK : PartitionStatus.STALL),
        part("shop.public.customers", 0, 30, 1.0, PartitionStatus.OK)));
    KafkaLagReport k = new KafkaLagReport(AT, kafkaHealth, kafkaHealth.level() == Health.Level.RED ? List.of() : List.of(g), 2);
    SlotReport s = new SlotReport(AT, slotHealth, List.of(new SlotStatus("pipewright_trial", "pgoutput", "shop", true,
        "reserved", -1, 1 << 20, 0, 0, null, slotHealth)));
    ConnectReport c = new ConnectReport(AT, Health.GREEN, List.of(
        new ConnectorStatus("shop-cdc", "source", cdcState, "w", "", List.of(new TaskStatus(0, cdcState, "w", "")))));
    return new MonitorSnapshot(AT, "local-trial", Watchlist.of(shop), k, s, c, Map.of(), List.of());
  }

  @Test
  void healthyPipelineIsGreenWhereWatched() {
    Map<String, Health.Level> levels = CanvasHealth.nodeLevels(shop, snapshot(Health.GREEN, GroupStatus.OK, "RUNNING", Health.GREEN));
    assertThat(levels).containsEntry("shop-db", Health.Level.GREEN).containsEntry("shop-cdc", Health.Level.GREEN)
        .containsEntry("shop.public.orders", Health.Level.GREEN).containsEntry("orders-read-model", Health.Level.AMBER);
    // a transform has no system to ask about: left uncoloured
    assertThat(levels).doesNotContainKey("unwrap-customers");
  }

  @Test
  void stalledGroupTurnsItsSinkAndTopicRed() {
    Map<String, Health.Level> levels = CanvasHealth.nodeLevels(shop, snapshot(Health.GREEN, GroupStatus.ERR, "RUNNING", Health.GREEN));
    assertThat(levels).containsEntry("orders-read-model", Health.Level.RED).containsEntry("shop.public.orders", Health.Level.RED)
        .containsEntry("shop.public.customers", Health.Level.GREEN);
  }

  @Test
  void failedCaptureAndLosingSlotAreRedPausedIsAmber() {
    assertThat(CanvasHealth.nodeLevels(shop, snapshot(Health.GREEN, GroupStatus.OK, "FAILED", Health.GREEN)))
        .containsEntry("shop-cdc", Health.Level.RED);
    assertThat(CanvasHealth.nodeLevels(shop, snapshot(Health.GREEN, GroupStatus.OK, "PAUSED", Health.GREEN)))
        .containsEntry("shop-cdc", Health.Level.AMBER);
    assertThat(CanvasHealth.nodeLevels(shop, snapshot(Health.GREEN, GroupStatus.OK, "RUNNING", Health.red("slot lost WAL"))))
        .containsEntry("shop-cdc", Health.Level.RED).containsEntry("shop-db", Health.Level.RED);
  }

  @Test
  void unreachableKafkaMakesTopicsAndSinksRed() {
    Map<String, Health.Level> levels = CanvasHealth.nodeLevels(shop,
        snapshot(Health.red("cannot reach 127.0.0.1:9"), GroupStatus.OK, "RUNNING", Health.GREEN));
    assertThat(levels).containsEntry("shop.public.orders", Health.Level.RED).containsEntry("audit-log", Health.Level.RED)
        .containsEntry("shop-cdc", Health.Level.GREEN);
  }

  @Test
  void edgesIntoSinksCarryTheirTopicsLag() {
    Map<Edge, String> labels = CanvasHealth.lagLabels(shop, snapshot(Health.GREEN, GroupStatus.OK, "RUNNING", Health.GREEN));
    assertThat(labels).containsEntry(new Edge("shop.public.orders", "orders-read-model"), "lag 120 · 3.2 s")
        .containsEntry(new Edge("shop.public.customers", "orders-read-model"), "lag 30 · 1.0 s")
        .doesNotContainKey(new Edge("shop-cdc", "shop.public.orders"));
  }

  @Test
  void trialRatesAndMonitorLagShareOneLabel() {
    Edge e = new Edge("shop.public.orders", "orders-read-model");
    Edge other = new Edge("shop-cdc", "shop.public.orders");
    Map<Edge, String> both = CanvasHealth.combine(Map.of(e, "42.0/s", other, "50.0/s"), Map.of(e, "lag 120 · 3.2 s"));
    assertThat(both).containsEntry(e, "42.0/s · lag 120 · 3.2 s").containsEntry(other, "50.0/s");
  }

  static final Edge SLOT_EDGE = new Edge("shop-db", "shop-cdc");
  static final Edge CAPTURE_EDGE = new Edge("shop-cdc", "shop.public.orders");
  static final Edge ORDERS_INTO_SINK = new Edge("shop.public.orders", "orders-read-model");
  static final Edge CUSTOMERS_INTO_SINK = new Edge("shop.public.customers", "orders-read-model");

  @Test
  void edgesAreColouredByWhatTheyCarry() {
    Map<Edge, Health.Level> healthy = CanvasHealth.edgeLevels(shop, snapshot(Health.GREEN, GroupStatus.OK, "RUNNING", Health.GREEN));
    assertThat(healthy).containsEntry(SLOT_EDGE, Health.Level.GREEN).containsEntry(CAPTURE_EDGE, Health.Level.GREEN)
        .containsEntry(ORDERS_INTO_SINK, Health.Level.GREEN).containsEntry(CUSTOMERS_INTO_SINK, Health.Level.GREEN);
    // a transform's input is nobody's to judge: uncoloured, like the transform itself
    assertThat(healthy).doesNotContainKey(new Edge("shop.public.customers", "unwrap-customers"));
  }

  @Test
  void aStalledPartitionReddensOnlyTheEdgeOfItsTopic() {
    Map<Edge, Health.Level> levels = CanvasHealth.edgeLevels(shop, snapshot(Health.GREEN, GroupStatus.ERR, "RUNNING", Health.GREEN));
    assertThat(levels).containsEntry(ORDERS_INTO_SINK, Health.Level.RED).containsEntry(CUSTOMERS_INTO_SINK, Health.Level.GREEN)
        .containsEntry(CAPTURE_EDGE, Health.Level.GREEN);
  }

  @Test
  void captureEdgesFollowTheConnectorAndTheSlotEdgeTheSlot() {
    assertThat(CanvasHealth.edgeLevels(shop, snapshot(Health.GREEN, GroupStatus.OK, "FAILED", Health.GREEN)))
        .containsEntry(CAPTURE_EDGE, Health.Level.RED).containsEntry(SLOT_EDGE, Health.Level.GREEN);
    assertThat(CanvasHealth.edgeLevels(shop, snapshot(Health.GREEN, GroupStatus.OK, "PAUSED", Health.GREEN)))
        .containsEntry(CAPTURE_EDGE, Health.Level.AMBER);
    assertThat(CanvasHealth.edgeLevels(shop, snapshot(Health.GREEN, GroupStatus.OK, "RUNNING", Health.red("slot lost WAL"))))
        .containsEntry(SLOT_EDGE, Health.Level.RED).containsEntry(CAPTURE_EDGE, Health.Level.GREEN);
  }

  @Test
  void unreachableKafkaReddensEveryEdgeThroughIt() {
    Map<Edge, Health.Level> levels = CanvasHealth.edgeLevels(shop,
        snapshot(Health.red("cannot reach 127.0.0.1:9"), GroupStatus.OK, "RUNNING", Health.GREEN));
    assertThat(levels).containsEntry(CAPTURE_EDGE, Health.Level.RED).containsEntry(ORDERS_INTO_SINK, Health.Level.RED)
        .containsEntry(SLOT_EDGE, Health.Level.GREEN);
  }

  /** The read model's group at {@code at}, having committed {@code committed} of the orders topic whose log ends at {@code logEnd}. */
  MonitorSnapshot offsets(Instant at, long committed, long logEnd) {
    GroupLag g = new GroupLag("connect-orders-read-model", GroupStatus.OK, logEnd - committed, 1, List.of(
        new PartitionLag("connect-orders-read-model", "shop.public.orders", 0, committed, logEnd, logEnd - committed,
            new TimeLag(1, TimeLag.Basis.INTERPOLATED), PartitionStatus.OK, null)));
    MonitorSnapshot base = snapshot(Health.GREEN, GroupStatus.OK, "RUNNING", Health.GREEN);
    return new MonitorSnapshot(at, base.pipeline(), base.watchlist(), new KafkaLagReport(at, Health.GREEN, List.of(g), 1),
        base.slots(), base.connect(), Map.of(), List.of());
  }

  @Test
  void edgesCarryTheRateBetweenTwoPolls() {
    MonitorSnapshot before = offsets(AT, 1_000, 1_100);
    MonitorSnapshot now = offsets(AT.plusSeconds(2), 1_090, 1_300);
    Map<Edge, String> rates = CanvasHealth.rateLabels(shop, before, now);
    assertThat(rates).containsEntry(ORDERS_INTO_SINK, "45/s")   // 90 consumed in 2 s
        .containsEntry(CAPTURE_EDGE, "100/s")                    // 200 written in 2 s
        .doesNotContainKey(new Edge("shop-cdc", "shop.public.customers")); // nobody reads it: unknown
    assertThat(CanvasHealth.rateLabels(shop, null, now)).isEmpty();
  }
}
