package dev.pipewright.model;

import java.util.Optional;

/**
 * Which connections are legal, decided once for the canvas, the loader and the CLI alike. Data
 * flows source → capture → (transform →) topic → (transform →) sink, with fan-out and fan-in;
 * applications may write to databases, stores and topics and read topics.
 */
public final class EdgeRules {
  private EdgeRules() {}

  /**
   * Why an edge from {@code from} to {@code to} may not be added to {@code pipeline}, or empty
   * when it may. The reason is a sentence for the person drawing it.
   */
  public static Optional<String> refusal(Pipeline pipeline, String from, String to) {
    Optional<Node> f = pipeline.node(from);
    Optional<Node> t = pipeline.node(to);
    if (f.isEmpty()) {
      return Optional.of("There is no node named '" + from + "'.");
    }
    if (t.isEmpty()) {
      return Optional.of("There is no node named '" + to + "'.");
    }
    if (from.equals(to)) {
      return Optional.of("A node cannot connect to itself.");
    }
    if (pipeline.hasEdge(from, to)) {
      return Optional.of("'" + from + "' is already connected to '" + to + "'.");
    }
    Optional<String> kinds = refusal(f.get().kind(), t.get().kind());
    if (kinds.isPresent()) {
      return kinds;
    }
    if (t.get().kind() == NodeKind.DEBEZIUM) {
      boolean hasSource = pipeline.upstream(to).stream().anyMatch(n -> n.kind().isSource());
      if (hasSource) {
        return Optional.of("A Debezium capture reads exactly one database; '" + to
            + "' already has one. Draw a second capture for the other database.");
      }
    }
    if (pipeline.hasEdge(to, from)) {
      return Optional.of("'" + to + "' already feeds '" + from + "'; data cannot flow both ways.");
    }
    return Optional.empty();
  }

  /** The kind-level rule alone, without looking at the rest of the pipeline. */
  public static Optional<String> refusal(NodeKind from, NodeKind to) {
    Category f = from.category();
    Category t = to.category();
    String fromLabel = from.label();
    String toLabel = to.label();
    switch (f) {
      case SOURCE:
        if (t == Category.CAPTURE) {
          return Optional.empty();
        }
        return Optional.of("A " + fromLabel + " source connects only to a Debezium capture, which reads its changes.");
      case CAPTURE:
        if (t == Category.TOPIC || t == Category.TRANSFORM) {
          return Optional.empty();
        }
        return Optional.of("A capture writes change events to Kafka topics (optionally through a transform), not to a "
            + toLabel + ".");
      case TOPIC:
        if (t == Category.SINK || t == Category.TRANSFORM || t == Category.APPLICATION) {
          return Optional.empty();
        }
        return Optional.of("A topic feeds sinks, transforms or applications, not a " + toLabel + ".");
      case TRANSFORM:
        if (t == Category.TOPIC || t == Category.SINK || t == Category.TRANSFORM) {
          return Optional.empty();
        }
        return Optional.of("A transform passes events on to a topic, a sink or another transform, not to a "
            + toLabel + ".");
      case SINK:
        return Optional.of("A " + fromLabel + " sink is the end of a pipeline; nothing flows out of it. "
            + "To fan out, connect the topic to several sinks.");
      case APPLICATION:
        if (t == Category.SOURCE || t == Category.SINK || t == Category.TOPIC) {
          return Optional.empty();
        }
        return Optional.of("An application writes to a database, a store or a topic, not to a " + toLabel + ".");
      default:
        throw new AssertionError(f);
    }
  }
}
