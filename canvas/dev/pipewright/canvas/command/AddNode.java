package dev.pipewright.canvas.command;

import dev.pipewright.model.Node;
import dev.pipewright.model.Pipeline;
import java.util.Objects;

/** Adds one node; refuses (no change) when a node of that name already exists. */
public record AddNode(Node node) implements Command {
  public AddNode {
    Objects.requireNonNull(node, "node");
  }

  @Override
  public Pipeline apply(Pipeline p) {
    return p.hasNode(node.name()) ? p : p.withNode(node);
  }

  @Override
  public String description() {
    return "Add " + node.kind().label() + " '" + node.name() + "'";
  }
}
