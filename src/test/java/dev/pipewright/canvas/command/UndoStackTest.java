package dev.pipewright.canvas.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.canvas.Pipelines;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.Position;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UndoStackTest {
  private final Pipeline shop = Pipelines.shop();

  @Test
  void undoRestoresRemovedEdge() {
    UndoStack stack = new UndoStack(shop);
    Edge edge = new Edge("orders", "search");
    stack.execute(new RemoveEdge(edge));
    assertThat(stack.current().edges()).doesNotContain(edge);

    stack.undo();

    assertThat(stack.current().edges()).contains(edge);
    assertThat(stack.current()).isEqualTo(shop);
  }

  @Test
  void undoRestoresDeletedNodeWithItsEdges() {
    UndoStack stack = new UndoStack(shop);
    stack.execute(RemoveSelection.nodes(Set.of("shop-cdc")));
    assertThat(stack.current().hasNode("shop-cdc")).isFalse();
    assertThat(stack.current().edges()).noneMatch(e -> e.touches("shop-cdc"));

    stack.undo();

    assertThat(stack.current()).isEqualTo(shop);
  }

  @Test
  void commandThatChangesNothingPushesNoStep() {
    UndoStack stack = new UndoStack(shop);
    boolean changed = stack.execute(new RemoveEdge(new Edge("search", "orders")));

    assertThat(changed).isFalse();
    assertThat(stack.canUndo()).isFalse();
    assertThat(stack.revision()).isZero();
  }

  @Test
  void redoReappliesWhatWasUndone() {
    UndoStack stack = new UndoStack(shop);
    stack.execute(new RenameNode("orders", "orders-v2"));
    Pipeline renamed = stack.current();
    stack.undo();

    stack.redo();

    assertThat(stack.current()).isEqualTo(renamed);
    assertThat(stack.canRedo()).isFalse();
  }

  @Test
  void newEditAfterUndoForgetsTheRedo() {
    UndoStack stack = new UndoStack(shop);
    stack.execute(new RenameNode("orders", "a"));
    stack.undo();
    stack.execute(new RenameNode("orders", "b"));

    assertThat(stack.canRedo()).isFalse();
    assertThat(stack.current().hasNode("b")).isTrue();
  }

  @Test
  void historyKeepsAtMostItsCapacityDroppingTheOldest() {
    UndoStack stack = new UndoStack(shop, 3);
    for (int i = 1; i <= 5; i++) {
      stack.execute(new MoveNodes(Map.of("orders", new Position(i * 16, 0))));
    }
    assertThat(stack.undoDepth()).isEqualTo(3);
    stack.undo();
    stack.undo();
    stack.undo();
    stack.undo();

    // Three steps back from x=80 is x=32: the two oldest moves are gone.
    assertThat(stack.current().node("orders").orElseThrow().position()).isEqualTo(new Position(32, 0));
    assertThat(stack.canUndo()).isFalse();
  }

  @Test
  void dirtyFollowsTheSavedStateThroughUndoAndRedo() {
    UndoStack stack = new UndoStack(shop);
    assertThat(stack.isDirty()).isFalse();
    stack.execute(new SetProperty("shop-db", "database", "shop"));
    assertThat(stack.isDirty()).isTrue();
    stack.markSaved();
    assertThat(stack.isDirty()).isFalse();
    stack.undo();
    assertThat(stack.isDirty()).isTrue();
    stack.redo();
    assertThat(stack.isDirty()).isFalse();
  }

  @Test
  void revisionCountsEveryChange() {
    UndoStack stack = new UndoStack(shop);
    stack.execute(new RenameNode("orders", "a"));
    stack.undo();
    stack.redo();
    stack.reset(shop);
    assertThat(stack.revision()).isEqualTo(4);
    assertThat(stack.canUndo()).isFalse();
  }

  @Test
  void descriptionsNameTheStepForTheMenu() {
    UndoStack stack = new UndoStack(shop);
    stack.execute(MoveNodes.by(shop, Set.of("orders", "customers", "search"), 16, 0));
    assertThat(stack.undoDescription()).contains("Move 3 nodes");
    stack.undo();
    assertThat(stack.redoDescription()).contains("Move 3 nodes");
    assertThat(stack.undoDescription()).isEmpty();
  }
}
