package dev.pipewright.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.app.chart.TimeSeriesChart;
import dev.pipewright.monitor.Health;
import dev.pipewright.monitor.MonitorSnapshot;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.testfx.api.FxToolkit;

/** The dashboard on a real (headless) stage, with screenshots under target/screenshots/. */
class MonitorDashboardViewTest {
  @Test
  void dashboardShowsTilesChartsWithSloLineAndBudgets() throws Exception {
    Stage stage = FxToolkit.registerPrimaryStage();
    MonitorDashboardViewModel vm = new MonitorDashboardViewModel(Snapshots.SLOS, Runnable::run);
    MonitorDashboardView view = WaitForAsyncUtils.asyncFx(() -> {
      MonitorDashboardView v = new MonitorDashboardView(vm);
      stage.setScene(new Scene(v, 1280, 800));
      stage.show();
      Snapshots.run(60).forEach(vm);
      return v;
    }).get(60, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();

    WaitForAsyncUtils.asyncFx(() -> {
      Node tile = view.lookup("#tile-connect-orders-read-model");
      assertThat(tile.getStyle()).contains(MonitorDashboardView.color(Health.Level.AMBER));
      TimeSeriesChart lag = (TimeSeriesChart) view.lookup("#chart-consumer-lag-s");
      assertThat(lag.data().names()).contains("connect-orders-read-model");
      assertThat(lag.data().size()).isEqualTo(60);
      assertThat(view.lookup("#budget-read-model-fresh")).isNotNull();
      assertThat(((javafx.scene.control.Label) view.lookup("#budget-figures-read-model-fresh")).getText())
          .startsWith("Over threshold now; ");
    }).get(60, TimeUnit.SECONDS);
    WaitForAsyncUtils.asyncFx(stage::hide).get(10, TimeUnit.SECONDS);
  }

  @Test
  void twentyGroupsOverAnHourAreDrawnByTheSameChartsPollAfterPoll() throws Exception {
    List<MonitorSnapshot> hour = Snapshots.busy(20, 3601);
    MonitorDashboardViewModel vm = new MonitorDashboardViewModel(Snapshots.SLOS, Runnable::run);
    // an hour of polls before the window opens; the state has no listener yet, so any thread may set it
    hour.subList(0, 3600).forEach(vm);
    Stage stage = FxToolkit.registerPrimaryStage();
    MonitorDashboardView view = WaitForAsyncUtils.asyncFx(() -> {
      MonitorDashboardView v = new MonitorDashboardView(vm);
      stage.setScene(new Scene(v, 1280, 800));
      stage.show();
      return v;
    }).get(60, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();

    TimeSeriesChart before = WaitForAsyncUtils.asyncFx(() -> (TimeSeriesChart) view.lookup("#chart-consumer-lag-s"))
        .get(10, TimeUnit.SECONDS);
    assertThat(before.data().seriesCount()).isEqualTo(20);
    assertThat(before.data().size()).isEqualTo(3600);
    write(WaitForAsyncUtils.asyncFx(() -> view.snapshot(null, null)).get(60, TimeUnit.SECONDS),
        Path.of("target", "screenshots", "monitor-dashboard.png"));

    // hovering the lag chart lists all twenty groups at that second
    javafx.geometry.Bounds b = WaitForAsyncUtils.asyncFx(() -> before.localToScreen(before.getBoundsInLocal()))
        .get(10, TimeUnit.SECONDS);
    new org.testfx.api.FxRobot().moveTo(new javafx.geometry.Point2D(b.getMinX() + b.getWidth() * 0.45, b.getMinY() + b.getHeight() * 0.4));
    WaitForAsyncUtils.waitForFxEvents();
    List<String> tooltip = WaitForAsyncUtils.asyncFx(before::tooltipLines).get(10, TimeUnit.SECONDS);
    assertThat(tooltip).hasSize(21);
    assertThat(tooltip.subList(1, 21)).allSatisfy(line -> assertThat(line).matches("connect-\\w+-sink [0-9.,]+ s"));
    write(WaitForAsyncUtils.asyncFx(() -> view.snapshot(null, null)).get(60, TimeUnit.SECONDS),
        Path.of("target", "screenshots", "monitor-dashboard-hover.png"));
    new org.testfx.api.FxRobot().moveTo(new javafx.geometry.Point2D(b.getMinX() - 5, b.getMinY() - 5));

    WaitForAsyncUtils.asyncFx(() -> vm.accept(hour.get(3600))).get(10, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    TimeSeriesChart after = WaitForAsyncUtils.asyncFx(() -> (TimeSeriesChart) view.lookup("#chart-consumer-lag-s"))
        .get(10, TimeUnit.SECONDS);
    assertThat(after).isSameAs(before);
    assertThat(after.data().size()).isEqualTo(3600); // the oldest second went, the newest came
    assertThat(after.data().timeAt(3599)).isEqualTo(hour.get(3600).at().toEpochMilli());
    WaitForAsyncUtils.asyncFx(stage::hide).get(10, TimeUnit.SECONDS);
  }

  static void write(WritableImage img, Path file) throws Exception {
    BufferedImage out = new BufferedImage((int) img.getWidth(), (int) img.getHeight(), BufferedImage.TYPE_INT_ARGB);
    PixelReader r = img.getPixelReader();
    for (int y = 0; y < out.getHeight(); y++) {
      for (int x = 0; x < out.getWidth(); x++) {
        out.setRGB(x, y, r.getArgb(x, y));
      }
    }
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    ImageIO.write(out, "png", tmp.toFile());
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
