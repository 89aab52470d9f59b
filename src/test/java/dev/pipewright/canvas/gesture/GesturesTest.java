package dev.pipewright.canvas.gesture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.canvas.EditorDocument;
import dev.pipewright.canvas.EditorState;
import dev.pipewright.canvas.Pipelines;
import dev.pipewright.canvas.layout.GraphIndex;
import dev.pipewright.canvas.layout.NodeGeometry;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.Position;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Gesture logic without the FX toolkit: press, drag, release in canvas units. */
class GesturesTest {
  private final EditorDocument doc = new EditorDocument(Pipelines.shop());
  private final EditorState state = new EditorState();

  private Position at(String name) {
    return doc.pipeline().node(name).orElseThrow().position();
  }

  @Test
  void wholeDragIsOneUndoStep() {
    state.selectOnly(Set.of("orders", "customers"));
    MoveSelectionOnDrag drag = new MoveSelectionOnDrag(doc, state, "orders", 600, 70);
    for (int i = 1; i <= 20; i++) {
      drag.drag(600 + i * 5, 70 + i * 3);
      assertThat(doc.history().undoDepth()).as("nothing pushed while dragging").isZero();
    }
    Pipeline preview = drag.preview(doc.pipeline());
    assertThat(preview.node("orders").orElseThrow().position()).isNotEqualTo(at("orders"));

    assertThat(drag.release()).isTrue();

    assertThat(doc.history().undoDepth()).isEqualTo(1);
    assertThat(doc.undoLabelProperty().get()).isEqualTo("Undo Move 2 nodes");
    assertThat(at("orders")).isEqualTo(new Position(592 + 96, 64 + 64));
    assertThat(at("customers")).isEqualTo(new Position(592 + 96, 256 + 64));
    doc.undo();
    assertThat(doc.pipeline()).isEqualTo(Pipelines.shop());
  }

  @Test
  void dragThatEndsWhereItStartedPushesNothing() {
    state.selectOnly(Set.of("orders"));
    MoveSelectionOnDrag drag = new MoveSelectionOnDrag(doc, state, "orders", 600, 70);
    drag.drag(700, 200);
    drag.drag(603, 72);

    assertThat(drag.release()).isFalse();
    assertThat(doc.canUndoProperty().get()).isFalse();
  }

  @Test
  void dragWithoutSnappingMovesByThePointerDistance() {
    state.snapToGrid().set(false);
    state.selectOnly(Set.of("orders"));
    MoveSelectionOnDrag drag = new MoveSelectionOnDrag(doc, state, "orders", 600, 70);
    drag.drag(603, 72);
    drag.release();
    assertThat(at("orders")).isEqualTo(new Position(595, 66));
  }

  @Test
  void connectingToALegalTargetAddsTheEdge() {
    ConnectPortsOnDrag connect = new ConnectPortsOnDrag(doc, new GraphIndex(doc.pipeline()), "orders", 768, 92);
    connect.drag(900, 280);

    assertThat(connect.target()).isEqualTo("read-model");
    assertThat(connect.refusal()).isEmpty();
    assertThat(connect.release()).isTrue();
    assertThat(doc.pipeline().hasEdge("orders", "read-model")).isTrue();
    assertThat(doc.undoLabelProperty().get()).isEqualTo("Undo Connect orders to read-model");
  }

  @Test
  void releasingOnAnIllegalTargetAddsNothingAndSaysWhy() {
    ConnectPortsOnDrag connect = new ConnectPortsOnDrag(doc, new GraphIndex(doc.pipeline()), "shop-db", 224, 188);
    connect.drag(620, 90);

    assertThat(connect.target()).isEqualTo("orders");
    assertThat(connect.refusal()).hasValueSatisfying(r -> assertThat(r).contains("connects only to a Debezium capture"));
    assertThat(connect.release()).isFalse();
    assertThat(doc.pipeline()).isEqualTo(Pipelines.shop());
  }

  @Test
  void releasingOnEmptyCanvasAddsNothing() {
    ConnectPortsOnDrag connect = new ConnectPortsOnDrag(doc, new GraphIndex(doc.pipeline()), "orders", 768, 92);
    connect.drag(2000, 2000);
    assertThat(connect.target()).isNull();
    assertThat(connect.release()).isFalse();
  }

  @Test
  void marqueeSelectsEveryCardItTouches() {
    state.selectOnly(Set.of("shop-db"));
    MarqueeSelectOnDrag marquee = new MarqueeSelectOnDrag(state, new GraphIndex(doc.pipeline()), 580, 40, false);
    marquee.drag(1100, 300);

    assertThat(state.selection()).containsExactlyInAnyOrder("orders", "customers", "search", "read-model");
    assertThat(marquee.release()).isFalse();
    assertThat(doc.canUndoProperty().get()).isFalse();
  }

  @Test
  void additiveMarqueeKeepsTheEarlierSelection() {
    state.selectOnly(Set.of("shop-db"));
    MarqueeSelectOnDrag marquee = new MarqueeSelectOnDrag(state, new GraphIndex(doc.pipeline()), 860, 40, true);
    marquee.drag(1100, 100);
    assertThat(state.selection()).containsExactlyInAnyOrder("shop-db", "search");
  }

  @Test
  void panOnDragMovesTheViewWithThePointer() {
    state.zoom().set(2);
    PanOnDrag pan = new PanOnDrag(state, 100, 100);
    pan.drag(140, 80);
    assertThat(state.panX().get()).isEqualTo(-20);
    assertThat(state.panY().get()).isEqualTo(10);
  }

  @Test
  void zoomOnScrollKeepsThePointUnderTheCursor() {
    state.panX().set(100);
    double modelX = state.toModelX(300);
    double modelY = state.toModelY(200);
    new ZoomOnScroll(state).scroll(120, 300, 200);

    assertThat(state.zoom().get()).isGreaterThan(1.0);
    assertThat(state.toModelX(300)).isCloseTo(modelX, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(state.toModelY(200)).isCloseTo(modelY, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void zoomStaysWithinItsLimits() {
    ZoomOnPinch pinch = new ZoomOnPinch(state);
    for (int i = 0; i < 50; i++) {
      pinch.zoom(2, 0, 0);
    }
    assertThat(state.zoom().get()).isEqualTo(EditorState.MAX_ZOOM);
    for (int i = 0; i < 100; i++) {
      pinch.zoom(0.5, 0, 0);
    }
    assertThat(state.zoom().get()).isEqualTo(EditorState.MIN_ZOOM);
  }

  @Test
  void plainScrollPansAndShiftScrollPansSideways() {
    PanOnScroll scroll = new PanOnScroll(state);
    scroll.scroll(0, -40, false);
    assertThat(state.panY().get()).isEqualTo(40);
    scroll.scroll(0, -40, true);
    assertThat(state.panX().get()).isEqualTo(40);
  }

  @Test
  void gridSnapsToTheNearestMultiple() {
    assertThat(NodeGeometry.snap(23)).isEqualTo(16);
    assertThat(NodeGeometry.snap(25)).isEqualTo(32);
  }
}
