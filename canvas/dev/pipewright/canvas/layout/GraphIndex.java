package dev.pipewright.canvas.layout;

import dev.pipewright.model.Edge;
import dev.pipewright.model.Node;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lookup structures over one pipeline snapshot (nodes by name, edge curves) and hit testing in
 * canvas units. Built once per snapshot: the model's own lookups are linear scans, too slow
 * for every mouse move over thousands of nodes.
 */
public final class GraphIndex {
  private final Pipeline pipeline;
  private final Map<String, Node> byName;
  private final List<Edge> edges;
  private final EdgeGeometry[] curves;

  public GraphIndex(Pipeline pipeline) {
    this.pipeline = pipeline;
    this.byName = new HashMap<>(pipeline.nodes().size() * 2);
    for (Node n : pipeline.nodes()) {
      byName.put(n.name(), n);
    }
    List<Edge> drawn = new ArrayList<>(pipeline.edges().size());
    List<EdgeGeometry> geo = new ArrayList<>(pipeline.edges().size());
    for (Edge e : pipeline.edges()) {
      Node f = byName.get(e.from());
      Node t = byName.get(e.to());
      if (f != null && t != null) {
        drawn.add(e);
        geo.add(EdgeGeometry.between(NodeGeometry.outputPort(f), NodeGeometry.inputPort(t)));
      }
    }
    this.edges = List.copyOf(drawn);
    this.curves = geo.toArray(new EdgeGeometry[0]);
  }

  public Pipeline pipeline() {
    return pipeline;
  }

  public Node node(String name) {
    return byName.get(name);
  }

  /** Edges whose both ends exist, in model order; {@link #curve(int)} gives the i-th curve. */
  public List<Edge> edges() {
    return edges;
  }

  public EdgeGeometry curve(int i) {
    return curves[i];
  }

  /** The topmost (last drawn) node whose card contains the point. */
  public Optional<String> nodeAt(double x, double y) {
    List<Node> nodes = pipeline.nodes();
    for (int i = nodes.size() - 1; i >= 0; i--) {
      Position p = NodeGeometry.topLeft(nodes.get(i));
      if (x >= p.x() && x <= p.x() + NodeGeometry.WIDTH && y >= p.y() && y <= p.y() + NodeGeometry.HEIGHT) {
        return Optional.of(nodes.get(i).name());
      }
    }
    return Optional.empty();
  }

  /** The node whose output port is within {@code radius} of the point (sinks have none). */
  public Optional<String> outputPortAt(double x, double y, double radius) {
    List<Node> nodes = pipeline.nodes();
    for (int i = nodes.size() - 1; i >= 0; i--) {
      Node n = nodes.get(i);
      if (!n.kind().isSink() && near(NodeGeometry.outputPort(n), x, y, radius)) {
        return Optional.of(n.name());
      }
    }
    return Optional.empty();
  }

  /** The edge nearest to the point within {@code tolerance}, if any. */
  public Optional<Edge> edgeAt(double x, double y, double tolerance) {
    Edge best = null;
    double bestD = tolerance;
    for (int i = 0; i < curves.length; i++) {
      EdgeGeometry c = curves[i];
      if (x < c.minX() - tolerance || x > c.maxX() + tolerance || y < c.minY() - tolerance || y > c.maxY() + tolerance) {
        continue;
      }
      double d = c.distanceTo(x, y);
      if (d <= bestD) {
        bestD = d;
        best = edges.get(i);
      }
    }
    return Optional.ofNullable(best);
  }

  /** Names of the nodes whose cards intersect the rectangle (any corner order). */
  public List<String> nodesIn(double ax, double ay, double bx, double by) {
    double minX = Math.min(ax, bx);
    double maxX = Math.max(ax, bx);
    double minY = Math.min(ay, by);
    double maxY = Math.max(ay, by);
    List<String> hit = new ArrayList<>();
    for (Node n : pipeline.nodes()) {
      Position p = NodeGeometry.topLeft(n);
      if (p.x() <= maxX && p.x() + NodeGeometry.WIDTH >= minX && p.y() <= maxY && p.y() + NodeGeometry.HEIGHT >= minY) {
        hit.add(n.name());
      }
    }
    return hit;
  }

  /** Bounding box of all cards as {minX, minY, maxX, maxY}; all zero when empty. */
  public double[] bounds() {
    if (pipeline.nodes().isEmpty()) {
      return new double[] {0, 0, 0, 0};
    }
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (Node n : pipeline.nodes()) {
      Position p = NodeGeometry.topLeft(n);
      minX = Math.min(minX, p.x());
      minY = Math.min(minY, p.y());
      maxX = Math.max(maxX, p.x() + NodeGeometry.WIDTH);
      maxY = Math.max(maxY, p.y() + NodeGeometry.HEIGHT);
    }
    return new double[] {minX, minY, maxX, maxY};
  }

  private static boolean near(Position p, double x, double y, double r) {
    double dx = p.x() - x;
    double dy = p.y() - y;
    return dx * dx + dy * dy <= r * r;
  }
}
