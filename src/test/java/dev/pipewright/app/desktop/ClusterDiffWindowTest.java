package dev.pipewright.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.app.connect.ConfigDiff.Difference;
import dev.pipewright.app.connect.ConfigDiff.Kind;
import dev.pipewright.app.connect.TopicDiff;
import dev.pipewright.app.diff.ClusterDiffViewModel;
import dev.pipewright.model.Finding;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** "Compare with cluster…" in the main window: drift badges on the canvas and rows in Problems. */
class ClusterDiffWindowTest {
  @TempDir Path home;
  @TempDir Path files;
  private final FxRobot robot = new FxRobot();
  private MainWindowPage page;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
    Platform.setImplicitExit(false);
  }

  @AfterEach
  void close() {
    if (page != null) {
      page.dispose();
    }
  }

  private MainWindowPage open() throws Exception {
    Path copy = files.resolve("local-trial.yaml");
    Files.copy(Path.of("examples", "local-trial.yaml"), copy);
    page = MainWindowPage.start(robot, home, copy);
    return page;
  }

  @Test
  void driftAppearsInProblemsAndOnTheCanvasUntilTheNextEdit() throws Exception {
    MainWindowPage page = open();
    List<Finding> drift = new java.util.ArrayList<>(ClusterDiffViewModel.findings(page.pipeline(), List.of(
        new Difference("orders-read-model", "tasks.max", Kind.CHANGED, "1", "4"),
        new Difference("shop-cdc", null, Kind.NOT_DEPLOYED, null, null)), page.vm().file(), "http://localhost:8083"));
    drift.addAll(ClusterDiffViewModel.topicFindings(page.pipeline(), List.of(new TopicDiff.Difference(
        "shop.public.orders", "partitions", TopicDiff.Kind.CHANGED, "3", "6")), page.vm().file()));

    page.interact(() -> page.vm().showDrift(drift));

    @SuppressWarnings("unchecked")
    TableView<Finding> table = (TableView<Finding>) page.byId("problems-table");
    assertThat(MainWindowPage.onFx(() -> List.copyOf(table.getItems()))).containsAll(drift);
    page.screenshot("desktop-cluster-drift");

    page.interact(() -> page.vm().document().execute(new dev.pipewright.canvas.command.SetProperty(
        "orders-read-model", "tasks.max", "4")));
    assertThat(MainWindowPage.onFx(() -> List.copyOf(table.getItems()))).doesNotContainAnyElementsOf(drift);
  }

  @Test
  void compareWithAnUnreachableClusterSaysSoInOneSentence() throws Exception {
    MainWindowPage page = open();
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    page.later(() -> ((MenuBar) page.view().root().lookup("#menu-bar")).getMenus().stream()
        .flatMap(m -> m.getItems().stream()).filter(i -> "menu-compare".equals(i.getId()))
        .findFirst().ifPresent(MenuItem::fire));
    DialogPane ask = page.dialog("compare-dialog").orElseThrow();
    page.interact(() -> ((TextField) ask.lookup("#compare-url")).setText("http://127.0.0.1:" + closedPort));
    page.screenshot("desktop-compare-dialog", ask.getScene());
    page.clickDialogButton(ask, "OK");

    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> page.dialog("compare-outcome").isPresent());
    DialogPane told = page.dialog("compare-outcome").orElseThrow();
    String text = MainWindowPage.onFx(told::getContentText);
    assertThat(text).contains("cannot be reached").doesNotContain("Exception");
    page.screenshot("desktop-compare-unreachable", told.getScene());
    page.clickDialogButton(told, "OK");
    assertThat(page.vm().findingsProperty().get()).noneMatch(f -> f.ruleId().equals("PW-DRIFT"));
  }
}
