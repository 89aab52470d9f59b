package dev.pipewright.app.monitor;

import dev.pipewright.model.Slo;
import dev.pipewright.model.SloKind;
import dev.pipewright.monitor.Health;
import dev.pipewright.monitor.MonitorSnapshot;
import dev.pipewright.monitor.Watchlist;
import dev.pipewright.monitor.connect.ConnectReport;
import dev.pipewright.monitor.connect.ConnectorStatus;
import dev.pipewright.monitor.connect.TaskStatus;
import dev.pipewright.monitor.freshness.Freshness;
import dev.pipewright.monitor.kafka.GroupLag;
import dev.pipewright.monitor.kafka.KafkaLagReport;
import dev.pipewright.monitor.kafka.PartitionLag;
import dev.pipewright.monitor.lag.GroupStatus;
import dev.pipewright.monitor.lag.PartitionStatus;
import dev.pipewright.monitor.lag.TimeLag;
import dev.pipewright.monitor.pg.SlotReport;
import dev.pipewright.monitor.pg.SlotStatus;
import dev.pipewright.monitor.slo.SloEvaluator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A scripted run of the shop pipeline as the monitor reports it: lag that builds up after a
 * minute, freshness following it, a slot holding more WAL; SLO states come from the real
 * {@link SloEvaluator}.
 */
final class Snapshots {
  static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
  static final List<Slo> SLOS = List.of(
      new Slo("read-model-fresh", SloKind.FRESHNESS, "orders-read-model", 5, 99, 0.99, Duration.ofHours(1)),
      new Slo("read-model-lag", SloKind.LAG_SECONDS, "orders-read-model", 10, 0, 0.99, Duration.ofHours(1)),
      new Slo("slot-wal-bounded", SloKind.SLOT_WAL_BYTES, "shop-cdc", 64L << 20, 0, 0.999, Duration.ofHours(1)));

  private Snapshots() {}

  static final List<String> TABLES = List.of("orders", "customers", "payments", "shipments", "invoices", "products",
      "inventory", "reviews", "carts", "refunds", "coupons", "addresses", "sessions", "events", "audit", "ledger",
      "returns", "suppliers", "warehouses", "prices");

  /**
   * A busy cluster: {@code groups} sink groups (at most 20) polled every second for {@code polls}
   * seconds, each group's lag a different mix of a slow wave, bursts and one incident, so a chart
   * of an hour has twenty distinguishable lines; two slots, freshness per sink, SLOs evaluated.
   */
  static List<MonitorSnapshot> busy(int groups, int polls) {
    SloEvaluator slo = new SloEvaluator(SLOS);
    List<MonitorSnapshot> out = new ArrayList<>(polls);
    for (int i = 0; i < polls; i++) {
      Instant at = T0.plusSeconds(i);
      List<GroupLag> lags = new ArrayList<>();
      Map<String, Freshness> fresh = new java.util.LinkedHashMap<>();
      double worst = 0;
      for (int g = 0; g < groups; g++) {
        String table = TABLES.get(g);
        double wave = 1.5 + g * 0.35 + Math.sin(i / (90.0 + 13 * g) + g) * (0.6 + g * 0.05);
        double burst = (i + 37 * g) % (400 + 29 * g) < 25 ? 2.5 + g % 4 : 0;
        double incident = g == 3 && i > 2100 && i < 2500 ? (i - 2100) * 0.04 : 0;
        double secs = Math.max(0, wave + burst + incident);
        long msgs = Math.round(secs * (40 + 9 * g));
        worst = Math.max(worst, secs);
        PartitionStatus ps = incident > 4 ? PartitionStatus.WARN : PartitionStatus.OK;
        String group = "connect-" + table + "-sink";
        lags.add(new GroupLag(group, incident > 4 ? GroupStatus.WARN : GroupStatus.OK, msgs, secs, List.of(
            new PartitionLag(group, "shop.public." + table, 0, 10_000L + i * 40L, 10_000L + i * 40L + msgs, msgs,
                new TimeLag(secs, TimeLag.Basis.INTERPOLATED), ps, null))));
        if (g < 6) {
          double p99 = 0.4 + secs * 0.9;
          fresh.put(table + "-sink", new Freshness(300, p99 / 3, p99 * 0.8, p99, p99 * 1.2));
        }
      }
      long wal = (12L << 20) + (long) ((i % 900) * (70_000.0));
      long wal2 = (3L << 20) + (long) (Math.abs(Math.sin(i / 400.0)) * (20L << 20));
      SlotReport slots = new SlotReport(at, Health.GREEN, List.of(
          new SlotStatus("pipewright_shop", "pgoutput", "shop", true, "reserved", -1, wal, 4096, 524_288, null, Health.GREEN),
          new SlotStatus("pipewright_billing", "pgoutput", "billing", true, "reserved", -1, wal2, 4096, 524_288, null,
              Health.GREEN)));
      ConnectReport connect = new ConnectReport(at, Health.GREEN, List.of(
          new ConnectorStatus("shop-cdc", "source", "RUNNING", "worker-1", "", List.of(new TaskStatus(0, "RUNNING", "worker-1", "")))));
      double p99 = fresh.values().stream().mapToDouble(Freshness::p99).max().orElse(0);
      var statuses = slo.observe(at, Map.of("read-model-fresh", p99, "read-model-lag", worst, "slot-wal-bounded", (double) wal));
      out.add(new MonitorSnapshot(at, "shop-production", new Watchlist(Map.of(), Map.of(), Map.of()),
          new KafkaLagReport(at, Health.GREEN, lags, 3), slots, connect, fresh, statuses));
    }
    return out;
  }

