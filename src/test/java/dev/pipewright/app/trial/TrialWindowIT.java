package dev.pipewright.app.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.app.desktop.AppHome;
import dev.pipewright.app.desktop.BackgroundTaskExecutor;
import dev.pipewright.app.desktop.DesktopApp;
import dev.pipewright.app.desktop.MainView;
import dev.pipewright.app.desktop.Png;
import dev.pipewright.model.Edge;
import dev.pipewright.runtime.stats.EdgeSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The local trial from the main window (Monocle headless, real embedded servers through the real
 * Trial): Run, watch the phases and edge labels, click an edge to see its records, Stop. One
 * trial start on purpose: it costs 20-40 s on a busy machine.
 */
class TrialWindowIT {
  @TempDir Path home;
  private final FxRobot robot = new FxRobot();
  private MainView view;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
    Platform.setImplicitExit(false);
  }

  @AfterEach
  void closeWindow() {
    if (view != null) {
      // the window's close path: stops a trial still running
      robot.interact(() -> {
        view.stage().fireEvent(new javafx.stage.WindowEvent(view.stage(), javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
        view.stage().hide();
      });
    }
  }

  private static <T> T onFx(Callable<T> c) {
    return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(c));
  }

  @Test
  void runShowsLiveEdgeCountsAndRecordsAndStopClosesEveryPort() throws Exception {
    robot.interact(() -> {
      Stage stage = new Stage();
      stage.setX(0);
      stage.setY(0);
      view = DesktopApp.create(stage, new AppHome(home), new BackgroundTaskExecutor(Platform::runLater));
      view.show();
      view.openPath(Path.of("examples", "local-trial.yaml").toAbsolutePath());
    });
    WaitForAsyncUtils.waitForFxEvents();
    TrialViewModel trial = view.trial();
    Edge orders = TrialViewModelIT.ORDERS_INTO_READ_MODEL;

    robot.clickOn("#tool-run");
    WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> onFx(() -> trial.stateProperty().get() != TrialState.STARTING));
    assertThat(onFx(() -> trial.failureProperty().get())).isNull();
    assertThat(onFx(() -> trial.stateProperty().get())).isEqualTo(TrialState.STREAMING);
    List<Integer> ports = trial.listeningPorts();
    assertThat(ports).isNotEmpty().allMatch(TrialPorts::listening);

    robot.clickOn("#trial-workload-rate");
    robot.interact(() -> robot.lookup("#trial-workload-rate").queryTextInputControl().clear());
    robot.write("40");
    robot.clickOn("#trial-workload-start");
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
        () -> onFx(() -> TrialViewModelIT.totalIn(trial.edgeLabelsProperty().get().get(orders)) > 0));
    assertThat(onFx(() -> robot.lookup("#trial-phase-STREAMING").queryLabeled().getUserData()))
        .isEqualTo(PhaseProgress.Status.RUNNING);
    screenshot("trial-running");

    Point2D onEdge = onFx(() -> {
      Point2D scene = view.canvas().screenPointOfEdge(orders).orElseThrow();
      Scene s = view.stage().getScene();
      return new Point2D(s.getWindow().getX() + s.getX() + scene.getX(), s.getWindow().getY() + s.getY() + scene.getY());
    });
    robot.clickOn(onEdge);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(onFx(() -> trial.selectedEdgeProperty().get())).isEqualTo(orders);
    @SuppressWarnings("unchecked")
    TableView<EdgeSample> records = robot.lookup("#trial-records").queryAs(TableView.class);
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(() -> !records.getItems().isEmpty()));
    robot.clickOn(robot.lookup("#trial-records .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
    WaitForAsyncUtils.waitForFxEvents();
    String detail = onFx(() -> robot.lookup("#trial-record-detail").queryAs(TextArea.class).getText());
    assertThat(detail).contains("topic   shop.public.orders").contains("before").contains("after").contains("\"id\"");
    assertThat(onFx(() -> records.getItems().get(0).op())).isIn("c", "u", "d", "r");
    screenshot("trial-records");

    robot.clickOn("#tool-stop");
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> onFx(() -> trial.stateProperty().get() == TrialState.STOPPED));
    assertThat(ports).noneMatch(TrialPorts::listening);
    assertThat(onFx(() -> trial.edgeLabelsProperty().get())).isEmpty();
    screenshot("trial-stopped");
  }

  private void screenshot(String name) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    AtomicReference<WritableImage> image = new AtomicReference<>();
    robot.interact(() -> image.set(view.stage().getScene().getRoot().snapshot(null, null)));
    Path file = Path.of("target", "screenshots", name + ".png");
    Files.createDirectories(file.getParent());
    Png.write(image.get(), file);
  }
}
