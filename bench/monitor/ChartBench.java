package dev.pipewright.bench.monitor;

import dev.pipewright.app.chart.SeriesHistory;
import dev.pipewright.app.chart.TimeSeriesChart;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * Chart benchmark (not a test): 20 series x 3,600 points (an hour at one second), redrawn after
 * each new poll on the FX thread, headless (Monocle, software pipeline). Side by side in one run:
 * the dashboard's canvas chart ({@link TimeSeriesChart}) and the JavaFX {@code LineChart} the
 * dashboard used before, both as it was used (a new chart per poll) and kept with one point
 * appended per series. Prints median and p99 wall time and median CPU time of the FX thread, and
 * the same with the frame rasterised (a snapshot, which waits for prism's software renderer).
 * Command and figures: bench/README.md.
 */
public final class ChartBench {
  private static final int SERIES = 20;
  private static final int POINTS = 3600;
  private static final int W = 800;
  private static final int H = 400;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

  private ChartBench() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("glass.platform", "Monocle");
    System.setProperty("monocle.platform", "Headless");
    System.setProperty("prism.order", "sw");
    System.setProperty("prism.text", "t2k");
    System.setProperty("headless.geometry", "1280x800-32");
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    int slowRuns = args.length > 1 ? Integer.parseInt(args[1]) : 20; // 0 leaves the LineChart rows out
    CompletableFuture<Void> started = new CompletableFuture<>();
    Platform.startup(() -> started.complete(null));
    started.get();
    Platform.setImplicitExit(false);
    System.out.printf(Locale.ROOT, "load average at start: %.1f on %d cores; %d series x %d points on %dx%d%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors(),
        SERIES, POINTS, W, H);
    StackPane root = new StackPane();
    Stage stage = fx(() -> {
      Stage s = new Stage();
      s.setScene(new Scene(root, W, H));
      s.show();
      return s;
    });

    // ---- the canvas chart
    SeriesHistory history = new SeriesHistory(POINTS, Duration.ofSeconds(1), Duration.ofHours(1));
    int[] tick = {0};
    for (; tick[0] < POINTS; tick[0]++) {
      history.record(T0.plusSeconds(tick[0]), row(tick[0]));
    }
    TimeSeriesChart chart = fx(() -> {
      TimeSeriesChart c = new TimeSeriesChart("Consumer lag", "s");
      c.setData(history, 10);
      root.getChildren().setAll(c);
      root.applyCss();
      root.layout();
      return c;
    });
    System.out.println("| chart | redraw: FX thread wall median | p99 | FX thread CPU median "
        + "| redraw + rasterise (snapshot): wall median | p99 | renderer thread CPU median | samples |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    Sample canvasPoll = () -> timed(() -> {
      history.record(T0.plusSeconds(tick[0]++), row(tick[0]));
      chart.refresh();
    });
    Sample canvasFrame = () -> timed(() -> {
      history.record(T0.plusSeconds(tick[0]++), row(tick[0]));
      chart.refresh();
      chart.snapshot(null, null);
    });
    report("canvas chart (TimeSeriesChart), new poll + redraw", canvasPoll, canvasFrame, runs);
    Sample unchanged = () -> timed(() -> chart.snapshot(null, null));
    report("canvas chart, nothing changed (snapshot cost alone)", unchanged, unchanged, runs / 4);

    if (slowRuns > 0) {
      lineCharts(root, tick, slowRuns);
    }
    fx(() -> {
      stage.hide();
      return null;
    });
    Platform.exit();
  }

  /** The JavaFX {@code LineChart} rows: rebuilt per poll (the old dashboard), and kept with a point appended per series. */
  private static void lineCharts(StackPane root, int[] tick, int slowRuns) throws Exception {
    // ---- the LineChart as the dashboard used it: a new chart per poll
    Sample rebuild = () -> timed(() -> {
      root.getChildren().setAll(lineChart(tick[0]++));
      root.applyCss();
      root.layout();
    });
    Sample rebuildFrame = () -> timed(() -> {
      root.getChildren().setAll(lineChart(tick[0]++));
      root.applyCss();
      root.layout();
      root.snapshot(null, null);
    });
    report("JavaFX LineChart, rebuilt per poll (the old dashboard)", rebuild, rebuildFrame, slowRuns);

    // ---- the LineChart kept, one point per series appended (and the oldest dropped) per poll
    LineChart<Number, Number> kept = fx(() -> {
      LineChart<Number, Number> c = lineChart(tick[0]);
      root.getChildren().setAll(c);
      root.applyCss();
      root.layout();
      return c;
    });
    Step appendOne = () -> {
      int t = tick[0]++;
      Map<String, Double> r = row(t);
      int s = 0;
      for (XYChart.Series<Number, Number> series : kept.getData()) {
        series.getData().remove(0);
        series.getData().add(new XYChart.Data<>(t, r.get("group-" + s++)));
      }
      root.applyCss();
      root.layout();
    };
    Sample append = () -> timed(appendOne);
    Sample appendFrame = () -> timed(() -> {
      appendOne.run();
      root.snapshot(null, null);
    });
    report("JavaFX LineChart, kept, 1 point appended per series", append, appendFrame, slowRuns);
  }

  /** One poll's values: a slow wave per group plus bursts, so lines cross and every column has a range. */
  private static Map<String, Double> row(int t) {
    Map<String, Double> r = new LinkedHashMap<>();
    for (int s = 0; s < SERIES; s++) {
      double burst = (t + 37 * s) % (400 + 29 * s) < 25 ? 3 : 0;
      r.put("group-" + s, 2 + s * 0.3 + Math.sin(t / (90.0 + 13 * s) + s) + burst + (t * 7919L + s) % 11 / 20.0);
    }
    return r;
  }

  private static LineChart<Number, Number> lineChart(int end) {
    NumberAxis x = new NumberAxis();
    x.setForceZeroInRange(false);
    LineChart<Number, Number> c = new LineChart<>(x, new NumberAxis());
    c.setAnimated(false);
    c.setCreateSymbols(false);
    for (int s = 0; s < SERIES; s++) {
      XYChart.Series<Number, Number> series = new XYChart.Series<>();
      series.setName("group-" + s);
      List<XYChart.Data<Number, Number>> points = new ArrayList<>(POINTS);
      for (int t = end - POINTS; t < end; t++) {
        points.add(new XYChart.Data<>(t, row(t).get("group-" + s)));
      }
      series.getData().setAll(points);
      c.getData().add(series);
    }
    return c;
  }

  private interface Step {
    void run() throws Exception;
  }

  private interface Sample {
    double[] take() throws Exception;
  }

  /** {wall ms, FX-thread CPU ms, renderer-thread CPU ms} of {@code step} run on the FX thread. */
  private static double[] timed(Step step) throws Exception {
    long renderer = rendererThread();
    long r = THREADS.getThreadCpuTime(renderer);
    double[] fxSide = fx(() -> {
      long c = THREADS.getCurrentThreadCpuTime();
      long w = System.nanoTime();
      step.run();
      return new double[] {(System.nanoTime() - w) / 1e6, (THREADS.getCurrentThreadCpuTime() - c) / 1e6};
    });
    return new double[] {fxSide[0], fxSide[1], (THREADS.getThreadCpuTime(renderer) - r) / 1e6};
  }

  /** Prism's renderer thread, where the software pipeline rasterises (a snapshot waits for it). */
  private static long rendererThread() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
        .findFirst().orElseThrow().getId();
  }

  private static void report(String name, Sample redraw, Sample frame, int runs) throws Exception {
    int warmup = Math.max(3, runs / 10);
    double[][] r = collect(redraw, warmup, runs);
    double[][] f = collect(frame, warmup, runs);
    System.out.printf(Locale.ROOT, "| %s | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %d |%n", name,
        pct(r[0], 50), pct(r[0], 99), pct(r[1], 50), pct(f[0], 50), pct(f[0], 99), pct(f[2], 50), runs);
  }

  private static double[][] collect(Sample s, int warmup, int runs) throws Exception {
    double[][] out = new double[3][runs];
    for (int i = 0; i < warmup + runs; i++) {
      double[] v = s.take();
      if (i >= warmup) {
        for (int k = 0; k < 3; k++) {
          out[k][i - warmup] = v[k];
        }
      }
    }
    return out;
  }

  private static double pct(double[] v, int p) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
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
