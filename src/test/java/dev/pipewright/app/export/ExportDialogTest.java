package dev.pipewright.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.app.desktop.AppHome;
import dev.pipewright.app.desktop.DesktopApp;
import dev.pipewright.app.desktop.MainView;
import dev.pipewright.app.desktop.Png;
import dev.pipewright.app.desktop.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** File › Export… on a real stage (Monocle headless): formats, folder, preview, write. */
class ExportDialogTest {
  @TempDir Path home;
  @TempDir Path out;
  private final FxRobot robot = new FxRobot();
  private MainView view;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
    Platform.setImplicitExit(false);
  }

  @AfterEach
  void close() {
    robot.interact(() -> {
      Window.getWindows().stream().filter(w -> w != view.stage()).toList().forEach(Window::hide);
      view.stage().hide();
    });
  }

  @Test
  void exportPreviewsTheConnectorJsonAndWritesConnectAndStrimziFiles() throws Exception {
    robot.interact(() -> {
      Stage stage = new Stage();
      stage.setX(0);
      stage.setY(0);
      view = DesktopApp.create(stage, new AppHome(home), TaskExecutor.synchronous());
      view.show();
      view.openPath(ExportViewModelTest.EXAMPLE.toAbsolutePath());
    });
    WaitForAsyncUtils.waitForFxEvents();

    robot.clickOn(view.canvas());
    robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    Node dialog = robot.lookup("#export-dialog").query();
    assertThat(dialog).isNotNull();

    robot.clickOn("#export-format-strimzi");
    robot.doubleClickOn("#export-folder").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
    robot.write(out.resolve("shop").toString());
    WaitForAsyncUtils.waitForFxEvents();

    @SuppressWarnings("unchecked")
    ListView<ExportViewModel.PreviewFile> files = robot.lookup("#export-files").queryAs(ListView.class);
    int json = indexOfConnectorJson(files);
    robot.interact(() -> files.scrollTo(json));
    robot.clickOn(robot.lookup("#export-files .list-cell").match(c -> c instanceof javafx.scene.control.ListCell<?> cell
        && cell.getIndex() == json).queryAs(Node.class));
    WaitForAsyncUtils.waitForFxEvents();
    String shown = robot.lookup("#export-viewer").queryAs(TextFlow.class).getChildren().stream()
        .map(n -> ((Text) n).getText()).collect(Collectors.joining());
    assertThat(shown).contains("\"connector.class\"").contains("io.debezium.connector");
    assertThat(robot.lookup("#export-viewer .syntax-key").queryAll()).isNotEmpty();
    assertThat(files.getItems()).anyMatch(f -> f.path().startsWith("strimzi/"));
    screenshot(dialog, "export-dialog");

    robot.clickOn("#export-write");
    WaitForAsyncUtils.waitForFxEvents();

    for (ExportViewModel.PreviewFile f : files.getItems()) {
      assertThat(out.resolve("shop").resolve(f.path())).hasContent(f.content());
    }
    assertThat(robot.lookup("#export-status").queryLabeled().getText()).startsWith("Wrote ");
    screenshot(dialog, "export-dialog-written");
  }

  private static int indexOfConnectorJson(ListView<ExportViewModel.PreviewFile> files) {
    for (int i = 0; i < files.getItems().size(); i++) {
      String p = files.getItems().get(i).path();
      if (p.startsWith("connect/") && p.endsWith(".json") && files.getItems().get(i).content().contains("connector.class")) {
        return i;
      }
    }
    throw new AssertionError("no connector JSON in " + files.getItems());
  }

  private void screenshot(Node n, String name) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    AtomicReference<WritableImage> image = new AtomicReference<>();
    robot.interact(() -> image.set(n.getScene().getRoot().snapshot(null, null)));
    Path file = Path.of("target", "screenshots", name + ".png");
    Files.createDirectories(file.getParent());
    Png.write(image.get(), file);
  }
}
