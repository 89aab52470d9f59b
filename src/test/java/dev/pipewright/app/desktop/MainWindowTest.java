package dev.pipewright.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.canvas.command.SetProperty;
import dev.pipewright.model.Edge;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.io.PipelineFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * The main window on a real stage (Monocle headless), driven with mouse and keyboard as a
 * person would. Each scenario saves a screenshot under target/screenshots/.
 */
class MainWindowTest {
  private static final Path LOCAL_TRIAL = Path.of("examples", "local-trial.yaml");

  @TempDir Path home;
  @TempDir Path files;
  private final FxRobot robot = new FxRobot();
  private final List<MainWindowPage> opened = new java.util.ArrayList<>();

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
    Platform.setImplicitExit(false);
  }

  @AfterEach
  void closeWindows() {
    opened.forEach(MainWindowPage::dispose);
  }

  private MainWindowPage start(Path file) {
    MainWindowPage page = MainWindowPage.start(robot, home, file);
    opened.add(page);
    return page;
  }

  private Path copyOfLocalTrial() throws Exception {
    Path copy = files.resolve("local-trial.yaml");
    Files.copy(LOCAL_TRIAL, copy);
    return copy;
  }

  @Test
  void firstStartShowsTheTemplateGalleryWithEveryExample() throws Exception {
    MainWindowPage page = start(null);

    assertThat(page.view().galleryShown()).isTrue();
    try (var examples = Files.list(Path.of("examples"))) {
      long yamlFiles = examples.filter(f -> f.toString().endsWith(".yaml")).count();
      assertThat(page.view().root().lookupAll(".template-card")).hasSize((int) yamlFiles + 1);
    }
    page.screenshot("desktop-template-gallery");

    page.click("template-local-trial");

    assertThat(page.view().galleryShown()).isFalse();
    assertThat(page.pipeline().name()).isEqualTo("local-trial");
    assertThat(page.vm().file()).isNull();
  }

  @Test
  void buildsTheLocalTrialShapeFromAnEmptyCanvasByDraggingAndConnecting() {
    MainWindowPage page = start(null);
    page.click("template-blank");
    assertThat(page.pipeline().nodes()).isEmpty();
    // Staggered, so the edges between neighbouring cards have room to show.
    page.dragFromPalette(NodeKind.POSTGRES, page.canvasAt(0.13, 0.22));
    page.dragFromPalette(NodeKind.DEBEZIUM, page.canvasAt(0.38, 0.50));
    page.dragFromPalette(NodeKind.TOPIC, page.canvasAt(0.63, 0.22));
    page.dragFromPalette(NodeKind.JDBC_SINK, page.canvasAt(0.87, 0.50));
    assertThat(page.pipeline().nodes()).extracting(n -> n.kind())
        .containsExactly(NodeKind.POSTGRES, NodeKind.DEBEZIUM, NodeKind.TOPIC, NodeKind.JDBC_SINK);

    page.drag(page.outputPort("postgres"), page.node("debezium"));
    page.drag(page.outputPort("debezium"), page.node("topic"));
    page.drag(page.outputPort("topic"), page.node("jdbc-sink"));

    Pipeline p = page.pipeline();
    assertThat(p.edges()).containsExactly(new Edge("postgres", "debezium"), new Edge("debezium", "topic"),
        new Edge("topic", "jdbc-sink"));
    // Live lint: the new nodes lack required settings, and the problems panel says so.
    TableView<?> problems = page.view().problemsView().table();
    assertThat(problems.getItems()).isNotEmpty();
    assertThat(((Label) page.byId("status-problems")).getText()).containsPattern("\\d+ (error|warning)");
    assertThat(page.view().stage().getTitle()).startsWith("• ");
    page.screenshot("desktop-built-from-palette");
  }

  @Test
  void paletteSearchNarrowsTheList() {
    MainWindowPage page = start(null);
    page.click("template-blank");

    page.click("palette-filter");
    robot.write("search");

    assertThat(page.view().root().lookupAll(".palette-entry")).hasSize(2);
    page.screenshot("desktop-palette-search");
  }

  @Test
  void editingAPropertyInTheInspectorIsOneNamedUndoStep() throws Exception {
    MainWindowPage page = start(copyOfLocalTrial());
    robot.clickOn(page.node("shop-cdc"));
    assertThat(((Label) page.byId("inspector-heading")).getText()).isEqualTo("shop-cdc");

    page.click("field-slot-name");
    robot.eraseText(40).write("orders_slot").type(KeyCode.ENTER);

    assertThat(page.pipeline().node("shop-cdc").orElseThrow().properties()).containsEntry("slot.name", "orders_slot");
    assertThat(page.vm().document().undoLabelProperty().get()).isEqualTo("Undo Set slot.name of shop-cdc");
    assertThat(page.vm().document().history().undoDepth()).isEqualTo(1);
    page.screenshot("desktop-inspector-edit");
  }

  @Test
  void aNonNumericPortIsRefusedInPlaceWithTheReason() throws Exception {
    MainWindowPage page = start(copyOfLocalTrial());
    robot.clickOn(page.node("shop-db"));

    page.click("field-port");
    robot.eraseText(10).write("54x2").type(KeyCode.ENTER);

    Label error = (Label) page.byId("error-port");
    assertThat(error.isVisible()).isTrue();
    assertThat(error.getText()).contains("whole number");
    assertThat(page.pipeline().node("shop-db").orElseThrow().properties()).containsEntry("port", "5432");
    assertThat(page.vm().document().isDirty()).isFalse();
    page.screenshot("desktop-inspector-refuses-port");
  }

  @Test
  void aLiteralPasswordIsRefusedAndTheReferenceHelperStoresAReference() throws Exception {
    MainWindowPage page = start(copyOfLocalTrial());
    robot.clickOn(page.node("shop-db"));

    page.click("field-password");
    robot.eraseText(40).write("hunter2").type(KeyCode.ENTER);
    assertThat(((Label) page.byId("error-password")).getText()).contains("reference");
    assertThat(page.pipeline().node("shop-db").orElseThrow().properties())
        .containsEntry("password", "${env:SHOP_DB_PASSWORD}");

    page.click("reference-password");
    page.click("reference-name-password");
    robot.write("ORDERS_DB_PASSWORD");
    page.screenshot("desktop-inspector-secret-reference");
    robot.type(KeyCode.ENTER);

    assertThat(page.pipeline().node("shop-db").orElseThrow().properties())
        .containsEntry("password", "${env:ORDERS_DB_PASSWORD}");
    assertThat(((Label) page.byId("error-password")).isVisible()).isFalse();
  }

  @Test
  void undoAndRedoWithTheKeyboardAndTheEditMenu() throws Exception {
    MainWindowPage page = start(copyOfLocalTrial());
    Pipeline original = page.pipeline();
    page.interact(() -> page.vm().state().selectOnly(List.of("audit-log")));
    robot.clickOn(page.node("audit-log"));
    robot.type(KeyCode.DELETE);
    assertThat(page.pipeline().hasNode("audit-log")).isFalse();

    robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
    assertThat(page.pipeline()).isEqualTo(original);
    assertThat(page.view().stage().getTitle()).isEqualTo("local-trial — Pipewright");

    robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
    assertThat(page.pipeline().hasNode("audit-log")).isFalse();
    assertThat(page.view().stage().getTitle()).isEqualTo("• local-trial — Pipewright");

    robot.clickOn("Edit");
    page.screenshot("desktop-edit-menu");
    robot.clickOn("Undo Delete 1 node").sleep(0);
    assertThat(page.pipeline()).isEqualTo(original);
  }

  @Test
  void savedFileReopensAsTheSameModel() throws Exception {
    MainWindowPage page = start(null);
    page.click("template-blank");
    page.dragFromPalette(NodeKind.POSTGRES, page.canvasAt(0.2, 0.4));
    page.dragFromPalette(NodeKind.DEBEZIUM, page.canvasAt(0.6, 0.4));
    page.drag(page.outputPort("postgres"), page.inputPort("debezium"));
    robot.clickOn(page.node("debezium"));
    page.click("field-topic-prefix");
    robot.write("shop").type(KeyCode.ENTER);
    Pipeline drawn = page.pipeline();

    Path target = files.resolve("drawn.yaml");
    page.fileAnswers.add(target);
    robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.S).release(KeyCode.SHIFT, KeyCode.CONTROL);

    assertThat(target).exists();
    assertThat(page.view().stage().getTitle()).isEqualTo("untitled — Pipewright");
    assertThat(page.vm().recentFiles()).first().isEqualTo(target.toAbsolutePath());
    page.dispose();

    MainWindowPage reopened = start(target);
    assertThat(reopened.pipeline()).isEqualTo(drawn);
    assertThat(reopened.vm().document().isDirty()).isFalse();
    reopened.screenshot("desktop-reopened");
  }

  @Test
  void anIllegalEdgeIsRefusedAndNothingChanges() throws Exception {
    MainWindowPage page = start(copyOfLocalTrial());
    Pipeline before = page.pipeline();

    // A capture writes to topics, never straight into a sink.
    Point2D from = page.outputPort("shop-cdc");
    Point2D to = page.node("orders-read-model");
    robot.moveTo(from).press(MouseButton.PRIMARY);
    try {
      for (int i = 1; i <= 6; i++) {
        robot.moveTo(new Point2D(from.getX() + (to.getX() - from.getX()) * i / 6,
            from.getY() + (to.getY() - from.getY()) * i / 6));
      }
      org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
      Label refusal = (Label) page.byId("connect-refusal");
      assertThat(refusal.isVisible()).isTrue();
      assertThat(refusal.getText()).contains("topics");
      page.screenshot("desktop-illegal-edge");
    } finally {
      robot.release(MouseButton.PRIMARY);
    }

    assertThat(page.pipeline()).isEqualTo(before);
    assertThat(page.vm().document().canUndoProperty().get()).isFalse();
  }

  @Test
  void unsavedWorkIsRecoveredAfterACrash() throws Exception {
    Path file = copyOfLocalTrial();
    MainWindowPage first = start(file);
    first.interact(() -> first.vm().document().execute(new SetProperty("shop-cdc", "slot.name", "after_crash")));
    Pipeline edited = first.pipeline();
    first.interact(() -> first.vm().autosave());
    assertThat(first.vm().recoveryFile()).exists();
    first.crash();

    MainWindowPage second = start(null);
    DialogPane offer = second.dialog("recovery-dialog").orElseThrow();
    assertThat(offer.getHeaderText()).contains("local-trial.yaml");
    second.screenshot("desktop-recovery-offer", offer.getScene());
    second.clickDialogButton(offer, "Recover");

    assertThat(second.pipeline()).isEqualTo(edited);
    assertThat(second.vm().file()).isEqualTo(file.toAbsolutePath());
    assertThat(second.vm().document().isDirty()).isTrue();
    assertThat(second.view().stage().getTitle()).startsWith("• ");
    assertThat(PipelineFile.load(file).node("shop-cdc").orElseThrow().properties())
        .containsEntry("slot.name", "pipewright_trial");
    second.screenshot("desktop-recovered");

    second.interact(() -> second.view().save());
    assertThat(second.vm().pendingRecoveries()).isEmpty();
    assertThat(Files.list(home.resolve("recovery")).toList()).isEmpty();
  }

  @Test
  void openingABrokenFileShowsTheLoadersMessagesAndKeepsTheDocument() throws Exception {
    MainWindowPage page = start(copyOfLocalTrial());
    Pipeline before = page.pipeline();
    Path broken = files.resolve("broken.yaml");
    Files.writeString(broken, "apiVersion: pipewright/v1\nname: broken\nnodes:\n  - name: db\n    kind: postgres\n"
        + "    properties:\n      port: fifty\n  - name: x\n    kind: nosuchkind\n");

    page.later(() -> page.view().openPath(broken));

    DialogPane dialog = page.dialog("failure-dialog").orElseThrow();
    String details = ((javafx.scene.layout.VBox) dialog.lookup("#failure-details")).getChildren().stream()
        .map(n -> ((Label) n).getText()).reduce("", (a, b) -> a + "\n" + b);
    assertThat(details).contains("broken.yaml:7:").contains("port").contains("nosuchkind");
    page.screenshot("desktop-broken-file", dialog.getScene());
    page.clickDialogButton(dialog, "OK");

    assertThat(page.pipeline()).isEqualTo(before);
    assertThat(page.vm().file().getFileName().toString()).isEqualTo("local-trial.yaml");
  }

  @Test
  void saveRefusesALiteralSecretNamingTheField() throws Exception {
    Path file = copyOfLocalTrial();
    MainWindowPage page = start(file);
    String onDisk = Files.readString(file);
    // A literal can only arrive from outside the inspector (which refuses it), e.g. a script.
    page.interact(() -> page.vm().document().execute(new SetProperty("shop-db", "password", "hunter2")));

    page.later(() -> page.view().save());

    DialogPane dialog = page.dialog("failure-dialog").orElseThrow();
    assertThat(dialog.getHeaderText()).contains("plain text");
    String details = ((javafx.scene.layout.VBox) dialog.lookup("#failure-details")).getChildren().stream()
        .map(n -> ((Label) n).getText()).reduce("", (a, b) -> a + "\n" + b);
    assertThat(details).contains("shop-db").contains("password").doesNotContain("hunter2");
    page.screenshot("desktop-secret-refused", dialog.getScene());
    page.clickDialogButton(dialog, "OK");
    assertThat(Files.readString(file)).isEqualTo(onDisk);
    assertThat(page.vm().document().isDirty()).isTrue();
  }

  @Test
  void clickingAProblemSelectsAndCentresItsNode() throws Exception {
    MainWindowPage page = start(copyOfLocalTrial());
    // Without its required topic prefix the capture is an error the lint reports at once.
    page.interact(() -> page.vm().document().execute(new SetProperty("shop-cdc", "topic.prefix", null)));
    TableView<?> table = page.view().problemsView().table();
    assertThat(table.getItems()).isNotEmpty();
    assertThat(((Label) page.byId("status-problems")).getText()).contains("error");

    robot.clickOn(robot.lookup("#problems-table .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));

    dev.pipewright.model.Finding first = (dev.pipewright.model.Finding) table.getItems().get(0);
    assertThat(first.node()).isEqualTo("shop-cdc");
    assertThat(page.vm().state().selection()).containsExactly("shop-cdc");
    assertThat(((Label) page.byId("inspector-heading")).getText()).isEqualTo("shop-cdc");
    page.screenshot("desktop-problem-revealed");
  }

  @Test
  void darkThemeIsAppliedAndRemembered() throws Exception {
    MainWindowPage page = start(copyOfLocalTrial());
    page.click("tool-theme");
    assertThat(page.vm().darkThemeProperty().get()).isTrue();
    page.screenshot("desktop-dark");
    page.dispose();

    MainWindowPage again = start(null);
    assertThat(again.vm().darkThemeProperty().get()).isTrue();
    again.interact(() -> again.vm().setDarkTheme(false));
  }

  @Test
  void helpListsTheKeyboardShortcutsOfTheMenus() throws Exception {
    MainWindowPage page = start(copyOfLocalTrial());

    robot.type(KeyCode.F1);

    DialogPane sheet = page.dialog("shortcuts-dialog").orElseThrow();
    String text = sheet.lookupAll(".label").stream().map(n -> ((Label) n).getText()).reduce("", String::concat);
    assertThat(text).contains("Undo").contains(Shortcuts.UNDO.getDisplayText()).contains("Fit to window");
    page.screenshot("desktop-shortcuts", sheet.getScene());
    page.clickDialogButton(sheet, "OK");
  }
}
