package dev.pipewright.canvas.layout;

import dev.pipewright.model.Position;

/**
 * The cubic Bézier an edge is drawn as, from the output port of one card to the input port of
 * another, leaving and entering horizontally. Drawing, hit testing and culling share it.
 */
public record EdgeGeometry(double x1, double y1, double c1x, double c1y, double c2x, double c2y,
    double x2, double y2) {

  public static EdgeGeometry between(Position out, Position in) {
    double dx = in.x() - out.x();
    // Backward edges (target left of source) bulge further so they loop round instead of crossing the cards.
    double bend = dx >= 0 ? Math.max(40, dx / 2) : Math.max(80, Math.min(240, -dx / 2 + Math.abs(in.y() - out.y()) / 4));
    return new EdgeGeometry(out.x(), out.y(), out.x() + bend, out.y(), in.x() - bend, in.y(), in.x(), in.y());
  }

  public double xAt(double t) {
    double u = 1 - t;
    return u * u * u * x1 + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * x2;
  }

  public double yAt(double t) {
    double u = 1 - t;
    return u * u * u * y1 + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t * t * t * y2;
  }

  /** The curve lies inside the hull of its four points: a cheap box for culling. */
  public double minX() {
    return Math.min(Math.min(x1, x2), Math.min(c1x, c2x));
  }

  public double maxX() {
    return Math.max(Math.max(x1, x2), Math.max(c1x, c2x));
  }

  public double minY() {
    return Math.min(y1, y2);
  }

  public double maxY() {
    return Math.max(y1, y2);
  }

  /** Approximate distance from (px, py) to the curve, sampled at 24 points. */
  public double distanceTo(double px, double py) {
    double best = Double.MAX_VALUE;
    double prevX = x1;
    double prevY = y1;
    for (int i = 1; i <= 24; i++) {
      double t = i / 24.0;
      double x = xAt(t);
      double y = yAt(t);
      best = Math.min(best, segmentDistance(px, py, prevX, prevY, x, y));
      prevX = x;
      prevY = y;
    }
    return best;
  }

  private static double segmentDistance(double px, double py, double ax, double ay, double bx, double by) {
    double vx = bx - ax;
    double vy = by - ay;
    double len2 = vx * vx + vy * vy;
    double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / len2));
    double dx = ax + t * vx - px;
    double dy = ay + t * vy - py;
    return Math.sqrt(dx * dx + dy * dy);
  }
}
