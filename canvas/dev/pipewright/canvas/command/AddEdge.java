package dev.pipewright.canvas.command;

import dev.pipewright.model.Edge;
import dev.pipewright.model.EdgeRules;
import dev.pipewright.model.Pipeline;
import java.util.Optional;

/**
 * Connects two nodes when {@link EdgeRules} allows it; an illegal edge leaves the pipeline
 * unchanged (a no-op, so nothing lands on the undo stack).
 */
public record AddEdge(Edge edge) implements Command {
  public AddEdge(String from, String to) {
    this(new Edge(from, to));
  }

  /** The model's reason this edge cannot be added to {@code p}, or empty when it can. */
  public Optional<String> refusal(Pipeline p) {
    return EdgeRules.refusal(p, edge.from(), edge.to());
  }

  @Override
  public Pipeline apply(Pipeline p) {
    return refusal(p).isPresent() ? p : p.withEdge(edge);
  }

  @Override
  public String description() {
    return "Connect " + edge.from() + " to " + edge.to();
  }
}
