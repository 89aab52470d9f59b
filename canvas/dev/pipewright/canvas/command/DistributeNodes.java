package dev.pipewright.canvas.command;

import static dev.pipewright.canvas.layout.NodeGeometry.HEIGHT;
import static dev.pipewright.canvas.layout.NodeGeometry.WIDTH;

import dev.pipewright.canvas.layout.NodeGeometry;
import dev.pipewright.model.Node;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.Position;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spaces three or more nodes evenly between the outermost two, horizontally or vertically,
 * keeping their order; equal gaps between cards (not between corners).
 */
public record DistributeNodes(Set<String> names, boolean horizontal) implements Command {
  public DistributeNodes {
    names = Set.copyOf(names);
  }

  @Override
  public Pipeline apply(Pipeline p) {
    Comparator<Node> along = Comparator.comparingDouble(
        n -> horizontal ? NodeGeometry.topLeft(n).x() : NodeGeometry.topLeft(n).y());
    List<Node> chosen = p.nodes().stream().filter(n -> names.contains(n.name())).sorted(along).toList();
    if (chosen.size() < 3) {
      return p;
    }
    double size = horizontal ? WIDTH : HEIGHT;
    double first = coord(chosen.get(0));
    double last = coord(chosen.get(chosen.size() - 1));
    double gap = (last - first - size * (chosen.size() - 1)) / (chosen.size() - 1);
    Map<String, Position> to = new HashMap<>();
    for (int i = 1; i < chosen.size() - 1; i++) {
      Position t = NodeGeometry.topLeft(chosen.get(i));
      double v = first + i * (size + gap);
      to.put(chosen.get(i).name(), horizontal ? new Position(v, t.y()) : new Position(t.x(), v));
    }
    return new MoveNodes(to).apply(p);
  }

  private double coord(Node n) {
    return horizontal ? NodeGeometry.topLeft(n).x() : NodeGeometry.topLeft(n).y();
  }

  @Override
  public String description() {
    return "Distribute " + Command.count(names.size(), "node") + (horizontal ? " horizontally" : " vertically");
  }
}
