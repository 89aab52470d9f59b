package dev.pipewright.canvas.command;

import dev.pipewright.model.Pipeline;
import java.util.Objects;

/**
 * Renames a node and every edge and SLO referring to it. A no-op when the old name is missing,
 * the new name is blank, or another node already has the new name.
 */
public record RenameNode(String oldName, String newName) implements Command {
  public RenameNode {
    Objects.requireNonNull(oldName, "oldName");
    Objects.requireNonNull(newName, "newName");
  }

  @Override
  public Pipeline apply(Pipeline p) {
    String trimmed = newName.strip();
    if (trimmed.isEmpty() || trimmed.equals(oldName) || !p.hasNode(oldName) || p.hasNode(trimmed)) {
      return p;
    }
    return p.renameNode(oldName, trimmed);
  }

  @Override
  public String description() {
    return "Rename " + oldName + " to " + newName.strip();
  }
}
