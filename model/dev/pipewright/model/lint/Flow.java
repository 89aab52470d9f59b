package dev.pipewright.model.lint;

import dev.pipewright.model.Category;
import dev.pipewright.model.Converter;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Questions the rules ask about how data flows through a pipeline: which database a capture
 * reads, which topics it fills (through transforms), which topics a sink reads. Tolerates broken
 * pipelines (dangling edges, cycles) because the lint must run on exactly those.
 */
final class Flow {
  private Flow() {}

  /** The Kafka topic name of a topic node: its {@code topic} property, else the node name. */
  static String topicName(Node topic) {
    String t = topic.properties().get("topic");
    return t == null || t.isBlank() ? topic.name() : t;
  }

  static String role(Node topic) {
    return topic.property("role").orElse("data");
  }

  /** The source databases drawn into a capture. */
  static List<Node> sources(Pipeline p, Node capture) {
    return Graph.of(p).upstream(capture.name()).stream().filter(n -> n.kind().isSource()).toList();
  }

  static Optional<Node> source(Pipeline p, Node capture) {
    return sources(p, capture).stream().findFirst();
  }

  /** The kind of database a capture reads, or empty when none is drawn. */
  static Optional<NodeKind> sourceKind(Pipeline p, Node capture) {
    return source(p, capture).map(Node::kind);
  }

  static boolean reads(Pipeline p, Node capture, NodeKind... kinds) {
    Optional<NodeKind> k = sourceKind(p, capture);
    return k.isPresent() && List.of(kinds).contains(k.get());
  }

  /** Topics reached from {@code from} going downstream through transforms only. */
  static List<Node> topicsDownstream(Pipeline p, Node from) {
    return walk(p, from, true, n -> n.kind() == NodeKind.TOPIC);
  }

  /**
   * Topics a capture writes to under the names Debezium gives them: downstream through
   * transforms that do not rename topics (anything but reroute and the outbox router).
   */
  static List<Node> topicsDownstreamUnrenamed(Pipeline p, Node capture) {
    return walk(p, capture, true, n -> n.kind() == NodeKind.TOPIC,
        n -> n.kind() != NodeKind.TOPIC_REROUTE && n.kind() != NodeKind.OUTBOX_EVENT_ROUTER);
  }

  /** Captures whose events reach {@code n}, walking back through topics and transforms. */
  static List<Node> capturesAbove(Pipeline p, Node n) {
    return walk(p, n, false, x -> x.kind() == NodeKind.DEBEZIUM,
        x -> x.kind() == NodeKind.TOPIC || x.kind().category() == Category.TRANSFORM);
  }

  /** Topics reached from {@code to} going upstream through transforms only. */
  static List<Node> topicsUpstream(Pipeline p, Node to) {
    return walk(p, to, false, n -> n.kind() == NodeKind.TOPIC);
  }

  /** Captures that write into a topic, directly or through transforms. */
  static List<Node> capturesFeeding(Pipeline p, Node topic) {
    return walk(p, topic, false, n -> n.kind() == NodeKind.DEBEZIUM);
  }

  /** Sinks a topic feeds, directly or through transforms. */
  static List<Node> sinksFedBy(Pipeline p, Node topic) {
    return walk(p, topic, true, n -> n.kind().isSink());
  }

  /** Captures whose events reach a sink (capture -> topics -> sink, through transforms). */
  static List<Node> capturesFeedingSink(Pipeline p, Node sink) {
    Set<Node> all = new LinkedHashSet<>();
    for (Node topic : topicsUpstream(p, sink)) {
      all.addAll(capturesFeeding(p, topic));
    }
    return List.copyOf(all);
  }

  /** Sinks a capture's events reach. */
  static List<Node> sinksFedByCapture(Pipeline p, Node capture) {
    Set<Node> all = new LinkedHashSet<>();
    for (Node topic : topicsDownstream(p, capture)) {
      all.addAll(sinksFedBy(p, topic));
    }
    return List.copyOf(all);
  }

