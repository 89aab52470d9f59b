package dev.pipewright.canvas.gesture;

import dev.pipewright.canvas.EditorState;

/**
 * Moves the view with the pointer (middle button, or space held with the primary button).
 * Coordinates are view pixels, since the model point under the pointer moves with the pan.
 */
public final class PanOnDrag implements DragGesture {
  private final EditorState state;
  private double lastX;
  private double lastY;

  public PanOnDrag(EditorState state, double viewX, double viewY) {
    this.state = state;
    this.lastX = viewX;
    this.lastY = viewY;
  }

  @Override
  public void drag(double viewX, double viewY) {
    double z = state.zoom().get();
    state.panX().set(state.panX().get() - (viewX - lastX) / z);
    state.panY().set(state.panY().get() - (viewY - lastY) / z);
    lastX = viewX;
    lastY = viewY;
  }

  @Override
  public boolean release() {
    return false;
  }
}
