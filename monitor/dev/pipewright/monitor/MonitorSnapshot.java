package dev.pipewright.monitor;

import dev.pipewright.monitor.connect.ConnectReport;
import dev.pipewright.monitor.freshness.Freshness;
import dev.pipewright.monitor.kafka.KafkaLagReport;
import dev.pipewright.monitor.pg.SlotReport;
import dev.pipewright.monitor.slo.SloStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one poll saw, immutable, handed to listeners (the CLI, the app's view models):
 * lag per group and partition, replication slots, connectors, freshness per sink and SLO states.
 *
 * @param freshnessBySink freshness over the recent window per sink node that reported writes
 */
public record MonitorSnapshot(
    Instant at,
    String pipeline,
    Watchlist watchlist,
    KafkaLagReport kafka,
    SlotReport slots,
    ConnectReport connect,
    Map<String, Freshness> freshnessBySink,
    List<SloStatus> slos) {
  public MonitorSnapshot {
    freshnessBySink = Map.copyOf(freshnessBySink);
    slos = List.copyOf(slos);
  }

  /** The worst health of the watched systems. */
  public Health health() {
    return kafka.health().worst(slots.health()).worst(connect.health());
  }
}
