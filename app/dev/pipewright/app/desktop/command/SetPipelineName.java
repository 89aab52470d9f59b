package dev.pipewright.app.desktop.command;

import dev.pipewright.canvas.command.Command;
import dev.pipewright.model.Pipeline;
import java.util.Objects;

/** Renames the pipeline itself (not a node); a no-op for a blank name. */
public record SetPipelineName(String name) implements Command {
  public SetPipelineName {
    Objects.requireNonNull(name, "name");
  }

  @Override
  public Pipeline apply(Pipeline p) {
    String n = name.strip();
    return n.isEmpty() || n.equals(p.name()) ? p : p.withName(n);
  }

  @Override
  public String description() {
    return "Rename pipeline to " + name.strip();
  }
}
