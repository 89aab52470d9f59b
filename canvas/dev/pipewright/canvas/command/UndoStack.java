package dev.pipewright.canvas.command;

import dev.pipewright.model.Pipeline;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/**
 * Undo history as snapshots of immutable pipelines (cheap: unchanged nodes are shared). Holds at
 * most {@link #DEFAULT_CAPACITY} steps, dropping the oldest; counts a revision on every change so
 * views can tell one state from the next; knows whether the current state differs from the
 * last saved one. Not thread-safe: use it from one thread (the FX thread in the app).
 */
public final class UndoStack {
  /** How many undo steps are kept unless told otherwise. */
  public static final int DEFAULT_CAPACITY = 200;

  private record Step(Pipeline state, String description) {}

  private final int capacity;
  private final Deque<Step> undo = new ArrayDeque<>();
  private final Deque<Step> redo = new ArrayDeque<>();
  private Pipeline current;
  private Pipeline saved;
  private long revision;

  public UndoStack(Pipeline initial) {
    this(initial, DEFAULT_CAPACITY);
  }

  public UndoStack(Pipeline initial, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
    this.current = Objects.requireNonNull(initial, "initial");
    this.saved = initial;
  }

  public Pipeline current() {
    return current;
  }

  /**
   * Applies {@code c} and records one undo step. Returns false, and records nothing, when the
   * command changes nothing.
   */
  public boolean execute(Command c) {
    Pipeline after = c.apply(current);
    if (after == current || after.equals(current)) {
      return false;
    }
    undo.push(new Step(current, c.description()));
    if (undo.size() > capacity) {
      undo.removeLast();
    }
    redo.clear();
    current = after;
    revision++;
    return true;
  }

  /** Goes back one step; does nothing when there is nothing to undo. */
  public void undo() {
    if (undo.isEmpty()) {
      return;
    }
    Step s = undo.pop();
    redo.push(new Step(current, s.description()));
    current = s.state();
    revision++;
  }

  /** Re-applies the last undone step; does nothing when there is none. */
  public void redo() {
    if (redo.isEmpty()) {
      return;
    }
    Step s = redo.pop();
    undo.push(new Step(current, s.description()));
    current = s.state();
    revision++;
  }

  public boolean canUndo() {
    return !undo.isEmpty();
  }

  public boolean canRedo() {
    return !redo.isEmpty();
  }

  /** What Undo would revert, e.g. {@code Move 3 nodes}. */
  public Optional<String> undoDescription() {
    return canUndo() ? Optional.of(undo.peek().description()) : Optional.empty();
  }

  public Optional<String> redoDescription() {
    return canRedo() ? Optional.of(redo.peek().description()) : Optional.empty();
  }

  /** Records the current state as the one on disk. */
  public void markSaved() {
    saved = current;
  }

  /** True when the current state differs from the last saved (or loaded) one, even after undo/redo. */
  public boolean isDirty() {
    return current != saved && !current.equals(saved);
  }

  /** Increases by one with every execute, undo, redo and reset. */
  public long revision() {
    return revision;
  }

  /** Starts over with {@code p} as the current and saved state, with no history. */
  public void reset(Pipeline p) {
    current = Objects.requireNonNull(p, "p");
    saved = p;
    undo.clear();
    redo.clear();
    revision++;
  }

  /** Number of undo steps held (at most the capacity). */
  public int undoDepth() {
    return undo.size();
  }
}
