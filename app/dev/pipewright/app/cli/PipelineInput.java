package dev.pipewright.app.cli;

import dev.pipewright.model.Pipeline;
import dev.pipewright.model.io.FileProblem;
import dev.pipewright.model.io.PipelineFile;
import dev.pipewright.model.io.PipelineFileException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Loads a pipeline file for a subcommand and explains, on the error stream, why it could not.
 * Also finds the line where a node is declared, so findings can be printed as {@code file:line}.
 */
public final class PipelineInput {
  private final Path file;
  private final Pipeline pipeline;
  private final List<String> lines;

  private PipelineInput(Path file, Pipeline pipeline, List<String> lines) {
    this.file = file;
    this.pipeline = pipeline;
    this.lines = lines;
  }

  /** The loaded pipeline, or empty after printing every problem to {@code err}. */
  public static Optional<PipelineInput> load(Path file, PrintWriter err) {
    if (!Files.isRegularFile(file)) {
      err.println(file + ": no such file. Check the path (it is relative to "
          + Path.of("").toAbsolutePath() + ").");
      return Optional.empty();
    }
    try {
      Pipeline p = PipelineFile.load(file);
      List<String> lines;
      try {
        lines = Files.readAllLines(file);
      } catch (IOException | RuntimeException e) {
        lines = List.of();
      }
      return Optional.of(new PipelineInput(file, p, lines));
    } catch (PipelineFileException e) {
      for (FileProblem problem : e.problems()) {
        err.println(problem.format());
      }
      return Optional.empty();
    }
  }

  public Path file() {
    return file;
  }

  public Pipeline pipeline() {
    return pipeline;
  }

  /** The 1-based line of {@code - name: <node>} under {@code nodes:}, or 0 when not found. */
  public int lineOfNode(String node) {
    if (node == null) {
      return 0;
    }
    Pattern p = Pattern.compile("^\\s*-?\\s*name:\\s*[\"']?" + Pattern.quote(node) + "[\"']?\\s*(#.*)?$");
    boolean inNodes = false;
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (!l.startsWith(" ") && !l.startsWith("-")) {
        inNodes = l.startsWith("nodes:");
      }
      if (inNodes && p.matcher(l).matches()) {
        return i + 1;
      }
    }
    return 0;
  }
}
