package dev.pipewright.canvas.gesture;

import dev.pipewright.canvas.EditorDocument;
import dev.pipewright.canvas.EditorState;
import dev.pipewright.canvas.command.MoveNodes;
import dev.pipewright.canvas.layout.NodeGeometry;
import dev.pipewright.model.Node;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.Position;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Drags the selected nodes. The grabbed node snaps to the grid (when snapping is on) and the
 * others keep their offsets to it; one {@link MoveNodes} is pushed on release.
 */
public final class MoveSelectionOnDrag implements DragGesture {
  private final EditorDocument doc;
  private final EditorState state;
  private final Map<String, Position> start = new HashMap<>();
  private final Position grabbedStart;
  private final double pressX;
  private final double pressY;
  private double dx;
  private double dy;
  private MoveNodes pending;
  private boolean done;

  /**
   * @param grabbed the node under the pointer; it must be selected
   * @param pressX press point in canvas units
   */
  public MoveSelectionOnDrag(EditorDocument doc, EditorState state, String grabbed, double pressX, double pressY) {
    this.doc = doc;
    this.state = state;
    this.pressX = pressX;
    this.pressY = pressY;
    Set<String> moving = state.selection().contains(grabbed) ? Set.copyOf(state.selection()) : Set.of(grabbed);
    for (Node n : doc.pipeline().nodes()) {
      if (moving.contains(n.name())) {
        start.put(n.name(), NodeGeometry.topLeft(n));
      }
    }
    this.grabbedStart = start.getOrDefault(grabbed, new Position(0, 0));
  }

  @Override
  public void drag(double x, double y) {
    double rawDx = x - pressX;
    double rawDy = y - pressY;
    if (state.snapToGrid().get()) {
      Position snapped = NodeGeometry.snap(grabbedStart.translate(rawDx, rawDy));
      dx = snapped.x() - grabbedStart.x();
      dy = snapped.y() - grabbedStart.y();
    } else {
      dx = rawDx;
      dy = rawDy;
    }
    Map<String, Position> to = new HashMap<>(start.size() * 2);
    start.forEach((name, p) -> to.put(name, p.translate(dx, dy)));
    pending = new MoveNodes(to);
  }

  @Override
  public Pipeline preview(Pipeline committed) {
    return pending == null || done ? committed : pending.apply(committed);
  }

  @Override
  public boolean release() {
    done = true;
    return pending != null && (dx != 0 || dy != 0) && doc.execute(pending);
  }

  @Override
  public void cancel() {
    done = true;
  }

  /** The current offset of the preview from where the drag started. */
  public double dx() {
    return dx;
  }

  public double dy() {
    return dy;
  }
}
