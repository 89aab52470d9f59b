package dev.pipewright.canvas.gesture;

import dev.pipewright.model.Pipeline;

/**
 * A press-drag-release interaction. While dragging it only previews; {@link #release()} pushes
 * at most one command (none when nothing changed), so a whole drag is one undo step.
 * Coordinates are canvas units unless a gesture says otherwise.
 */
public interface DragGesture {
  void drag(double x, double y);

  /** Ends the gesture; returns true when it changed the document. */
  boolean release();

  /** Abandons the gesture (Escape, focus lost): nothing is pushed. */
  default void cancel() {}

  /** What the canvas should draw while this gesture runs; {@code committed} when it changes nothing. */
  default Pipeline preview(Pipeline committed) {
    return committed;
  }
}
