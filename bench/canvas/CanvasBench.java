package dev.pipewright.bench.canvas;

import dev.pipewright.canvas.EditorDocument;
import dev.pipewright.canvas.EditorState;
import dev.pipewright.canvas.PipelineCanvas;
import dev.pipewright.canvas.Pipelines;
import dev.pipewright.canvas.layout.Layout;
import dev.pipewright.canvas.layout.NodeGeometry;
import dev.pipewright.model.Node;
import dev.pipewright.model.Pipeline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Canvas benchmark (not a test): open, redraw and drag figures for generated pipelines of 100,
 * 1,000 and 5,000 nodes with 1.5 edges per node, on a 1600x1000 view, headless (Monocle, the
 * software pipeline). Times are CPU time of the thread doing the work (the FX thread, or prism's
 * renderer thread for rasterising), so a busy shared machine distorts them less than wall time.
 * Run as a single source file against the compiled classes; see bench/canvas/README.md for the
 * command and the figures.
 */
public final class CanvasBench {
  private static final int W = 1600;
  private static final int H = 1000;
  private static final int WARMUP = 10;
  private static final int RUNS = 40;

  private CanvasBench() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("glass.platform", "Monocle");
    System.setProperty("monocle.platform", "Headless");
    System.setProperty("prism.order", "sw");
    System.setProperty("prism.text", "t2k");
    System.setProperty("headless.geometry", W + "x" + H + "-32");
    CompletableFuture<Void> started = new CompletableFuture<>();
    Platform.startup(() -> started.complete(null));
    started.get();
    Platform.setImplicitExit(false);
    int[] sizes = args.length > 0 ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray() : new int[] {100, 1000, 5000};
    // A first run only warms the JIT, so the reported open time is not class loading.
    run(300, false);
    System.out.printf(Locale.ROOT, "load average at start: %.1f on %d cores%n",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        Runtime.getRuntime().availableProcessors());
    System.out.println("| nodes | edges | model + layout | first frame (FX thread) | first frame (rasterise, sw) | open, wall | redraw, zoom 1 "
        + "| redraw, fit | rasterise, zoom 1 (sw) | drag 50 nodes, per frame |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (int n : sizes) {
      run(n, true);
    }
    Platform.exit();
    System.exit(0);
  }

  private static void run(int nodes, boolean print) throws Exception {
    long wall0 = System.nanoTime();
    long cpu0 = THREADS.getCurrentThreadCpuTime();
    Pipeline laid = Layout.apply(Pipelines.generated(nodes, 42));
    double modelCpu = ms(THREADS.getCurrentThreadCpuTime() - cpu0);
    PipelineCanvas[] holder = new PipelineCanvas[1];
    double firstFrameCpu = fxCpu(() -> {
      EditorDocument doc = new EditorDocument(laid);
      PipelineCanvas c = new PipelineCanvas(doc, new EditorState());
      Stage stage = new Stage();
      stage.setScene(new Scene(new StackPane(c), W, H));
      stage.show();
      c.applyCss();
      c.layout();
      c.fitToView();
      c.redrawNow();
      holder[0] = c;
    });
    PipelineCanvas canvas = holder[0];
    // Wall time until the first frame is rendered into pixels (a snapshot waits for that).
    double firstRaster = rendererCpu(() -> fx(() -> canvas.snapshot(null, null)));
    double openWall = ms(System.nanoTime() - wall0);

    double fitMedian = medianOf(() -> fxCpu(canvas::redrawNow));
    // A typical editing view: 100 % zoom in the middle of the drawing.
    Node middle = laid.nodes().get(laid.nodes().size() / 2);
    fx(() -> {
      canvas.state().zoom().set(1.0);
      canvas.centreOn(middle.name());
      return null;
    });
    double zoom1Median = medianOf(() -> fxCpu(canvas::redrawNow));
    double rasterMedian = medianOf(() -> rendererCpu(() -> fx(() -> {
      canvas.redrawNow();
      return canvas.snapshot(null, null);
    })));
    double dragMedian = dragMedian(canvas, laid, middle);
    fx(() -> {
      ((Stage) canvas.getScene().getWindow()).close();
      return null;
    });
    if (print) {
      System.out.printf(Locale.ROOT,
          "| %,d | %,d | %.0f ms | %.0f ms | %.0f ms | %.0f ms | **%.2f ms** | %.2f ms | %.1f ms | **%.2f ms** |%n",
          laid.nodes().size(), laid.edges().size(), modelCpu, firstFrameCpu, firstRaster, openWall, zoom1Median, fitMedian,
          rasterMedian, dragMedian);
    }
  }

  /**
   * Selects the 50 nodes nearest the middle node, then feeds the canvas the same mouse events a
   * drag produces (through its real handlers) and draws a frame after each.
   */
  private static double dragMedian(PipelineCanvas canvas, Pipeline p, Node grabbed) throws Exception {
    List<Node> nearest = new ArrayList<>(p.nodes());
    nearest.sort(Comparator.comparingDouble(n -> Math.hypot(n.position().x() - grabbed.position().x(),
        n.position().y() - grabbed.position().y())));
    List<String> chosen = nearest.subList(0, Math.min(50, nearest.size())).stream().map(Node::name).toList();
    Point2D start = fx(() -> {
      canvas.state().selectOnly(chosen);
      Point2D local = canvas.sceneToLocal(canvas.screenPointOfNode(grabbed.name()));
      // Grab the card body, left of the output port.
      Point2D at = new Point2D(local.getX() - NodeGeometry.WIDTH / 4, local.getY());
      Event.fireEvent(canvas, mouse(MouseEvent.MOUSE_PRESSED, at));
      return at;
    });
    int[] i = {0};
    double median = medianOf(() -> {
      int k = i[0]++;
      Point2D to = new Point2D(start.getX() + 3 * (k % 40), start.getY() + 2 * (k % 40));
      return fxCpu(() -> {
        Event.fireEvent(canvas, mouse(MouseEvent.MOUSE_DRAGGED, to));
        canvas.redrawNow();
      });
    });
    fx(() -> {
      Event.fireEvent(canvas, mouse(MouseEvent.MOUSE_RELEASED, start));
      return null;
    });
    return median;
  }

  private static MouseEvent mouse(javafx.event.EventType<MouseEvent> type, Point2D local) {
    return new MouseEvent(type, local.getX(), local.getY(), local.getX(), local.getY(), MouseButton.PRIMARY, 1,
        false, false, false, false, true, false, false, false, false, false, null);
  }

  private interface Step {
    void run() throws Exception;
  }

  private interface Sample {
    double take() throws Exception;
  }

  /** Median of {@link #RUNS} samples after {@link #WARMUP} discarded ones. */
  private static double medianOf(Sample sample) throws Exception {
    double[] samples = new double[RUNS];
    for (int i = 0; i < WARMUP + RUNS; i++) {
      double v = sample.take();
      if (i >= WARMUP) {
        samples[i - WARMUP] = v;
      }
    }
    return median(samples);
  }

  private static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c[c.length / 2];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

  /** Runs {@code step} on the FX thread and returns the CPU time that thread spent on it, in ms. */
  private static double fxCpu(Step step) throws Exception {
    return fx(() -> {
      long s = THREADS.getCurrentThreadCpuTime();
      step.run();
      return ms(THREADS.getCurrentThreadCpuTime() - s);
    });
  }

  /** CPU time of the renderer thread (where prism rasterises) spent while {@code step} runs, in ms. */
  private static double rendererCpu(Step step) throws Exception {
    long id = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
        .findFirst().orElseThrow().getId();
    long s = THREADS.getThreadCpuTime(id);
    step.run();
    return ms(THREADS.getThreadCpuTime(id) - s);
  }

  private static <T> T fx(Callable<T> c) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    Platform.runLater(() -> {
      try {
        f.complete(c.call());
      } catch (Throwable t) {
        f.completeExceptionally(t);
      }
    });
    return f.get();
  }
}
