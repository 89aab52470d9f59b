package dev.pipewright.canvas;

import dev.pipewright.canvas.command.Command;
import dev.pipewright.canvas.command.UndoStack;
import dev.pipewright.canvas.layout.Layout;
import dev.pipewright.model.Pipeline;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The pipeline being edited, as observable properties the UI binds to. Every change goes
 * through {@link #execute(Command)}, {@link #undo()}, {@link #redo()} or {@link #load(Pipeline)};
 * the properties are refreshed after each. No scene-graph code, so it is tested without FX.
 */
public final class EditorDocument {
  private final UndoStack stack;
  private final ReadOnlyObjectWrapper<Pipeline> pipeline = new ReadOnlyObjectWrapper<>(this, "pipeline");
  private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
  private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
  private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
  private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper(this, "undoLabel");
  private final ReadOnlyStringWrapper redoLabel = new ReadOnlyStringWrapper(this, "redoLabel");
  private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision");

  /** Starts with {@code initial}; nodes without positions are laid out (see {@link #load}). */
  public EditorDocument(Pipeline initial) {
    stack = new UndoStack(Layout.apply(initial));
    refresh();
  }

  public ReadOnlyObjectProperty<Pipeline> pipelineProperty() {
    return pipeline.getReadOnlyProperty();
  }

  public Pipeline pipeline() {
    return pipeline.get();
  }

  public ReadOnlyBooleanProperty dirtyProperty() {
    return dirty.getReadOnlyProperty();
  }

  public boolean isDirty() {
    return dirty.get();
  }

  public ReadOnlyBooleanProperty canUndoProperty() {
    return canUndo.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canRedoProperty() {
    return canRedo.getReadOnlyProperty();
  }

  /** "Undo Move 3 nodes", or "Undo" when there is nothing to undo: ready for a menu item. */
  public ReadOnlyStringProperty undoLabelProperty() {
    return undoLabel.getReadOnlyProperty();
  }

  /** "Redo Move 3 nodes", or "Redo". */
  public ReadOnlyStringProperty redoLabelProperty() {
    return redoLabel.getReadOnlyProperty();
  }

  /** Changes with every edit, undo, redo and load. */
  public ReadOnlyLongProperty revisionProperty() {
    return revision.getReadOnlyProperty();
  }

  /** Applies {@code c} as one undo step; returns false (and records nothing) when it changes nothing. */
  public boolean execute(Command c) {
    boolean changed = stack.execute(c);
    if (changed) {
      refresh();
    }
    return changed;
  }

  public void undo() {
    stack.undo();
    refresh();
  }

  public void redo() {
    stack.redo();
    refresh();
  }

  public void markSaved() {
    stack.markSaved();
    refresh();
  }

  /**
   * Replaces the document (a file opened, a new pipeline) and forgets the history. Nodes
   * without positions are placed by {@link Layout#apply(Pipeline)} first; that counts as part
   * of opening, so the document is not dirty.
   */
  public void load(Pipeline p) {
    stack.reset(Layout.apply(p));
    refresh();
  }

  /** The history itself, for tests and for the few callers that need depth. */
  public UndoStack history() {
    return stack;
  }

  private void refresh() {
    pipeline.set(stack.current());
    dirty.set(stack.isDirty());
    canUndo.set(stack.canUndo());
    canRedo.set(stack.canRedo());
    undoLabel.set(stack.undoDescription().map(d -> "Undo " + d).orElse("Undo"));
    redoLabel.set(stack.redoDescription().map(d -> "Redo " + d).orElse("Redo"));
    revision.set(stack.revision());
  }
}
