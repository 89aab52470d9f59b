package dev.pipewright.canvas.gesture;

import dev.pipewright.canvas.EditorState;

/** Plain wheel or two-finger scroll pans the view; deltas are view pixels (shift turns vertical into horizontal). */
public final class PanOnScroll {
  private final EditorState state;

  public PanOnScroll(EditorState state) {
    this.state = state;
  }

  public void scroll(double deltaX, double deltaY, boolean shift) {
    double z = state.zoom().get();
    double hx = shift && deltaX == 0 ? deltaY : deltaX;
    double vy = shift && deltaX == 0 ? 0 : deltaY;
    state.panX().set(state.panX().get() - hx / z);
    state.panY().set(state.panY().get() - vy / z);
  }
}