  /**
   * Breadth-first walk that stops at nodes matching {@code target} (collected) and passes
   * through nodes matching {@code pass} (transforms by default); anything else ends the path.
   */
  private static List<Node> walk(Pipeline p, Node start, boolean down, Predicate<Node> target) {
    return walk(p, start, down, target, n -> n.kind().category() == Category.TRANSFORM);
  }

  private static List<Node> walk(
      Pipeline p, Node start, boolean down, Predicate<Node> target, Predicate<Node> pass) {
    List<Node> found = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Deque<Node> queue = new ArrayDeque<>();
    seen.add(start.name());
    queue.add(start);
    while (!queue.isEmpty()) {
      Node n = queue.poll();
      for (Node next : down ? Graph.of(p).downstream(n.name()) : Graph.of(p).upstream(n.name())) {
        if (!seen.add(next.name())) {
          continue;
        }
        if (target.test(next)) {
          found.add(next);
        } else if (pass.test(next)) {
          queue.add(next);
        }
      }
    }
    return found;
  }

  /**
   * Whether some path from a capture to {@code sink} avoids every node matching {@code via}:
   * events on that path reach the sink without passing such a transform.
   */
  static boolean somePathAvoids(Pipeline p, Node sink, Predicate<Node> via) {
    Set<String> seen = new HashSet<>();
    Deque<Node> stack = new ArrayDeque<>();
    stack.push(sink);
    seen.add(sink.name());
    while (!stack.isEmpty()) {
      Node n = stack.pop();
      for (Node up : Graph.of(p).upstream(n.name())) {
        if (via.test(up) || !seen.add(up.name())) {
          continue;
        }
        if (up.kind() == NodeKind.DEBEZIUM) {
          return true;
        }
        Category c = up.kind().category();
        if (c == Category.TOPIC || c == Category.TRANSFORM) {
          stack.push(up);
        }
      }
    }
    return false;
  }

  /** Transforms anywhere upstream of {@code n}, walking back through topics and transforms. */
  static List<Node> transformsUpstream(Pipeline p, Node n) {
    List<Node> found = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Deque<Node> queue = new ArrayDeque<>();
    queue.add(n);
    seen.add(n.name());
    while (!queue.isEmpty()) {
      for (Node up : Graph.of(p).upstream(queue.poll().name())) {
        Category c = up.kind().category();
        if (!seen.add(up.name()) || (c != Category.TOPIC && c != Category.TRANSFORM)) {
          continue;
        }
        if (c == Category.TRANSFORM) {
          found.add(up);
        }
        queue.add(up);
      }
    }
    return found;
  }

  /** The converter a capture writes with: its own override, else the pipeline's. */
  static Converter converterOf(Pipeline p, Node capture) {
    return Converter.fromYaml(capture.properties().get("converter")).orElse(p.converter());
  }

  /** Sinks whose readers expect the current state of every row, not a stream of changes. */
  static boolean needsFullState(NodeKind kind) {
    return kind == NodeKind.JDBC_SINK || kind == NodeKind.ELASTICSEARCH || kind == NodeKind.OPENSEARCH
        || kind == NodeKind.REDIS;
  }

  static boolean isSearch(NodeKind kind) {
    return kind == NodeKind.ELASTICSEARCH || kind == NodeKind.OPENSEARCH;
  }

  /** Sinks with Kafka Connect's errors.* settings (the JSON-lines file of the trial has none). */
  static boolean hasErrorHandling(Node sink) {
    return sink.kind().property("errors.tolerance").isPresent();
  }

  static String dlq(Node sink) {
    String d = sink.properties().get("errors.deadletterqueue.topic.name");
    return d == null || d.isBlank() ? null : d.trim();
  }

  static String quote(String s) {
    return "'" + s + "'";
  }
}
