package dev.pipewright.app.cli;

import dev.pipewright.model.Finding;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.io.FileProblem;
import dev.pipewright.model.io.PipelineFile;
import dev.pipewright.model.io.PipelineFileException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Loading a pipeline file and printing findings the same way for export, deploy and diff. */
final class PipelineArgs {
  static final int OK = 0;
  static final int FINDINGS = 1;
  static final int UNREADABLE = 2;

  private PipelineArgs() {}

  /** The pipeline, or empty after printing every problem of the file (file, line, field, hint). */
  static Optional<Pipeline> load(Path file, PrintWriter err) {
    try {
      return Optional.of(PipelineFile.load(file));
    } catch (PipelineFileException e) {
      for (FileProblem p : e.problems()) {
        err.println(p.format());
      }
      return Optional.empty();
    }
  }

  /** Prints each finding as {@code FILE: node 'x' field 'y': message Fix: hint}. */
  static void printFindings(Path file, List<Finding> findings, PrintWriter err) {
    for (Finding f : findings) {
      err.println(file + ": " + f.where() + ": " + f.message() + " Fix: " + f.fix());
    }
  }
}
