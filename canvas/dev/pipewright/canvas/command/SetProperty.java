package dev.pipewright.canvas.command;

import dev.pipewright.model.Pipeline;
import java.util.Objects;

/**
 * Sets one property of one node, or clears it (so the kind's default applies) when
 * {@code value} is null.
 */
public record SetProperty(String node, String key, String value) implements Command {
  public SetProperty {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(key, "key");
  }

  @Override
  public Pipeline apply(Pipeline p) {
    return p.node(node)
        .filter(n -> !Objects.equals(n.properties().get(key), value))
        .map(n -> p.withNode(n.withProperty(key, value)))
        .orElse(p);
  }

  @Override
  public String description() {
    return (value == null ? "Clear " : "Set ") + key + " of " + node;
  }
}
