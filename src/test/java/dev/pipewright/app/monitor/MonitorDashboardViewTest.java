package dev.pipewright.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The dashboard on a real (headless) stage, with a screenshot under target/screenshots/. */
class MonitorDashboardViewTest {
  @Test
  void dashboardShowsTilesChartsWithSloLineAndBudgets() throws Exception {
    Stage stage = FxToolkit.registerPrimaryStage();
    MonitorDashboardViewModel vm = new MonitorDashboardViewModel(Snapshots.SLOS, Runnable::run);
    MonitorDashboardView view = WaitForAsyncUtils.asyncFx(() -> {
      MonitorDashboardView v = new MonitorDashboardView(vm);
      stage.setScene(new Scene(v, 1280, 820));
      stage.show();
      Snapshots.run(60).forEach(vm);
      return v;
    }).get(60, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();

    WritableImage shot = WaitForAsyncUtils.asyncFx(() -> {
      Node tile = view.lookup("#tile-connect-orders-read-model");
      assertThat(tile.getStyle()).contains(MonitorDashboardView.color(dev.pipewright.monitor.Health.Level.AMBER));
      LineChart<?, ?> lag = (LineChart<?, ?>) view.lookup("#chart-consumer-lag-s");
      assertThat(lag.getData()).extracting(s -> s.getName()).contains("connect-orders-read-model", "SLO 10.00");
      assertThat(view.lookup("#budget-read-model-fresh")).isNotNull();
      return view.snapshot(null, null);
    }).get(60, TimeUnit.SECONDS);
    Path png = Path.of("target", "screenshots", "monitor-dashboard.png");
    write(shot, png);
    assertThat(Files.size(png)).isGreaterThan(20_000);
    WaitForAsyncUtils.asyncFx(stage::hide).get(10, TimeUnit.SECONDS);
  }

  private static void write(WritableImage img, Path file) throws Exception {
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
