package dev.pipewright.canvas.command;

import dev.pipewright.model.Pipeline;

/**
 * One undoable edit of a pipeline: a pure function from the pipeline before to the pipeline
 * after, plus the words the Undo menu shows ("Move 3 nodes"). Commands never mutate anything;
 * the {@link UndoStack} keeps the snapshots.
 */
public interface Command {
  /** The pipeline after this edit; returns {@code p} itself (or an equal pipeline) when nothing changes. */
  Pipeline apply(Pipeline p);

  /** A short phrase for the Undo/Redo menu items, e.g. {@code Move 3 nodes}. */
  String description();

  /** True when applying this command to {@code p} would change nothing (so no undo step is pushed). */
  default boolean isNoOp(Pipeline p) {
    return apply(p).equals(p);
  }

  /** "1 node" / "3 nodes": the noun phrases used in descriptions. */
  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
