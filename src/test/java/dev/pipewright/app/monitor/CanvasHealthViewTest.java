package dev.pipewright.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.canvas.EditorDocument;
import dev.pipewright.canvas.EditorState;
import dev.pipewright.canvas.PipelineCanvas;
import dev.pipewright.canvas.layout.Layout;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Pipeline;
import dev.pipewright.monitor.Health;
import dev.pipewright.monitor.MonitorSnapshot;
import dev.pipewright.monitor.lag.GroupStatus;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The health-coloured canvas on a real (headless) stage: edges take their health colour, labels their rate and lag. */
class CanvasHealthViewTest {
  @Test
  void edgesAreDrawnInTheirHealthColourWithRateAndLag() throws Exception {
    CanvasHealthTest data = new CanvasHealthTest();
    Pipeline shop = Layout.apply(CanvasHealthTest.load());
    // the capture is paused and the orders partition of the read model's group stalls; the slot and customers flow
    MonitorSnapshot stalled = data.snapshot(Health.GREEN, GroupStatus.ERR, "PAUSED", Health.GREEN);
    MonitorSnapshot before = data.offsets(stalled.at(), 1_000, 1_100);
    MonitorSnapshot now = data.offsets(stalled.at().plusSeconds(2), 1_090, 1_300);
    Map<Edge, Health.Level> edgeLevels = CanvasHealth.edgeLevels(shop, stalled);
    Map<Edge, String> labels = CanvasHealth.combine(
        CanvasHealth.rateLabels(shop, before, now), CanvasHealth.lagLabels(shop, stalled));
    assertThat(edgeLevels).containsEntry(CanvasHealthTest.ORDERS_INTO_SINK, Health.Level.RED)
        .containsEntry(CanvasHealthTest.CAPTURE_EDGE, Health.Level.AMBER);
    assertThat(labels.get(CanvasHealthTest.ORDERS_INTO_SINK)).isEqualTo("45/s · lag 120 · 3.2 s");

    Stage stage = FxToolkit.registerPrimaryStage();
    PipelineCanvas canvas = WaitForAsyncUtils.asyncFx(() -> {
      PipelineCanvas c = new PipelineCanvas(new EditorDocument(shop), new EditorState());
      stage.setScene(new Scene(new StackPane(c), 1200, 560));
      stage.show();
      c.fitToView();
      Map<String, Color> nodes = new HashMap<>();
      CanvasHealth.nodeLevels(shop, stalled).forEach((n, l) -> nodes.put(n, Color.web(MonitorDashboardView.color(l))));
      c.setHealth(nodes);
      c.setEdgeLabels(labels);
      return c;
    }).get(30, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    WritableImage plain = shot(canvas);
    int amberWithoutEdges = count(plain, MonitorDashboardView.color(Health.Level.AMBER));
    int greenWithoutEdges = count(plain, MonitorDashboardView.color(Health.Level.GREEN));

    WaitForAsyncUtils.asyncFx(() -> {
      Map<Edge, Color> edges = new HashMap<>();
      edgeLevels.forEach((e, l) -> edges.put(e, Color.web(MonitorDashboardView.color(l))));
      canvas.setEdgeHealth(edges);
    }).get(10, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    WritableImage coloured = shot(canvas);
    MonitorDashboardViewTest.write(coloured, Path.of("target", "screenshots", "canvas-health-edges.png"));
    // two amber edges out of the paused capture, two green ones (the slot's, customers into the read model)
    assertThat(count(coloured, MonitorDashboardView.color(Health.Level.AMBER))).isGreaterThan(amberWithoutEdges + 200);
    assertThat(count(coloured, MonitorDashboardView.color(Health.Level.GREEN))).isGreaterThan(greenWithoutEdges + 200);

    WaitForAsyncUtils.asyncFx(() -> canvas.setEdgeHealth(Map.of())).get(10, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(count(shot(canvas), MonitorDashboardView.color(Health.Level.AMBER))).isEqualTo(amberWithoutEdges);
    WaitForAsyncUtils.asyncFx(stage::hide).get(10, TimeUnit.SECONDS);
  }

  private static WritableImage shot(PipelineCanvas canvas) throws Exception {
    return WaitForAsyncUtils.asyncFx(() -> canvas.getScene().getRoot().snapshot(null, null)).get(30, TimeUnit.SECONDS);
  }

  /** Pixels within a small distance of {@code web}: strokes and their antialiased rims, not the pale label tint. */
  private static int count(WritableImage img, String web) {
    Color c = Color.web(web);
    int n = 0;
    for (int y = 0; y < (int) img.getHeight(); y++) {
      for (int x = 0; x < (int) img.getWidth(); x++) {
        Color p = img.getPixelReader().getColor(x, y);
        double d = Math.abs(p.getRed() - c.getRed()) + Math.abs(p.getGreen() - c.getGreen()) + Math.abs(p.getBlue() - c.getBlue());
        n += d < 0.25 ? 1 : 0;
      }
    }
    return n;
  }
}
