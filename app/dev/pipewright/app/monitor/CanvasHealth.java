package dev.pipewright.app.monitor;

import dev.pipewright.model.Category;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Node;
import dev.pipewright.model.Pipeline;
import dev.pipewright.monitor.Health;
import dev.pipewright.monitor.MonitorSnapshot;
import dev.pipewright.monitor.connect.ConnectorStatus;
import dev.pipewright.monitor.kafka.GroupLag;
import dev.pipewright.monitor.kafka.PartitionLag;
import dev.pipewright.monitor.lag.PartitionStatus;
import dev.pipewright.monitor.pg.SlotStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the canvas shows while monitoring: a traffic light per node (connector state, slot WAL
 * health, consumer lag status) and "lag N · T s" on the edges into sinks. Pure functions of
 * (pipeline, snapshot), so they are tested without a toolkit; OFF (not watched) leaves a node
 * uncoloured.
 */
public final class CanvasHealth {
  private CanvasHealth() {}

  /** Level per node name; nodes nothing watched says anything about are absent. */
  public static Map<String, Health.Level> nodeLevels(Pipeline p, MonitorSnapshot s) {
    Map<String, Health.Level> out = new LinkedHashMap<>();
    Health.Level kafkaDown = s.kafka().health().level() == Health.Level.RED ? Health.Level.RED : Health.Level.OFF;
    for (Node n : p.nodes()) {
      Health h = switch (n.kind().category()) {
        case SOURCE -> s.slots().health();
        case CAPTURE -> capture(n, s);
        case TOPIC -> topic(n, s);
        case SINK -> sink(n, s);
        default -> Health.NOT_CONFIGURED;
      };
      Health.Level level = h.level();
      if (kafkaDown == Health.Level.RED && (n.kind().category() == Category.TOPIC || n.kind().category() == Category.SINK)) {
        level = Health.Level.RED;
      }
      if (level != Health.Level.OFF) {
        out.put(n.name(), level);
      }
    }
    return out;
  }

  private static Health capture(Node n, MonitorSnapshot s) {
    Health h = connector(n, s);
    String slot = s.watchlist().slotsByCapture().get(n.name());
    if (slot != null) {
      Optional<SlotStatus> st = s.slots().slot(slot);
      if (st.isPresent()) {
        h = h.worst(st.get().health());
      } else if (s.slots().health().level() == Health.Level.RED) {
        h = h.worst(s.slots().health());
      }
    }
    return h;
  }

  private static Health connector(Node n, MonitorSnapshot s) {
    if (s.connect().health().level() == Health.Level.OFF) {
      return Health.NOT_CONFIGURED;
    }
    if (s.connect().health().level() == Health.Level.RED && s.connect().connectors().isEmpty()) {
      return s.connect().health();
    }
    String name = s.watchlist().connectorsByNode().get(n.name());
    Optional<ConnectorStatus> c = name == null ? Optional.empty() : s.connect().connector(name);
    if (c.isEmpty()) {
      return Health.amber("connector " + name + " is not deployed");
    }
    if (c.get().running()) {
      return Health.GREEN;
    }
    boolean failed = "FAILED".equals(c.get().state()) || c.get().tasks().stream().anyMatch(t -> "FAILED".equals(t.state()));
    return failed ? Health.red(c.get().name() + " failed") : Health.amber(c.get().name() + " is " + c.get().state());
  }

  private static Health topic(Node n, MonitorSnapshot s) {
    if (s.kafka().health().level() == Health.Level.OFF) {
      return Health.NOT_CONFIGURED;
    }
    String topic = MonitorTarget.topicOf(n);
    Health h = Health.GREEN;
    for (GroupLag g : s.kafka().groups()) {
      for (PartitionLag pl : g.partitions()) {
        if (pl.topic().equals(topic) && pl.status() != PartitionStatus.OK) {
          h = h.worst(pl.status() == PartitionStatus.WARN ? Health.amber(topic + " " + pl.status())
              : Health.red(topic + " " + pl.status()));
        }
      }
    }
    return h;
  }

  private static Health sink(Node n, MonitorSnapshot s) {
    Health h = connector(n, s);
    String group = s.watchlist().groupsBySink().get(n.name());
    Optional<GroupLag> g = group == null ? Optional.empty() : s.kafka().group(group);
    if (g.isPresent()) {
      h = h.worst(switch (g.get().status()) {
        case OK -> Health.GREEN;
        case WARN -> Health.amber(group + " WARN");
        case ERR -> Health.red(group + " ERR");
      });
    }
    return h;
  }

  /**
   * "lag N · T s" on every edge into a watched sink, N the messages behind on the edge's topic
   * (or the group's total when the upstream node is not a topic) and T the worst lag in seconds.
   */
  public static Map<Edge, String> lagLabels(Pipeline p, MonitorSnapshot s) {
    Map<Edge, String> out = new LinkedHashMap<>();
    for (Edge e : p.edges()) {
      String group = s.watchlist().groupsBySink().get(e.to());
      Optional<GroupLag> g = group == null ? Optional.empty() : s.kafka().group(group);
      if (g.isEmpty()) {
        continue;
      }
      Optional<Node> from = p.node(e.from());
      List<PartitionLag> parts = g.get().partitions();
      if (from.isPresent() && from.get().kind().category() == Category.TOPIC) {
        String topic = MonitorTarget.topicOf(from.get());
        parts = parts.stream().filter(pl -> pl.topic().equals(topic)).toList();
      }
      long lag = parts.stream().mapToLong(PartitionLag::lag).sum();
      double secs = parts.stream().mapToDouble(pl -> pl.lagSeconds().seconds()).filter(d -> !Double.isNaN(d)).max().orElse(Double.NaN);
      // whole seconds past 10: edges into sinks are short and the label must fit between the cards
      String fmt = secs >= 10 ? "lag %d · %.0f s" : "lag %d · %.1f s";
      out.put(e, Double.isNaN(secs) ? "lag " + lag : String.format(Locale.ROOT, fmt, lag, secs));
    }
    return out;
  }

  /**
   * One label per edge when the trial and the monitor both label edges: the trial's rate first,
   * then the monitor's lag, so neither overwrites the other.
   */
  public static Map<Edge, String> combine(Map<Edge, String> trial, Map<Edge, String> monitor) {
    Map<Edge, String> out = new LinkedHashMap<>(trial);
    monitor.forEach((e, lag) -> out.merge(e, lag, (rate, l) -> rate + " · " + l));
    return out;
  }
}
