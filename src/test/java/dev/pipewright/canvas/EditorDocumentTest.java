package dev.pipewright.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.canvas.command.RemoveSelection;
import dev.pipewright.canvas.command.RenameNode;
import dev.pipewright.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EditorDocumentTest {

  @Test
  void propertiesFollowEditsUndoAndSave() {
    EditorDocument doc = new EditorDocument(Pipelines.shop());
    List<String> labels = new ArrayList<>();
    doc.undoLabelProperty().addListener((o, a, b) -> labels.add(b));
    assertThat(doc.undoLabelProperty().get()).isEqualTo("Undo");
    assertThat(doc.canUndoProperty().get()).isFalse();

    doc.execute(RemoveSelection.nodes(Set.of("search", "read-model")));

    assertThat(doc.dirtyProperty().get()).isTrue();
    assertThat(doc.canUndoProperty().get()).isTrue();
    assertThat(doc.undoLabelProperty().get()).isEqualTo("Undo Delete 2 nodes");
    doc.markSaved();
    assertThat(doc.dirtyProperty().get()).isFalse();
    doc.undo();
    assertThat(doc.redoLabelProperty().get()).isEqualTo("Redo Delete 2 nodes");
    assertThat(doc.canRedoProperty().get()).isTrue();
    assertThat(doc.dirtyProperty().get()).isTrue();
    assertThat(labels).containsExactly("Undo Delete 2 nodes", "Undo");
  }

  @Test
  void loadForgetsHistoryAndIsClean() {
    EditorDocument doc = new EditorDocument(Pipelines.shop());
    doc.execute(new RenameNode("orders", "o"));
    long before = doc.revisionProperty().get();

    doc.load(Pipelines.shop().withName("other"));

    assertThat(doc.canUndoProperty().get()).isFalse();
    assertThat(doc.dirtyProperty().get()).isFalse();
    assertThat(doc.revisionProperty().get()).isGreaterThan(before);
    assertThat(doc.pipeline().name()).isEqualTo("other");
  }

  @Test
  void openingAPipelineWithoutPositionsLaysItOut() {
    EditorDocument doc = new EditorDocument(Pipelines.shopUnplaced());

    assertThat(doc.pipeline().nodes()).extracting(Node::position).doesNotContainNull();
    assertThat(doc.pipeline().node("shop-db").orElseThrow().position().x())
        .isLessThan(doc.pipeline().node("search").orElseThrow().position().x());
    assertThat(doc.dirtyProperty().get()).isFalse();
  }

  @Test
  void commandThatChangesNothingLeavesTheDocumentAlone() {
    EditorDocument doc = new EditorDocument(Pipelines.shop());
    long revision = doc.revisionProperty().get();

    assertThat(doc.execute(new RenameNode("orders", "customers"))).isFalse();

    assertThat(doc.revisionProperty().get()).isEqualTo(revision);
    assertThat(doc.dirtyProperty().get()).isFalse();
  }
}
