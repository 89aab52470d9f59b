package dev.pipewright.canvas.gesture;

import dev.pipewright.canvas.EditorState;

/** Ctrl+wheel zooms around the pointer: the point under it stays put. */
public final class ZoomOnScroll {
  /** Zoom change per wheel pixel; one notch (40 px) is about 10 %. */
  private static final double PER_PIXEL = 0.0025;
  private final EditorState state;

  public ZoomOnScroll(EditorState state) {
    this.state = state;
  }

  public void scroll(double deltaY, double viewX, double viewY) {
    state.zoomAround(state.zoom().get() * Math.exp(deltaY * PER_PIXEL), viewX, viewY);
  }
}
