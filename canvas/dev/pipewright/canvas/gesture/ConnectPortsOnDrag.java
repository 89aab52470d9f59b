package dev.pipewright.canvas.gesture;

import dev.pipewright.canvas.EditorDocument;
import dev.pipewright.canvas.command.AddEdge;
import dev.pipewright.canvas.layout.GraphIndex;
import dev.pipewright.model.EdgeRules;
import java.util.Optional;

/**
 * Drags a new edge out of an output port. Over a node, {@link EdgeRules} decides: a legal
 * target is offered, an illegal one carries the model's reason. Release on a legal target adds
 * the edge (one undo step); anywhere else adds nothing.
 */
public final class ConnectPortsOnDrag implements DragGesture {
  private final EditorDocument doc;
  private final GraphIndex index;
  private final String from;
  private double x;
  private double y;
  private String target;
  private Optional<String> refusal = Optional.empty();

  public ConnectPortsOnDrag(EditorDocument doc, GraphIndex index, String from, double x, double y) {
    this.doc = doc;
    this.index = index;
    this.from = from;
    this.x = x;
    this.y = y;
  }

  @Override
  public void drag(double nx, double ny) {
    x = nx;
    y = ny;
    // Still over the card it starts from: no target yet, rather than "cannot connect to itself".
    target = index.nodeAt(nx, ny).filter(t -> !t.equals(from)).orElse(null);
    refusal = target == null ? Optional.empty() : EdgeRules.refusal(doc.pipeline(), from, target);
  }

  @Override
  public boolean release() {
    if (target == null || refusal.isPresent()) {
      return false;
    }
    return doc.execute(new AddEdge(from, target));
  }

  public String from() {
    return from;
  }

  /** The node under the pointer, or null over empty canvas. */
  public String target() {
    return target;
  }

  /** Why the current target is refused, or empty when it is legal (or there is none). */
  public Optional<String> refusal() {
    return refusal;
  }

  /** The loose end of the rubber-band edge, canvas units. */
  public double x() {
    return x;
  }

  public double y() {
    return y;
  }
}
