package dev.pipewright.canvas.layout;

import dev.pipewright.model.Node;
import dev.pipewright.model.Position;

/**
 * The size of a node card and where its ports sit, in canvas units. Layout, alignment, hit
 * testing and drawing all use these numbers so what is drawn is what is clicked.
 */
public final class NodeGeometry {
  /** Card width in canvas units. */
  public static final double WIDTH = 176;
  /** Card height in canvas units. */
  public static final double HEIGHT = 56;
  /** Port circle radius in canvas units. */
  public static final double PORT_RADIUS = 6;
  /** Grid pitch used by snapping and the background grid. */
  public static final double GRID = 16;

  private NodeGeometry() {}

  /** The node's top-left corner; nodes not yet laid out sit at the origin. */
  public static Position topLeft(Node n) {
    return n.position() == null ? new Position(0, 0) : n.position();
  }

  public static double centreX(Node n) {
    return topLeft(n).x() + WIDTH / 2;
  }

  public static double centreY(Node n) {
    return topLeft(n).y() + HEIGHT / 2;
  }

  /** Centre of the output port (right edge). */
  public static Position outputPort(Node n) {
    Position p = topLeft(n);
    return new Position(p.x() + WIDTH, p.y() + HEIGHT / 2);
  }

  /** Centre of the input port (left edge). */
  public static Position inputPort(Node n) {
    Position p = topLeft(n);
    return new Position(p.x(), p.y() + HEIGHT / 2);
  }

  /** The nearest grid point to {@code v}. */
  public static double snap(double v) {
    return Math.round(v / GRID) * GRID;
  }

  public static Position snap(Position p) {
    return new Position(snap(p.x()), snap(p.y()));
  }
}
