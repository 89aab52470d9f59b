package dev.pipewright.app.desktop.command;

import dev.pipewright.canvas.command.Command;
import dev.pipewright.model.Pipeline;

/** Replaces the pipeline's one-paragraph description. */
public record SetPipelineDescription(String description) implements Command {
  public SetPipelineDescription {
    description = description == null ? "" : description.strip();
  }

  @Override
  public Pipeline apply(Pipeline p) {
    return description.equals(p.description()) ? p : p.withDescription(description);
  }

  @Override
  public String description() {
    return "Edit pipeline description";
  }
}
