package dev.pipewright.canvas.command;

import dev.pipewright.model.Node;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.Position;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Moves nodes to new top-left positions in one step (a drag, a nudge, an alignment). Nodes
 * missing from the pipeline are ignored.
 */
public record MoveNodes(Map<String, Position> targets, String verb) implements Command {
  public MoveNodes {
    targets = Map.copyOf(targets);
    verb = verb == null ? "Move" : verb;
  }

  public MoveNodes(Map<String, Position> targets) {
    this(targets, "Move");
  }

  /** Moves {@code names} by (dx, dy); nodes without a position start from the origin. */
  public static MoveNodes by(Pipeline p, Set<String> names, double dx, double dy) {
    Map<String, Position> t = new HashMap<>();
    for (Node n : p.nodes()) {
      if (names.contains(n.name())) {
        Position from = n.position() == null ? new Position(0, 0) : n.position();
        t.put(n.name(), from.translate(dx, dy));
      }
    }
    return new MoveNodes(t);
  }

  @Override
  public Pipeline apply(Pipeline p) {
    if (targets.isEmpty()) {
      return p;
    }
    // One pass over the node list: this runs every frame while a large selection is dragged.
    Node[] copy = p.nodes().toArray(new Node[0]);
    boolean changed = false;
    for (int i = 0; i < copy.length; i++) {
      Position to = targets.get(copy[i].name());
      if (to != null && !to.equals(copy[i].position())) {
        copy[i] = copy[i].withPosition(to);
        changed = true;
      }
    }
    return changed ? p.withNodes(java.util.Arrays.asList(copy)) : p;
  }

  @Override
  public String description() {
    return verb + " " + Command.count(targets.size(), "node");
  }
}
