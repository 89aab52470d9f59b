package dev.pipewright.model.io;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A pipeline file could not be read. Carries every problem found (sorted by position, never
 * empty); {@link #getMessage()} is all of them, formatted one per line.
 */
public final class PipelineFileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<FileProblem> problems;

  public PipelineFileException(List<FileProblem> problems) {
    super(format(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a PipelineFileException needs at least one problem");
    }
    this.problems = problems.stream().sorted(FileProblem.BY_POSITION).toList();
  }

  public List<FileProblem> problems() {
    return problems;
  }

  private static String format(List<FileProblem> problems) {
    return problems.stream().sorted(FileProblem.BY_POSITION).map(FileProblem::format)
        .collect(Collectors.joining("\n"));
  }
}
