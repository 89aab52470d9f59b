package dev.pipewright.canvas.gesture;

import dev.pipewright.canvas.EditorState;

/** Trackpad pinch zooms around the fingers by the factor the platform reports. */
public final class ZoomOnPinch {
  private final EditorState state;

  public ZoomOnPinch(EditorState state) {
    this.state = state;
  }

  public void zoom(double factor, double viewX, double viewY) {
    if (factor > 0 && Double.isFinite(factor)) {
      state.zoomAround(state.zoom().get() * factor, viewX, viewY);
    }
  }
}
