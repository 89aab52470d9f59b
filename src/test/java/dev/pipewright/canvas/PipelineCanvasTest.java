package dev.pipewright.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.model.Edge;
import dev.pipewright.model.EdgeRules;
import dev.pipewright.model.Finding;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.Position;
import dev.pipewright.model.Severity;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The canvas alone on a real stage (Monocle headless), driven with the mouse and keyboard. */
@ExtendWith(ApplicationExtension.class)
class PipelineCanvasTest {
  private EditorDocument doc;
  private EditorState state;
  private PipelineCanvas canvas;
  private CanvasPage page;

  @Start
  void start(Stage stage) {
    Pipeline shop = Pipelines.shop().withoutEdge(new Edge("customers", "read-model"));
    doc = new EditorDocument(shop);
    state = new EditorState();
    canvas = new PipelineCanvas(doc, state);
    canvas.setClipboard(new CanvasClipboard());
    stage.setScene(new Scene(new StackPane(canvas), 1200, 560));
    stage.setX(0);
    stage.setY(0);
    stage.show();
  }

  private void setUp(FxRobot robot) {
    page = new CanvasPage(robot, canvas);
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void drag(FxRobot robot, Point2D from, Point2D to) {
    robot.moveTo(from).press(MouseButton.PRIMARY);
    // Several steps, as a hand would: the gesture must preview without pushing anything.
    for (int i = 1; i <= 5; i++) {
      robot.moveTo(new Point2D(from.getX() + (to.getX() - from.getX()) * i / 5,
          from.getY() + (to.getY() - from.getY()) * i / 5));
    }
    robot.release(MouseButton.PRIMARY);
  }

  @Test
  void draggingFromAnOutputPortToANodeConnectsThem(FxRobot robot) {
    setUp(robot);

    drag(robot, page.outputPort("customers"), page.node("read-model"));

    assertThat(doc.pipeline().hasEdge("customers", "read-model")).isTrue();
    assertThat(doc.undoLabelProperty().get()).isEqualTo("Undo Connect customers to read-model");
    assertThat(doc.history().undoDepth()).isEqualTo(1);
    page.screenshot("canvas-connected");
  }

  @Test
  void anIllegalEdgeIsRefusedWithTheModelsReasonAtTheCursor(FxRobot robot) {
    setUp(robot);
    String reason = EdgeRules.refusal(doc.pipeline(), "shop-db", "orders").orElseThrow();

    robot.moveTo(page.outputPort("shop-db")).press(MouseButton.PRIMARY);
    robot.moveTo(page.node("shop-cdc")).moveTo(page.node("orders"));
    Label label = robot.lookup("#connect-refusal").queryAs(Label.class);
    assertThat(label.isVisible()).isTrue();
    assertThat(label.getText()).isEqualTo(reason);
    page.screenshot("canvas-refused-edge");
    robot.release(MouseButton.PRIMARY);

    assertThat(doc.pipeline().hasEdge("shop-db", "orders")).isFalse();
    assertThat(doc.canUndoProperty().get()).isFalse();
    assertThat(label.isVisible()).isFalse();
  }

  @Test
  void marqueeSelectsTheCardsItTouches(FxRobot robot) {
    setUp(robot);
    Point2D from = page.viewPoint(560, 30);
    Point2D to = page.viewPoint(1150, 300);

    robot.moveTo(from).press(MouseButton.PRIMARY).moveTo(page.viewPoint(800, 150)).moveTo(to);
    page.screenshot("canvas-marquee");
    robot.release(MouseButton.PRIMARY);

    assertThat(state.selection()).containsExactlyInAnyOrder("orders", "customers", "search", "read-model");
    assertThat(doc.canUndoProperty().get()).isFalse();
  }

  @Test
  void movingASelectionIsOneUndoStep(FxRobot robot) {
    setUp(robot);
    robot.clickOn(page.node("orders"));
    robot.press(KeyCode.SHIFT).clickOn(page.node("customers")).release(KeyCode.SHIFT);
    assertThat(state.selection()).containsExactlyInAnyOrder("orders", "customers");

    Point2D grab = page.node("orders");
    drag(robot, grab, new Point2D(grab.getX() + 96, grab.getY() + 64));

    assertThat(doc.pipeline().node("orders").orElseThrow().position()).isEqualTo(new Position(592 + 96, 64 + 64));
    assertThat(doc.pipeline().node("customers").orElseThrow().position()).isEqualTo(new Position(592 + 96, 256 + 64));
    assertThat(doc.history().undoDepth()).isEqualTo(1);
    assertThat(doc.undoLabelProperty().get()).isEqualTo("Undo Move 2 nodes");
    page.screenshot("canvas-moved");

    robot.interact(doc::undo);

    assertThat(doc.pipeline().node("orders").orElseThrow().position()).isEqualTo(new Position(592, 64));
    assertThat(doc.pipeline().node("customers").orElseThrow().position()).isEqualTo(new Position(592, 256));
    page.screenshot("canvas-move-undone");
  }

  @Test
  void hoveringABadgeShowsTheFindingsMessageAndFix(FxRobot robot) {
    setUp(robot);
    robot.interact(() -> canvas.setFindings(List.of(
        Finding.onNode("PW-HEARTBEAT", Severity.WARNING, "shop-cdc", null,
            "Without heartbeats the replication slot can hold WAL back while tables are quiet.",
            "Set heartbeat.interval.ms, e.g. 10000."),
        Finding.onNode("PW-DLQ", Severity.ERROR, "search", null, "The sink has no dead-letter queue.",
            "Set errors.deadletterqueue.topic.name."),
        Finding.onEdge("PW-KEY", Severity.WARNING, new Edge("orders", "search"),
            "Upserts need a key.", "Use the primary key."))));

    robot.moveTo(page.badge("shop-cdc"));

    Label tip = robot.lookup("#finding-tooltip").queryAs(Label.class);
    assertThat(tip.isVisible()).isTrue();
    assertThat(tip.getText()).contains("replication slot can hold WAL back").contains("Fix: Set heartbeat.interval.ms");
    page.screenshot("canvas-finding-badges");
  }

  @Test
  void keyboardSelectsDuplicatesAndDeletes(FxRobot robot) {
    setUp(robot);
    robot.clickOn(page.node("search"));
    robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
    assertThat(doc.pipeline().hasNode("search-2")).isTrue();
    assertThat(state.selection()).containsExactly("search-2");

    robot.press(KeyCode.RIGHT).release(KeyCode.RIGHT);
    assertThat(doc.pipeline().node("search-2").orElseThrow().position()).isEqualTo(new Position(864 + 32 + 16, 96));

    robot.press(KeyCode.DELETE).release(KeyCode.DELETE);
    assertThat(doc.pipeline().hasNode("search-2")).isFalse();

    robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
    assertThat(state.selection()).hasSize(6);
  }

  @Test
  void copyAndPasteGivesFreshNamesAndKeepsInternalEdges(FxRobot robot) {
    setUp(robot);
    robot.clickOn(page.node("orders"));
    robot.press(KeyCode.SHIFT).clickOn(page.node("search")).release(KeyCode.SHIFT);
    robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
    robot.press(KeyCode.CONTROL, KeyCode.V).release(KeyCode.V, KeyCode.CONTROL);

    assertThat(doc.pipeline().hasEdge("orders-2", "search-2")).isTrue();
    assertThat(state.selection()).containsExactlyInAnyOrder("orders-2", "search-2");
    assertThat(doc.undoLabelProperty().get()).isEqualTo("Undo Paste 2 nodes");
    page.screenshot("canvas-pasted");
  }

  @Test
  void placingANodeFromThePaletteNamesAndSnapsIt(FxRobot robot) {
    setUp(robot);
    robot.interact(() -> canvas.placeNode(NodeKind.TOPIC, 300, 450));

    assertThat(doc.pipeline().node("topic")).hasValueSatisfying(n -> {
      assertThat(n.position().x() % 16).isZero();
      assertThat(n.position().y() % 16).isZero();
    });
    robot.interact(() -> canvas.placeNode(NodeKind.TOPIC, 600, 450));
    assertThat(doc.pipeline().hasNode("topic-2")).isTrue();
    assertThat(state.selection()).containsExactly("topic-2");
  }

  @Test
  void darkThemeWithLabelsHealthAndMinimap(FxRobot robot) {
    setUp(robot);
    robot.interact(() -> {
      canvas.setDark(true);
      canvas.setEdgeLabels(Map.of(new Edge("shop-cdc", "orders"), "120/s · 4,210"));
      canvas.setHealth(Map.of("search", Color.web("#f85149"), "read-model", Color.web("#3fb950")));
      state.selectOnly(List.of("shop-cdc"));
      state.zoom().set(1.1);
    });
    page.screenshot("canvas-dark");
  }

  @Test
  void largePipelineFitsTheViewWithAMinimap(FxRobot robot) {
    setUp(robot);
    robot.interact(() -> {
      doc.load(dev.pipewright.canvas.layout.Layout.apply(Pipelines.generated(300, 1)));
      canvas.fitToView();
    });
    page.screenshot("canvas-300-fit");
    robot.interact(() -> {
      state.zoom().set(0.8);
      canvas.centreOn("cdc-10");
    });
    page.screenshot("canvas-300-minimap");
  }

  @Test
  void clickingAnEdgeSelectsItAndDeleteRemovesItUndoably(FxRobot robot) {
    setUp(robot);
    Edge edge = new Edge("orders", "search");
    Point2D onScreen = page.screen(CanvasPage.onFx(() -> canvas.screenPointOfEdge(edge)).orElseThrow());

    robot.clickOn(onScreen);
    assertThat(state.selectedEdges()).containsExactly(edge);
    robot.press(KeyCode.DELETE).release(KeyCode.DELETE);

    assertThat(doc.pipeline().hasEdge("orders", "search")).isFalse();
    assertThat(doc.undoLabelProperty().get()).isEqualTo("Undo Delete 1 edge");
    robot.interact(doc::undo);
    assertThat(doc.pipeline().hasEdge("orders", "search")).isTrue();
  }

  @Test
  void keyboardZoomsAndFits(FxRobot robot) {
    setUp(robot);
    robot.clickOn(page.viewPoint(300, 500));
    robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
    assertThat(state.zoom().get()).isGreaterThan(1.0);
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
    assertThat(state.zoom().get()).isEqualTo(1.0);
    robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
    assertThat(state.zoom().get()).isLessThan(1.0);

    robot.press(KeyCode.F).release(KeyCode.F);

    // Fitted: every card lies inside the view.
    for (String name : List.of("shop-db", "search", "read-model")) {
      Point2D p = CanvasPage.onFx(() -> canvas.sceneToLocal(canvas.screenPointOfNode(name)));
      assertThat(p.getX()).isBetween(0.0, canvas.getWidth());
      assertThat(p.getY()).isBetween(0.0, canvas.getHeight());
    }
  }

  @Test
  void clickingTheMinimapPansThereAndEscapeAbandonsAConnection(FxRobot robot) {
    setUp(robot);
    robot.interact(() -> {
      state.zoom().set(2.0);
      canvas.centreOn("shop-db");
    });
    double panBefore = state.panX().get();
    // The minimap sits in the bottom-right corner; its right part stands for the sinks.
    robot.clickOn(page.viewPoint(canvas.getWidth() - 30, canvas.getHeight() - 75));
    assertThat(state.panX().get()).isGreaterThan(panBefore + 300);

    robot.interact(() -> canvas.centreOn("orders"));
    robot.interact(() -> state.zoom().set(1.0));
    robot.interact(() -> canvas.centreOn("customers"));
    robot.moveTo(page.outputPort("orders")).press(MouseButton.PRIMARY).moveTo(page.node("read-model"));
    robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    robot.release(MouseButton.PRIMARY);
    assertThat(doc.pipeline().hasEdge("orders", "read-model")).isFalse();
    assertThat(doc.canUndoProperty().get()).isFalse();
  }

  @Test
  void zoomedFarOutPressingACardMovesItAndFindingsStayVisible(FxRobot robot) {
    setUp(robot);
    robot.interact(() -> {
      canvas.setFindings(List.of(Finding.onNode("PW-DLQ", Severity.ERROR, "search", null, "No dead-letter queue.",
          "Set errors.deadletterqueue.topic.name.")));
      state.zoomAround(0.3, 0, 0);
    });
    // Inside the card, 60 canvas units (18 px) left of its output port: beyond the port's 12 px.
    Point2D port = page.outputPort("orders");
    Point2D grab = new Point2D(port.getX() - 60 * 0.3, port.getY());

    drag(robot, grab, new Point2D(grab.getX() + 16 * 0.3 * 4, grab.getY()));

    assertThat(doc.pipeline().node("orders").orElseThrow().position().x()).isGreaterThan(592);
    assertThat(doc.pipeline().edges()).hasSize(4);
    page.screenshot("canvas-zoomed-out");
  }
}
