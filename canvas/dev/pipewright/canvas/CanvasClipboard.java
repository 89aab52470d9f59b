package dev.pipewright.canvas;

import dev.pipewright.canvas.command.PasteNodes;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Node;
import dev.pipewright.model.Pipeline;
import java.util.List;
import java.util.Set;

/**
 * The in-app clipboard for nodes: a copy of the nodes and the edges between them, shared by all
 * canvases of the application so a copy in one window pastes into another.
 */
public final class CanvasClipboard {
  /** The application-wide clipboard. */
  public static final CanvasClipboard SHARED = new CanvasClipboard();

  private List<Node> nodes = List.of();
  private List<Edge> edges = List.of();
  private int pastes;

  /** Copies the named nodes and the edges among them out of {@code p}. */
  public void copy(Pipeline p, Set<String> names) {
    List<Node> chosen = p.nodes().stream().filter(n -> names.contains(n.name())).toList();
    if (chosen.isEmpty()) {
      return;
    }
    nodes = chosen;
    edges = PasteNodes.internalEdges(p, names);
    pastes = 0;
  }

  public boolean isEmpty() {
    return nodes.isEmpty();
  }

  /** The next paste: each successive paste of one copy lands a little further down and right. */
  public PasteNodes nextPaste(double step) {
    pastes++;
    return new PasteNodes(nodes, edges, step * pastes, step * pastes);
  }
}
