package dev.pipewright.canvas.icons;

import dev.pipewright.model.NodeKind;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;

/**
 * How long the canvas renderer spends on icons: a 1200 x 800 canvas with 200 node icons at 24 px,
 * painted as shapes every frame versus {@link Icon#draw} (which caches a rendering once a size is
 * stable), each frame forced through the renderer by a snapshot. Run: see bench/README.md. Not a
 * test: timings vary with the machine.
 */
public final class IconDrawBenchmark {

  private static final int ICONS_PER_FRAME = 200;
  private static final int FRAMES = 300;
  private static final double SIZE = 24;

  private IconDrawBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("glass.platform", "Monocle");
    System.setProperty("monocle.platform", "Headless");
    System.setProperty("prism.order", "sw");
    CountDownLatch started = new CountDownLatch(1);
    Platform.startup(started::countDown);
    started.await();
    CountDownLatch done = new CountDownLatch(1);
    Platform.runLater(() -> {
      try {
        run();
      } finally {
        done.countDown();
      }
    });
    done.await();
    Platform.exit();
  }

  private static void run() {
    NodeKind[] kinds = NodeKind.values();
    Icon[] icons = new Icon[kinds.length];
    long parseStart = System.nanoTime();
    for (int i = 0; i < kinds.length; i++) {
      icons[i] = Icons.of(kinds[i]);
    }
    long parseNanos = System.nanoTime() - parseStart;
    Canvas canvas = new Canvas(1200, 800);
    GraphicsContext g = canvas.getGraphicsContext2D();
    SnapshotParameters p = new SnapshotParameters();
    WritableImage target = new WritableImage(1200, 800);
    for (int round = 0; round < 2; round++) {
      // the first round warms the JIT and the software pipeline up
      double empty = frames(canvas, p, target, (gc, i) -> { });
      double vector = frames(canvas, p, target, (gc, i) -> icons[i % icons.length].drawVector(gc, x(i), y(i), SIZE));
      double cached = frames(canvas, p, target, (gc, i) -> icons[i % icons.length].draw(gc, x(i), y(i), SIZE));
      if (round == 1) {
        System.out.printf("parse all %d icons: %.1f ms (first load, includes class loading)%n", kinds.length,
            parseNanos / 1e6);
        System.out.printf("frame with %d icons at %.0f px: empty %.2f ms, shapes %.2f ms, draw (cached) %.2f ms%n",
            ICONS_PER_FRAME, SIZE, empty, vector, cached);
        System.out.printf("per icon: shapes %.1f us, draw (cached) %.1f us%n",
            (vector - empty) * 1000 / ICONS_PER_FRAME, (cached - empty) * 1000 / ICONS_PER_FRAME);
      }
    }
  }

  private interface Painter {
    void paint(GraphicsContext g, int i);
  }

  private static double frames(Canvas canvas, SnapshotParameters p, WritableImage target, Painter painter) {
    GraphicsContext g = canvas.getGraphicsContext2D();
    long start = System.nanoTime();
    for (int f = 0; f < FRAMES; f++) {
      g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
      for (int i = 0; i < ICONS_PER_FRAME; i++) {
        painter.paint(g, i);
      }
      canvas.snapshot(p, target);
    }
    return (System.nanoTime() - start) / 1e6 / FRAMES;
  }

  private static double x(int i) {
    return 10 + (i % 20) * 58;
  }

  private static double y(int i) {
    return 10 + (i / 20) * 78;
  }
}
