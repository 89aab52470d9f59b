package dev.pipewright.canvas.command;

import static dev.pipewright.canvas.layout.NodeGeometry.HEIGHT;
import static dev.pipewright.canvas.layout.NodeGeometry.WIDTH;

import dev.pipewright.canvas.layout.NodeGeometry;
import dev.pipewright.model.Node;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.Position;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Lines the named nodes up on one edge or centre line of their common bounding box. */
public record AlignNodes(Set<String> names, Edge side) implements Command {
  /** Which line the nodes are aligned to. */
  public enum Edge {
    LEFT("left"), RIGHT("right"), TOP("top"), BOTTOM("bottom"),
    /** Same centre x (a column). */
    CENTRE_HORIZONTAL("centres"),
    /** Same centre y (a row). */
    CENTRE_VERTICAL("middles");

    private final String words;

    Edge(String words) {
      this.words = words;
    }
  }

  public AlignNodes {
    names = Set.copyOf(names);
  }

  @Override
  public Pipeline apply(Pipeline p) {
    List<Node> chosen = p.nodes().stream().filter(n -> names.contains(n.name())).toList();
    if (chosen.size() < 2) {
      return p;
    }
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (Node n : chosen) {
      Position t = NodeGeometry.topLeft(n);
      minX = Math.min(minX, t.x());
      maxX = Math.max(maxX, t.x() + WIDTH);
      minY = Math.min(minY, t.y());
      maxY = Math.max(maxY, t.y() + HEIGHT);
    }
    Map<String, Position> to = new HashMap<>();
    for (Node n : chosen) {
      Position t = NodeGeometry.topLeft(n);
      to.put(n.name(), switch (side) {
        case LEFT -> new Position(minX, t.y());
        case RIGHT -> new Position(maxX - WIDTH, t.y());
        case TOP -> new Position(t.x(), minY);
        case BOTTOM -> new Position(t.x(), maxY - HEIGHT);
        case CENTRE_HORIZONTAL -> new Position((minX + maxX) / 2 - WIDTH / 2, t.y());
        case CENTRE_VERTICAL -> new Position(t.x(), (minY + maxY) / 2 - HEIGHT / 2);
      });
    }
    return new MoveNodes(to).apply(p);
  }

  @Override
  public String description() {
    return "Align " + Command.count(names.size(), "node") + " " + side.words;
  }
}
