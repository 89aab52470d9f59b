package dev.pipewright.model;

/** Where a node's top-left corner sits on the canvas, in canvas units (not pixels). */
public record Position(double x, double y) {
  public Position translate(double dx, double dy) {
    return new Position(x + dx, y + dy);
  }
}
