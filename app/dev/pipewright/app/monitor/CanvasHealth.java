package dev.pipewright.app.monitor;

import dev.pipewright.app.trial.RateFormat;
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
import java.util.OptionalLong;

/**
 * What the canvas shows while monitoring: a traffic light per node (connector state, slot WAL
 * health, consumer lag status) and per edge (what the edge carries: the replication slot into a
 * capture, the capture's connector out of it, the consuming group's lag status into a sink), the
 * rate on edges out of captures and into sinks and "lag N · T s" on the edges into sinks. Pure
 * functions of (pipeline, snapshots), so they are tested without a toolkit; OFF (not watched)
 * leaves a node or an edge uncoloured.
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
   * Level per edge, by what flows along it: source → capture is the capture's replication slot;
   * capture → anything is the capture's connector (or the trial's engine), red with Kafka down;
   * anything → sink is the sink's consumer group on the edge's topic (Burrow: WARN amber, STALL,
   * STOP, REWIND and ERR red). Edges nothing watched says anything about are absent.
   */
  public static Map<Edge, Health.Level> edgeLevels(Pipeline p, MonitorSnapshot s) {
    Map<Edge, Health.Level> out = new LinkedHashMap<>();
    boolean kafkaDown = s.kafka().health().level() == Health.Level.RED;
    for (Edge e : p.edges()) {
      Optional<Node> from = p.node(e.from());
      Optional<Node> to = p.node(e.to());
      if (from.isEmpty() || to.isEmpty()) {
        continue;
      }
      Category fc = from.get().kind().category();
      Category tc = to.get().kind().category();
      Health.Level level = Health.Level.OFF;
      if (fc == Category.SOURCE && tc == Category.CAPTURE) {
        level = slot(to.get(), s).level();
      } else if (fc == Category.CAPTURE) {
        level = kafkaDown ? Health.Level.RED : connector(from.get(), s).level();
      } else if (tc == Category.SINK) {
        level = kafkaDown ? Health.Level.RED : consumed(e, from.get(), s).level();
      }
      if (level != Health.Level.OFF) {
        out.put(e, level);
      }
    }
    return out;
  }

  private static Health slot(Node capture, MonitorSnapshot s) {
    String slot = s.watchlist().slotsByCapture().get(capture.name());
    if (slot == null) {
      return Health.NOT_CONFIGURED;
    }
    return s.slots().slot(slot).map(SlotStatus::health).orElse(s.slots().health().level() == Health.Level.RED
        ? s.slots().health() : Health.NOT_CONFIGURED);
  }

  private static Health consumed(Edge e, Node from, MonitorSnapshot s) {
    String group = s.watchlist().groupsBySink().get(e.to());
    Optional<GroupLag> g = group == null ? Optional.empty() : s.kafka().group(group);
    if (g.isEmpty()) {
      return Health.NOT_CONFIGURED;
    }
    Health h = Health.GREEN;
    for (PartitionLag pl : partitionsOn(g.get(), from)) {
      if (pl.status() != PartitionStatus.OK) {
        h = h.worst(pl.status() == PartitionStatus.WARN ? Health.amber(pl.topic() + " " + pl.status())
            : Health.red(pl.topic() + " " + pl.status()));
      }
    }
    return h;
  }

  /** The group's partitions on the edge's topic when the edge leaves a topic, else all of them. */
  private static List<PartitionLag> partitionsOn(GroupLag g, Node from) {
    if (from.kind().category() != Category.TOPIC) {
      return g.partitions();
    }
    String topic = MonitorTarget.topicOf(from);
    return g.partitions().stream().filter(pl -> pl.topic().equals(topic)).toList();
  }

  /**
   * The rate along edges between two polls: messages consumed per second on edges into a watched
   * sink (its group's committed offsets), messages written per second on edges from a capture into
   * a topic (the topic's log-end offsets as any watched group sees them). Empty without a previous
   * poll; an edge whose partitions are not in both polls has no rate.
   */
  public static Map<Edge, String> rateLabels(Pipeline p, MonitorSnapshot before, MonitorSnapshot now) {
    Map<Edge, String> out = new LinkedHashMap<>();
    if (before == null || !now.at().isAfter(before.at())) {
      return out;
    }
    double seconds = java.time.Duration.between(before.at(), now.at()).toMillis() / 1000.0;
    for (Edge e : p.edges()) {
      Optional<Node> from = p.node(e.from());
      Optional<Node> to = p.node(e.to());
      if (from.isEmpty() || to.isEmpty()) {
        continue;
      }
      OptionalLong delta = OptionalLong.empty();
      if (to.get().kind().category() == Category.SINK) {
        String group = now.watchlist().groupsBySink().get(e.to());
        if (group != null) {
          delta = delta(before.kafka().group(group).map(g -> committed(g, from.get())),
              now.kafka().group(group).map(g -> committed(g, from.get())));
        }
      } else if (from.get().kind().category() == Category.CAPTURE && to.get().kind().category() == Category.TOPIC) {
        String topic = MonitorTarget.topicOf(to.get());
        delta = delta(logEnd(before, topic), logEnd(now, topic));
      }
      if (delta.isPresent() && delta.getAsLong() >= 0) {
        out.put(e, RateFormat.rate(delta.getAsLong() / seconds));
      }
    }
    return out;
  }

  private static OptionalLong delta(Optional<Map<String, Long>> before, Optional<Map<String, Long>> now) {
    if (before.isEmpty() || now.isEmpty() || now.get().isEmpty() || !before.get().keySet().equals(now.get().keySet())) {
      return OptionalLong.empty();
    }
    long d = 0;
    for (Map.Entry<String, Long> e : now.get().entrySet()) {
      d += e.getValue() - before.get().get(e.getKey());
    }
    return OptionalLong.of(d);
  }

  /** Committed offset per topic-partition of the group on the edge's topic. */
  private static Map<String, Long> committed(GroupLag g, Node from) {
    Map<String, Long> out = new LinkedHashMap<>();
    partitionsOn(g, from).forEach(pl -> out.put(pl.topic() + "-" + pl.partition(), pl.committedOffset()));
    return out;
  }

  /** Log-end offset per partition of {@code topic}, from whichever watched groups read it. */
  private static Optional<Map<String, Long>> logEnd(MonitorSnapshot s, String topic) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (GroupLag g : s.kafka().groups()) {
      for (PartitionLag pl : g.partitions()) {
        if (pl.topic().equals(topic)) {
          out.merge(pl.topic() + "-" + pl.partition(), pl.logEndOffset(), Math::max);
        }
      }
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(out);
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
      List<PartitionLag> parts = from.isPresent() ? partitionsOn(g.get(), from.get()) : g.get().partitions();
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
