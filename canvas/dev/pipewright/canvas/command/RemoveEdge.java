package dev.pipewright.canvas.command;

import dev.pipewright.model.Edge;
import dev.pipewright.model.Pipeline;

/** Removes one edge; a no-op when the edge is not there. */
public record RemoveEdge(Edge edge) implements Command {
  @Override
  public Pipeline apply(Pipeline p) {
    return p.hasEdge(edge.from(), edge.to()) ? p.withoutEdge(edge) : p;
  }

  @Override
  public String description() {
    return "Disconnect " + edge.from() + " from " + edge.to();
  }
}
