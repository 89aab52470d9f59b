package dev.pipewright.exporters;

import dev.pipewright.model.Finding;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.lint.Linter;
import java.util.List;

/** The validation errors that stop an export: the model's lint errors, the same the canvas shows. */
final class Validation {
  private Validation() {}

  static List<Finding> errors(Pipeline p) {
    return Linter.errors(p);
  }
}
