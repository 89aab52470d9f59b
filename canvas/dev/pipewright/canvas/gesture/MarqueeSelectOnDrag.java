package dev.pipewright.canvas.gesture;

import dev.pipewright.canvas.EditorState;
import dev.pipewright.canvas.layout.GraphIndex;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Rubber-band selection on empty canvas: every card the rectangle touches is selected, live
 * while dragging. Additive (shift/ctrl) keeps the selection it started with. Selection is editor
 * state, so nothing is pushed to the undo stack.
 */
public final class MarqueeSelectOnDrag implements DragGesture {
  private final EditorState state;
  private final GraphIndex index;
  private final Set<String> base;
  private final double ax;
  private final double ay;
  private double bx;
  private double by;

  public MarqueeSelectOnDrag(EditorState state, GraphIndex index, double x, double y, boolean additive) {
    this.state = state;
    this.index = index;
    this.base = additive ? Set.copyOf(state.selection()) : Set.of();
    this.ax = x;
    this.ay = y;
    this.bx = x;
    this.by = y;
    if (!additive) {
      state.selectOnly(Set.of());
    }
  }

  @Override
  public void drag(double x, double y) {
    bx = x;
    by = y;
    Set<String> chosen = new LinkedHashSet<>(base);
    chosen.addAll(index.nodesIn(ax, ay, bx, by));
    state.selectOnly(chosen);
  }

  @Override
  public boolean release() {
    return false;
  }

  /** The rectangle as {minX, minY, maxX, maxY} in canvas units. */
  public double[] rectangle() {
    return new double[] {Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)};
  }
}
