package dev.pipewright.model.io;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with a pipeline file, located for a person: the file, the 1-based line and
 * column (both 0 when the problem concerns the whole file, such as its size or encoding), the
 * field path such as {@code nodes[2].properties.port} (empty when there is none), what is wrong
 * and how to fix it.
 */
public record FileProblem(String file, int line, int column, String field, String message, String hint) {

  /** Problems in reading order: whole-file problems first, then by line and column. */
  static final Comparator<FileProblem> BY_POSITION =
      Comparator.comparingInt(FileProblem::line).thenComparingInt(FileProblem::column);

  public FileProblem {
    Objects.requireNonNull(message, "message");
    file = file == null ? "" : file;
    field = field == null ? "" : field;
    hint = hint == null ? "" : hint;
  }

  /** True when the problem concerns the file as a whole rather than a place in it. */
  public boolean wholeFile() {
    return line == 0;
  }

  /**
   * The problem as one line in the compiler-like form editors and terminals understand, e.g.
   * {@code shop.yaml:12:7: nodes[2].properties.port: 'port' must be a whole number, got 'abc'.
   * Hint: write a number such as 5432.}
   */
  public String format() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line).append(':').append(column);
    }
    sb.append(": ");
    if (!field.isEmpty()) {
      sb.append(field).append(": ");
    }
    sb.append(sentence(message));
    if (!hint.isEmpty()) {
      sb.append(" Hint: ").append(sentence(hint));
    }
    return sb.toString();
  }

  private static String sentence(String s) {
    return s.endsWith(".") || s.endsWith("?") || s.endsWith("!") ? s : s + ".";
  }

  @Override
  public String toString() {
    return format();
  }
}
