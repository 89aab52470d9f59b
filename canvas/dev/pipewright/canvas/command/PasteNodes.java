package dev.pipewright.canvas.command;

import dev.pipewright.model.Edge;
import dev.pipewright.model.Node;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.Position;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pastes copied nodes with fresh names (derived from the copied ones), offset by (dx, dy), and
 * the copied edges between them, renamed to match. Edges to nodes outside the copy are dropped.
 */
public record PasteNodes(List<Node> nodes, List<Edge> edges, double dx, double dy) implements Command {
  public PasteNodes {
    nodes = List.copyOf(nodes);
    edges = List.copyOf(edges);
  }

  /** Copied name -> pasted name when applied to {@code p}; the same names {@link #apply} uses. */
  public Map<String, String> namesIn(Pipeline p) {
    Map<String, String> renames = new LinkedHashMap<>();
    Pipeline growing = p;
    for (Node n : nodes) {
      String fresh = growing.freshName(baseName(n.name()));
      renames.put(n.name(), fresh);
      growing = growing.withNode(n.withName(fresh));
    }
    return renames;
  }

  @Override
  public Pipeline apply(Pipeline p) {
    if (nodes.isEmpty()) {
      return p;
    }
    Map<String, String> renames = namesIn(p);
    List<Node> all = new ArrayList<>(p.nodes());
    for (Node n : nodes) {
      Position at = n.position() == null ? new Position(dx, dy) : n.position().translate(dx, dy);
      all.add(n.withName(renames.get(n.name())).withPosition(at));
    }
    List<Edge> allEdges = new ArrayList<>(p.edges());
    for (Edge e : edges) {
      if (renames.containsKey(e.from()) && renames.containsKey(e.to())) {
        allEdges.add(new Edge(renames.get(e.from()), renames.get(e.to())));
      }
    }
    return p.withNodes(all).withEdges(allEdges);
  }

  @Override
  public String description() {
    return "Paste " + Command.count(nodes.size(), "node");
  }

  /** "orders-2" pastes as "orders-3", not "orders-2-2". */
  private static String baseName(String name) {
    return name.replaceFirst("-\\d+$", "");
  }

  /** Keeps only the edges whose ends are both among {@code names}: what a copy carries. */
  public static List<Edge> internalEdges(Pipeline p, java.util.Set<String> names) {
    return p.edges().stream().filter(e -> names.contains(e.from()) && names.contains(e.to())).toList();
  }
}
