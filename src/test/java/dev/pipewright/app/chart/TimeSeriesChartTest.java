package dev.pipewright.app.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The canvas chart on a real (headless) stage: hover readout and both exports, as a user drives them. */
class TimeSeriesChartTest {
  static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");
  @TempDir Path dir;
  private Stage stage;
  private TimeSeriesChart chart;
  private SeriesHistory history;
  private final FxRobot robot = new FxRobot();
  private final List<String> errors = new ArrayList<>();

  @BeforeEach
  void show() throws Exception {
    stage = FxToolkit.registerPrimaryStage();
    history = new SeriesHistory(3600, Duration.ofSeconds(1), Duration.ofHours(1));
    for (int i = 0; i < 600; i++) {
      Map<String, Double> row = new LinkedHashMap<>();
      row.put("orders", 10 + 5 * Math.sin(i / 30.0));
      row.put("customers", i * 0.05);
      if (i < 200 || i > 260) { // a gap: the group was gone for a minute
        row.put("audit", 20.0 + (i % 13));
      }
      history.record(T0.plusSeconds(i), row);
    }
    chart = WaitForAsyncUtils.asyncFx(() -> {
      TimeSeriesChart c = new TimeSeriesChart("Consumer lag", "s");
      c.setZone(ZoneOffset.UTC);
      c.setData(history, 25);
      c.setSaveDialog(kind -> Optional.of(dir.resolve(kind == TimeSeriesChart.Export.PNG ? "lag.png" : "lag.csv")));
      c.setOnError(errors::add);
      stage.setScene(new Scene(c, 640, 320));
      stage.show();
      return c;
    }).get(30, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @AfterEach
  void hide() throws Exception {
    WaitForAsyncUtils.asyncFx(stage::hide).get(10, TimeUnit.SECONDS);
  }

  @Test
  void hoverShowsTheTimeAndEverySeriesValueThere() throws Exception {
    Bounds b = chart.lookup(".time-series-chart").localToScreen(chart.getBoundsInLocal());
    robot.moveTo(new javafx.geometry.Point2D(b.getMinX() + b.getWidth() * 0.6, b.getMinY() + b.getHeight() / 2));
    WaitForAsyncUtils.waitForFxEvents();
    List<String> lines = WaitForAsyncUtils.asyncFx(chart::tooltipLines).get(10, TimeUnit.SECONDS);
    assertThat(lines).hasSize(4);
    long at = LocalDateTime.parse(lines.get(0), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
        .toInstant(ZoneOffset.UTC).toEpochMilli();
    int row = history.nearest(at);
    assertThat(history.timeAt(row)).isEqualTo(at);
    List<String> expected = new ArrayList<>();
    for (int s = 0; s < 3; s++) {
      expected.add(history.names().get(s) + " " + TimeSeriesChart.format(history.value(s, row)) + " s");
    }
    assertThat(lines.subList(1, 4)).containsExactlyInAnyOrderElementsOf(expected);
    screenshot("chart-hover.png");

    robot.moveTo(new javafx.geometry.Point2D(b.getMinX() - 40, b.getMinY() - 40));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(WaitForAsyncUtils.asyncFx(chart::tooltipLines).get(10, TimeUnit.SECONDS)).isEmpty();
  }

  @Test
  void contextMenuSavesTheChartAsAPngOfItsSize() throws Exception {
    // Monocle turns no right click into a context-menu request, so the test sends the request itself
    WaitForAsyncUtils.asyncFx(() -> {
      Bounds b = chart.localToScreen(chart.getBoundsInLocal());
      javafx.event.Event.fireEvent(chart, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED, 200, 100,
          b.getMinX() + 200, b.getMinY() + 100, false, null));
    }).get(10, TimeUnit.SECONDS);
    robot.clickOn("Save as PNG…");
    WaitForAsyncUtils.waitForFxEvents();
    Path png = dir.resolve("lag.png");
    assertThat(errors).isEmpty();
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img).isNotNull();
    assertThat(img.getWidth()).isEqualTo((int) Math.ceil(chart.getWidth()));
    assertThat(img.getHeight()).isEqualTo((int) Math.ceil(chart.getHeight()));
    int lineColour = argb(TimeSeriesChart.colour(0));
    int sloColour = argb(TimeSeriesChart.SLO_COLOUR);
    int line = 0;
    int slo = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        line += img.getRGB(x, y) == lineColour ? 1 : 0;
        slo += img.getRGB(x, y) == sloColour ? 1 : 0;
      }
    }
    assertThat(line).as("pixels of the first series' colour").isGreaterThan(100);
    assertThat(slo).as("pixels of the SLO line").isGreaterThan(100);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("lag.png");
    }
  }

  @Test
  void exportButtonSavesTheDataAsCsvThatReadsBackToTheSameValues() throws Exception {
    robot.clickOn(chart.lookup(".chart-export"));
    robot.clickOn("Save data as CSV…");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(errors).isEmpty();
    List<String> lines = Files.readAllLines(dir.resolve("lag.csv"));
    assertThat(lines.get(0)).isEqualTo("time,orders,customers,audit");
    assertThat(lines).hasSize(601);
    for (int i = 0; i < 600; i++) {
      String[] cells = lines.get(i + 1).split(",", -1);
      assertThat(Instant.parse(cells[0]).toEpochMilli()).isEqualTo(history.timeAt(i));
      for (int s = 0; s < 3; s++) {
        double v = history.value(s, i);
        if (Double.isNaN(v)) {
          assertThat(cells[s + 1]).isEmpty();
        } else {
          assertThat(Double.parseDouble(cells[s + 1])).isEqualTo(v);
        }
      }
    }
    assertThat(lines.get(230).split(",", -1)[3]).isEmpty(); // in the gap
  }

  @Test
  void aFailedSaveSaysWhichFileAndWhy() throws Exception {
    Path blocked = dir.resolve("not-a-dir");
    Files.writeString(blocked, "x");
    WaitForAsyncUtils.asyncFx(() -> chart.setSaveDialog(kind -> Optional.of(blocked.resolve("lag.csv")))).get(10, TimeUnit.SECONDS);
    robot.clickOn(chart.lookup(".chart-export"));
    robot.clickOn("Save data as CSV…");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(errors).singleElement().asString().startsWith("Could not save " + blocked.resolve("lag.csv"));
  }

  @Test
  void aTimeLabelTheRightEdgeWouldCutIsLeftOut() throws Exception {
    // a minute of data ends on a tick: its label centred there would be cut in half by the edge,
    // and "12:01:0" reads as another time
    SeriesHistory minute = new SeriesHistory(3600, Duration.ofSeconds(1), Duration.ofHours(1));
    for (int i = 0; i <= 60; i++) {
      minute.record(T0.plusSeconds(i), Map.of("orders", (double) i));
    }
    Drawn drawn = drawnAlone(minute, 640, 320, "chart-right-edge.png");
    javafx.scene.image.WritableImage img = drawn.image();
    Bounds canvas = drawn.canvas();
    int right = (int) canvas.getMaxX();
    int labelsTop = (int) canvas.getMaxY() - 15;
    int inked = 0;
    for (int y = labelsTop; y < (int) canvas.getMaxY(); y++) {
      for (int x = right - 8; x < right; x++) {
        if ((img.getPixelReader().getArgb(x, y) & 0xffffff) != 0xffffff) {
          inked++;
        }
      }
    }
    assertThat(inked).as("ink in the time labels' band at the right edge").isZero();
  }

  @Test
  void twentySeriesOfAnHourAreEachDrawnInTheirColourAtTheHeightOfTheirValue() throws Exception {
    SeriesHistory twenty = new SeriesHistory(3600, Duration.ofSeconds(1), Duration.ofHours(1));
    for (int i = 0; i < 3600; i++) {
      Map<String, Double> row = new LinkedHashMap<>();
      for (int s = 0; s < 20; s++) {
        if (s != 0 || i < 1500 || i >= 2100) { // group-0 was gone for ten minutes
          row.put("group-" + s, s + 1.0);
        }
      }
      twenty.record(T0.plusSeconds(i), row);
    }
    Drawn drawn = drawnAlone(twenty, 900, 700, "chart-20-series.png");
    javafx.scene.image.WritableImage img = drawn.image();
    Bounds plot = drawn.canvas();
    int top = (int) plot.getMinY();
    int bottom = (int) plot.getMaxY() - 20; // above the time labels
    int width = (int) img.getWidth();

    // each series' row: where it shows strongest in most columns (a light colour also matches the
    // soft edges of a darker one of the same hue, so one column alone could mislead)
    int[] rowOf = new int[20];
    int first = width;
    int last = 0;
    for (int s = 0; s < 20; s++) {
      Map<Integer, Integer> votes = new java.util.HashMap<>();
      for (int x = 0; x < width; x++) {
        int best = -1;
        double strongest = 0.7;
        for (int y = top; y < bottom; y++) {
          double a = coverage(img.getPixelReader().getArgb(x, y), TimeSeriesChart.colour(s));
          if (a >= strongest) {
            strongest = a;
            best = y;
          }
        }
        if (best >= 0) {
          votes.merge(best, 1, Integer::sum);
          if (s == 1) { // always present: where it is drawn is the plot
            first = Math.min(first, x);
            last = Math.max(last, x);
          }
        }
      }
      rowOf[s] = votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
    assertThat(last - first).as("plot width").isGreaterThan(700);
    // every series drawn across the whole plot, flat at its row, without gaps
    for (int s = 1; s < 20; s++) {
      for (int x = first; x <= last; x++) {
        assertThat(strength(img, x, rowOf[s], TimeSeriesChart.colour(s))).as("group-%d in column %d", s, x)
            .isGreaterThanOrEqualTo(0.7);
      }
    }
    // a value higher up by the same step each time: the lines sit at their values
    double step = (rowOf[1] - rowOf[19]) / 18.0;
    assertThat(step).isGreaterThan(10);
    for (int s = 1; s < 20; s++) {
      assertThat((double) rowOf[s - 1] - rowOf[s]).as("group-%d above group-%d", s, s - 1).isCloseTo(step, within(1.5));
    }
    // group-0 is missing for ten of the sixty minutes, and only there
    List<Integer> missing = new ArrayList<>();
    for (int x = first; x <= last; x++) {
      if (strength(img, x, rowOf[0], TimeSeriesChart.colour(0)) < 0.2) {
        missing.add(x);
      }
    }
    assertThat(missing).isNotEmpty();
    assertThat(missing.get(missing.size() - 1) - missing.get(0) + 1).as("one gap").isEqualTo(missing.size());
    assertThat((double) missing.size()).isCloseTo((last - first) * 600 / 3599.0, within(4.0));
    assertThat((double) missing.get(0) - first).isCloseTo((last - first) * 1500 / 3599.0, within(4.0));
  }

  /** The strongest showing of colour {@code c} within a pixel of row {@code y} in column {@code x}. */
  private static double strength(javafx.scene.image.WritableImage img, int x, int y, javafx.scene.paint.Color c) {
    double a = 0;
    for (int dy = -1; dy <= 1; dy++) {
      a = Math.max(a, coverage(img.getPixelReader().getArgb(x, y + dy), c));
    }
    return a;
  }

  /** How much of {@code c} the pixel is, laid over white (or the near-white grid); -1 if it is not that colour at all. */
  private static double coverage(int argb, javafx.scene.paint.Color c) {
    double[] p = {argb >> 16 & 0xff, argb >> 8 & 0xff, argb & 0xff};
    double[] q = {c.getRed() * 255, c.getGreen() * 255, c.getBlue() * 255};
    double num = 0;
    double den = 0;
    for (int k = 0; k < 3; k++) {
      num += (255 - p[k]) * (255 - q[k]);
      den += (255 - q[k]) * (255 - q[k]);
    }
    double a = num / den;
    if (a > 1.05) {
      return -1; // a darker colour of the same hue: another series
    }
    for (int k = 0; k < 3; k++) {
      if (Math.abs(p[k] - (255 - a * (255 - q[k]))) > 12) {
        return -1;
      }
    }
    return a;
  }

  private static int argb(javafx.scene.paint.Color c) {
    return 0xff000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
        | (int) Math.round(c.getBlue() * 255);
  }

  /** A chart's image and where its canvas is in it. */
  private record Drawn(javafx.scene.image.WritableImage image, Bounds canvas) {}

  /** {@code data} in a chart on a stage of its own (times in UTC, no SLO line), drawn, saved as {@code name} and hidden again. */
  private static Drawn drawnAlone(SeriesHistory data, double width, double height, String name) throws Exception {
    Stage own = WaitForAsyncUtils.asyncFx(() -> {
      TimeSeriesChart c = new TimeSeriesChart("Consumer lag", "s");
      c.setZone(ZoneOffset.UTC);
      c.setData(data, Double.NaN);
      Stage st = new Stage();
      st.setScene(new Scene(c, width, height));
      st.show();
      return st;
    }).get(30, TimeUnit.SECONDS);
    TimeSeriesChart chart = (TimeSeriesChart) own.getScene().getRoot();
    WaitForAsyncUtils.waitForFxEvents();
    javafx.scene.image.WritableImage img = WaitForAsyncUtils.asyncFx(() -> chart.snapshot(null, null)).get(30, TimeUnit.SECONDS);
    Bounds canvas = WaitForAsyncUtils.asyncFx(() -> chart.getCenter().getBoundsInParent()).get(10, TimeUnit.SECONDS);
    WaitForAsyncUtils.asyncFx(own::hide).get(10, TimeUnit.SECONDS);
    screenshot(name, img);
    return new Drawn(img, canvas);
  }

  private void screenshot(String name) throws Exception {
    screenshot(name, WaitForAsyncUtils.asyncFx(() -> stage.getScene().getRoot().snapshot(null, null)).get(30, TimeUnit.SECONDS));
  }

  private static void screenshot(String name, javafx.scene.image.WritableImage img) throws Exception {
    int w = (int) img.getWidth();
    int h = (int) img.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out.setRGB(x, y, img.getPixelReader().getArgb(x, y));
      }
    }
    Path file = Path.of("target", "screenshots", name);
    Files.createDirectories(file.getParent());
    ImageIO.write(out, "png", file.toFile());
  }
}
