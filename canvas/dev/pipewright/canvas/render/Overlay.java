package dev.pipewright.canvas.render;

import dev.pipewright.model.Position;

/**
 * What a running gesture adds on top of the drawing: the rubber-band edge (with whether its
 * target is legal) and the marquee rectangle. Canvas units; null fields draw nothing.
 *
 * @param connectFrom output port the new edge starts at, or null
 * @param connectTo the loose end of the new edge
 * @param connectTarget the node under the pointer, or null
 * @param connectLegal whether {@code connectTarget} may be connected
 * @param marquee {minX, minY, maxX, maxY} of the selection rectangle, or null
 */
public record Overlay(Position connectFrom, Position connectTo, String connectTarget, boolean connectLegal,
    double[] marquee) {
  public static final Overlay NONE = new Overlay(null, null, null, false, null);
}