  /** {@code polls} snapshots two seconds apart. */
  static List<MonitorSnapshot> run(int polls) {
    SloEvaluator slo = new SloEvaluator(SLOS);
    List<MonitorSnapshot> out = new ArrayList<>();
    for (int i = 0; i < polls; i++) {
      Instant at = T0.plusSeconds(2L * i);
      double lagS = i < 30 ? 0.4 : (i - 30) * 0.8;
      long lagMsgs = i < 30 ? 3 : (i - 30) * 120L;
      GroupStatus gs = i < 30 ? GroupStatus.OK : GroupStatus.WARN;
      GroupLag readModel = new GroupLag("connect-orders-read-model", gs, lagMsgs, lagS, List.of(
          new PartitionLag("connect-orders-read-model", "shop.public.orders", 0, 1000 + i * 50L, 1000 + i * 50L + lagMsgs,
              lagMsgs, new TimeLag(lagS, TimeLag.Basis.INTERPOLATED),
              i < 30 ? PartitionStatus.OK : PartitionStatus.WARN, null)));
      GroupLag audit = new GroupLag("connect-audit-log", GroupStatus.OK, 0, 0, List.of());
      KafkaLagReport kafka = new KafkaLagReport(at, Health.GREEN, List.of(readModel, audit), 3);
      long wal = (8L << 20) + i * (1L << 20);
      SlotReport slots = new SlotReport(at, Health.GREEN, List.of(new SlotStatus("pipewright_trial", "pgoutput", "shop",
          true, "reserved", -1, wal, 4096, 524_288, null, Health.GREEN)));
      ConnectReport connect = new ConnectReport(at, Health.GREEN, List.of(
          new ConnectorStatus("shop-cdc", "source", "RUNNING", "local", "", List.of(new TaskStatus(0, "RUNNING", "local", ""))),
          new ConnectorStatus("orders-read-model", "sink", "RUNNING", "local", "", List.of(new TaskStatus(0, "RUNNING", "local", "")))));
      double p99 = 0.3 + lagS;
      Freshness f = new Freshness(500, p99 / 3, p99 * 0.8, p99, p99 * 1.2);
      var statuses = slo.observe(at, Map.of("read-model-fresh", p99, "read-model-lag", lagS, "slot-wal-bounded", (double) wal));
      out.add(new MonitorSnapshot(at, "local-trial", new Watchlist(Map.of(), Map.of(), Map.of()), kafka, slots, connect,
          Map.of("orders-read-model", f), statuses));
    }
    return out;
  }
}
