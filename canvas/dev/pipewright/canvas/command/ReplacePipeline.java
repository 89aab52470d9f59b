package dev.pipewright.canvas.command;

import dev.pipewright.model.Pipeline;
import java.util.Objects;

/**
 * Replaces the whole pipeline in one undoable step: used for edits made outside the canvas
 * (pipeline settings, clusters, SLOs, a template) that are easiest to express as the result.
 */
public record ReplacePipeline(Pipeline replacement, String description) implements Command {
  public ReplacePipeline {
    Objects.requireNonNull(replacement, "replacement");
    Objects.requireNonNull(description, "description");
  }

  @Override
  public Pipeline apply(Pipeline p) {
    return replacement;
  }
}
