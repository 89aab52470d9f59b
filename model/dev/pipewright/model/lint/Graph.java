package dev.pipewright.model.lint;

import dev.pipewright.model.Edge;
import dev.pipewright.model.Node;
import dev.pipewright.model.Pipeline;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Name and edge indexes of one pipeline, so that the rules' many neighbour lookups cost O(1)
 * instead of a scan of all nodes and edges each. Same answers as {@link Pipeline#upstream} and
 * {@link Pipeline#downstream} (edge order; the first node of a duplicated name).
 */
final class Graph {
  // One entry per thread: a lint run asks about one pipeline many times in a row.
  private static final ThreadLocal<Graph> LAST = new ThreadLocal<>();

  private final Pipeline pipeline;
  private final Map<String, Node> byName = new HashMap<>();
  private final Map<String, List<Node>> up = new HashMap<>();
  private final Map<String, List<Node>> down = new HashMap<>();
  private final Set<Edge> edges;

  private Graph(Pipeline p) {
    this.pipeline = p;
    for (Node n : p.nodes()) {
      byName.putIfAbsent(n.name(), n);
    }
    for (Edge e : p.edges()) {
      Node from = byName.get(e.from());
      Node to = byName.get(e.to());
      if (from != null && to != null) {
        down.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(to);
        up.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(from);
      }
    }
    this.edges = new HashSet<>(p.edges());
  }

  static Graph of(Pipeline p) {
    Graph g = LAST.get();
    if (g == null || g.pipeline != p) {
      g = new Graph(p);
      LAST.set(g);
    }
    return g;
  }

  /** Forgets the cached index of this thread (called when a lint run ends). */
  static void release() {
    LAST.remove();
  }

  List<Node> upstream(String name) {
    return up.getOrDefault(name, List.of());
  }

  List<Node> downstream(String name) {
    return down.getOrDefault(name, List.of());
  }

  java.util.Optional<Node> node(String name) {
    return java.util.Optional.ofNullable(byName.get(name));
  }

  boolean hasNode(String name) {
    return byName.containsKey(name);
  }

  boolean hasEdge(String from, String to) {
    return edges.contains(new Edge(from, to));
  }
}
