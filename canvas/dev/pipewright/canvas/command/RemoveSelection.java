package dev.pipewright.canvas.command;

import dev.pipewright.model.Edge;
import dev.pipewright.model.Pipeline;
import java.util.List;
import java.util.Set;

/**
 * Deletes the selected nodes (with every edge touching them) and the selected edges. SLOs that
 * target a deleted node stay; the lint reports them so the user decides.
 */
public record RemoveSelection(Set<String> nodes, Set<Edge> edges) implements Command {
  public RemoveSelection {
    nodes = Set.copyOf(nodes);
    edges = Set.copyOf(edges);
  }

  public static RemoveSelection nodes(Set<String> names) {
    return new RemoveSelection(names, Set.of());
  }

  @Override
  public Pipeline apply(Pipeline p) {
    if (nodes.isEmpty() && edges.isEmpty()) {
      return p;
    }
    boolean touches = p.nodes().stream().anyMatch(n -> nodes.contains(n.name()))
        || p.edges().stream().anyMatch(edges::contains);
    if (!touches) {
      return p;
    }
    List<Edge> keptEdges = p.edges().stream()
        .filter(e -> !edges.contains(e) && !nodes.contains(e.from()) && !nodes.contains(e.to()))
        .toList();
    return p.withNodes(p.nodes().stream().filter(n -> !nodes.contains(n.name())).toList())
        .withEdges(keptEdges);
  }

  @Override
  public String description() {
    if (edges.isEmpty()) {
      return "Delete " + Command.count(nodes.size(), "node");
    }
    if (nodes.isEmpty()) {
      return "Delete " + Command.count(edges.size(), "edge");
    }
    return "Delete " + Command.count(nodes.size(), "node") + " and " + Command.count(edges.size(), "edge");
  }
}
