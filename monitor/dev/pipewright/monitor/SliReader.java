package dev.pipewright.monitor;

import dev.pipewright.model.Slo;
import dev.pipewright.monitor.connect.ConnectReport;
import dev.pipewright.monitor.freshness.Freshness;
import dev.pipewright.monitor.kafka.GroupLag;
import dev.pipewright.monitor.kafka.KafkaLagReport;
import dev.pipewright.monitor.pg.SlotReport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads each SLO's indicator from one poll's reports: freshness percentile of the sink, total
 * lag in messages and worst partition lag in seconds of the sink's group, WAL retained by the
 * capture's slot, 1 or 0 for connector running. NaN (no data) when the system that would tell is
 * down or not watched, so an outage of the monitor's view is not counted as the pipeline's.
 */
final class SliReader {
  private SliReader() {}

  static Map<String, Double> read(List<Slo> slos, Watchlist w, KafkaLagReport kafka, SlotReport slots,
      ConnectReport connect, Map<String, Freshness> freshness) {
    Map<String, Double> out = new HashMap<>();
    for (Slo slo : slos) {
      out.put(slo.name(), value(slo, w, kafka, slots, connect, freshness));
    }
    return out;
  }

  private static double value(Slo slo, Watchlist w, KafkaLagReport kafka, SlotReport slots, ConnectReport connect,
      Map<String, Freshness> freshness) {
    String target = slo.target();
    return switch (slo.kind()) {
      case FRESHNESS -> {
        Freshness f = freshness.get(target);
        yield f == null || f.count() == 0 ? Double.NaN : f.percentile(slo.percentile());
      }
      case LAG_MESSAGES -> group(w, kafka, target).map(g -> (double) g.totalLag()).orElse(Double.NaN);
      case LAG_SECONDS -> group(w, kafka, target).map(GroupLag::maxLagSeconds).orElse(Double.NaN);
      case SLOT_WAL_BYTES -> {
        String slot = w.slotsByCapture().get(target);
        yield slot == null || !up(slots.health())
            ? Double.NaN : slots.slot(slot).map(s -> (double) s.retainedBytes()).orElse(Double.NaN);
      }
      case CONNECTOR_RUNNING -> {
        String name = w.connectorsByNode().getOrDefault(target, target);
        yield !up(connect.health()) && connect.connectors().isEmpty()
            ? Double.NaN : connect.connector(name).map(c -> c.running() ? 1.0 : 0.0).orElse(0.0);
      }
    };
  }

  private static Optional<GroupLag> group(Watchlist w, KafkaLagReport kafka, String sink) {
    String g = w.groupsBySink().get(sink);
    return g == null || !up(kafka.health()) ? Optional.empty() : kafka.group(g);
  }

  private static boolean up(Health h) {
    return h.level() == Health.Level.GREEN || h.level() == Health.Level.AMBER;
  }
}
