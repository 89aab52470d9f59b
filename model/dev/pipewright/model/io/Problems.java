package dev.pipewright.model.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one file. Capped, so that a hostile file with a million bad lines
 * yields a readable report (and bounded memory) rather than a million lines.
 */
final class Problems {
  static final int MAX = 50;

  private final String file;
  private final List<FileProblem> list = new ArrayList<>();
  private int dropped;

  Problems(String file) {
    this.file = file;
  }

  void add(YamlTree.Loc at, String field, String message, String hint) {
    add(at.line(), at.column(), field, message, hint);
  }

  void add(int line, int column, String field, String message, String hint) {
    if (list.size() >= MAX) {
      dropped++;
      return;
    }
    // Hostile nesting makes paths like x[0][0][0]...; the start says enough.
    String shortField = field != null && field.length() > 120 ? field.substring(0, 117) + "..." : field;
    list.add(new FileProblem(file, line, column, shortField, message, hint));
  }

  void wholeFile(String message, String hint) {
    add(0, 0, "", message, hint);
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  PipelineFileException exception() {
    List<FileProblem> all = new ArrayList<>(list);
    all.sort(FileProblem.BY_POSITION);
    if (dropped > 0) {
      FileProblem last = all.get(all.size() - 1);
      all.add(new FileProblem(file, last.line(), last.column(), "", "... and " + dropped
          + " more problems not listed", "Fix the problems above and load the file again"));
    }
    return new PipelineFileException(all);
  }
}
