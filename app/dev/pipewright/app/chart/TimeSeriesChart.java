package dev.pipewright.app.chart;

import dev.pipewright.app.desktop.AppHome;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Alert;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;

/**
 * A line chart of a {@link SeriesHistory} drawn on a canvas: time and value axes with nice ticks,
 * one line per series (at most two points per pixel column, so a redraw costs in proportion to
 * the width, not the points; the lines are rasterised by {@link LineRaster} and drawn as one
 * image), an optional SLO threshold as a dashed red line, a legend, and a
 * crosshair whose tooltip lists the time and every series' value under the mouse. The node tree
 * is built once; {@link #refresh()} redraws only when the data changed. A context menu and an
 * Export button save the chart as PNG and its data as CSV, both written atomically.
 */
public final class TimeSeriesChart extends BorderPane {
  /** Twenty colours a reader tells apart, none of them the SLO line's red. */
  public static final List<Color> PALETTE = List.of(
      "#0969da", "#8250df", "#bf8700", "#1a7f37", "#e16f24", "#1b7c83", "#bf3989", "#6e7781", "#4e79a7", "#9c755f",
      "#59a14f", "#b07aa1", "#f28e2b", "#76b7b2", "#c9a227", "#ff9da7", "#3b5bdb", "#a0522d", "#2f9e44", "#862e9c")
      .stream().map(Color::web).toList();
  static final Color SLO_COLOUR = Color.web("#cf222e");
  private static final Color GRID = Color.web("#eaeef2");
  private static final Color AXIS = Color.web("#d0d7de");
  private static final Color TICK_TEXT = Color.web("#57606a");
  private static final Font TICK_FONT = Font.font("System", 10);
  private static final long MIN_SPAN_MILLIS = 60_000;
  private static final double LINE_WIDTH = 1.5;

  /** What the export actions write. */
  public enum Export {
    PNG("PNG image", "*.png"), CSV("CSV data", "*.csv");

    final String description;
    final String pattern;

    Export(String description, String pattern) {
      this.description = description;
      this.pattern = pattern;
    }
  }

  private final String titleText;
  private final String unit;
  private final Label title = new Label();
  private final MenuButton exportButton = new MenuButton("Export");
  private final Canvas base = new Canvas();
  private final Canvas overlay = new Canvas();
  private final VBox tooltip = new VBox(2);
  private final FlowPane legend = new FlowPane(12, 2);
  private final Text probe = new Text();
  private final ColumnDecimator.Polyline line = new ColumnDecimator.Polyline();
  private final LineRaster raster = new LineRaster();
  private final WritableImage[] lineImages = new WritableImage[2];
  private int drawnFrames;
  private double drawnScale = 1;
  private final Pane plot = new Pane() {
    @Override
    protected void layoutChildren() {
      super.layoutChildren();
      resizeCanvases(getWidth(), getHeight());
    }
  };

  private SeriesHistory data;
  private double threshold = Double.NaN;
  private ZoneId zone = ZoneId.systemDefault();
  /** Points further apart than this are not joined (the monitor was away). */
  private static final long MAX_GAP_MILLIS = 10_000;
  private List<String> legendNames = List.of();
  private double legendThreshold = Double.NaN;
  private long drawnRevision = -1;
  private SeriesHistory drawnData;
  private double drawnW = -1;
  private double drawnH = -1;
  private int hoverRow = -1;
  private long hoverRevision = -1;
  private double hoverX = Double.NaN;
  // the mapping of the last frame, for the crosshair
  private double px0;
  private double px1;
  private double py0;
  private double py1;
  private long t0;
  private long t1;
  private double vlo;
  private double vhi;
  private Function<Export, Optional<Path>> saveDialog = this::chooseFile;
  private Consumer<String> onError = TimeSeriesChart::showError;

  /**
   * @param title what the chart shows, e.g. "Consumer lag"
   * @param unit the values' unit, shown in the title, the tooltip and on the SLO line
   */
  public TimeSeriesChart(String title, String unit) {
    this.titleText = title;
    this.unit = unit;
    getStyleClass().add("time-series-chart");
    setStyle("-fx-background-color: white; -fx-background-radius: 6; -fx-border-color: #d0d7de; -fx-border-radius: 6;");
    setPadding(new Insets(6, 10, 6, 6));
    this.title.setText(title + " (" + unit + ")");
    this.title.setStyle("-fx-font-weight: bold; -fx-font-size: 13px; -fx-text-fill: #1f2328;");
    exportButton.getItems().addAll(exportItems());
    exportButton.getStyleClass().add("chart-export");
    exportButton.setStyle("-fx-font-size: 11px;");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox top = new HBox(6, this.title, spacer, exportButton);
    top.setAlignment(Pos.CENTER_LEFT);
    top.setPadding(new Insets(0, 0, 4, 4));
    setTop(top);

    base.setManaged(false);
    overlay.setManaged(false);
    tooltip.setManaged(false);
    tooltip.setVisible(false);
    tooltip.setMouseTransparent(true);
    tooltip.getStyleClass().add("chart-tooltip");
    tooltip.setPadding(new Insets(4, 8, 4, 8));
    tooltip.setStyle("-fx-background-color: rgba(255,255,255,0.95); -fx-border-color: #8c959f; -fx-border-radius: 4; "
        + "-fx-background-radius: 4; -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.18), 6, 0, 0, 1);");
    plot.getChildren().addAll(base, overlay, tooltip);
    plot.setMinSize(0, 0);
    plot.setPrefSize(420, 220);
    setCenter(plot);
    legend.setPadding(new Insets(4, 0, 0, 8));
    // twenty names would otherwise take the plot's room: at most three rows, the rest scrolls
    ScrollPane legendScroll = new ScrollPane(legend);
    legendScroll.setFitToWidth(true);
    legendScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    legendScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
    legendScroll.setMaxHeight(58);
    legendScroll.prefViewportHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
        () -> Math.min(52, legend.getHeight()), legend.heightProperty()));
    legendScroll.setStyle("-fx-background-color: transparent; -fx-background: white; -fx-padding: 0;");
    setBottom(legendScroll);

    overlay.setOnMouseMoved(e -> {
      hoverX = e.getX();
      drawHover();
    });
    overlay.setOnMouseExited(e -> {
      hoverX = Double.NaN;
      drawHover();
    });
    ContextMenu menu = new ContextMenu();
    menu.getItems().addAll(exportItems());
    setOnContextMenuRequested(e -> menu.show(this, e.getScreenX(), e.getScreenY()));
    probe.setFont(TICK_FONT);
  }

  private List<MenuItem> exportItems() {
    MenuItem png = new MenuItem("Save as PNG…");
    png.setOnAction(e -> export(Export.PNG));
    MenuItem csv = new MenuItem("Save data as CSV…");
    csv.setOnAction(e -> export(Export.CSV));
    return List.of(png, csv);
  }

  /** Shows {@code history} with an SLO line at {@code threshold} (NaN for none) and redraws if anything changed. */
  public void setData(SeriesHistory history, double threshold) {
    this.data = history;
    this.threshold = threshold;
    refresh();
  }

  /** The zone the time axis and the tooltip are in (the system's by default). */
  public void setZone(ZoneId zone) {
    this.zone = zone;
    drawnRevision = -1;
    refresh();
  }

  /** Where the export actions ask for a file; a file chooser by default. */
  public void setSaveDialog(Function<Export, Optional<Path>> saveDialog) {
    this.saveDialog = saveDialog;
  }

  /** Where export failures are reported; an error dialog by default. */
  public void setOnError(Consumer<String> onError) {
    this.onError = onError;
  }

  public SeriesHistory data() {
    return data;
  }

  /** Redraws if the data, the threshold or the size changed since the last frame; cheap otherwise. */
  public void refresh() {
    updateLegend();
    if (data != drawnData || data != null && data.revision() != drawnRevision || base.getWidth() != drawnW
        || base.getHeight() != drawnH || renderScale() != drawnScale) {
      draw();
    }
    drawHover();
  }

  private void resizeCanvases(double w, double h) {
    if (base.getWidth() != w || base.getHeight() != h) {
      base.setWidth(w);
      base.setHeight(h);
      overlay.setWidth(w);
      overlay.setHeight(h);
      refresh();
    }
  }

  // ------------------------------------------------------------------ drawing

  /** Draws the axes, the lines and the SLO line now, whatever changed (the benchmark calls this). */
  public void draw() {
    GraphicsContext g = base.getGraphicsContext2D();
    double w = base.getWidth();
    double h = base.getHeight();
    drawnW = w;
    drawnH = h;
    drawnScale = renderScale();
    drawnData = data;
    drawnRevision = data == null ? -1 : data.revision();
    g.setFill(Color.WHITE);
    g.fillRect(0, 0, w, h);
    if (w < 40 || h < 40) {
      return;
    }
    if (data == null || data.size() == 0) {
      g.setFill(TICK_TEXT);
      g.setFont(Font.font("System", 12));
      g.setTextAlign(TextAlignment.CENTER);
      g.setTextBaseline(VPos.CENTER);
      g.fillText("Waiting for data…", w / 2, h / 2);
      px1 = px0;
      return;
    }
    t1 = data.timeAt(data.size() - 1);
    t0 = Math.min(data.timeAt(0), t1 - MIN_SPAN_MILLIS);
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int series = data.seriesCount();
    for (int s = 0; s < series; s++) {
      for (int i = 0; i < data.size(); i++) {
        double v = data.value(s, i);
        if (v < min) {
          min = v;
        }
        if (v > max) {
          max = v;
        }
      }
    }
    if (!Double.isNaN(threshold)) {
      min = Math.min(min, threshold);
      max = Math.max(max, threshold * 1.1);
    }
    if (min == Double.POSITIVE_INFINITY) {
      min = 0;
      max = 1;
    }
    if (min > 0) {
      min = 0; // lag, bytes and seconds read best from zero
    }
    py0 = 8;
    py1 = h - 20;
    NiceScale.Ticks ticks = NiceScale.values(min, max, Math.max(2, (int) ((py1 - py0) / 36)));
    vlo = ticks.lo();
    vhi = ticks.hi();
    List<String> labels = new ArrayList<>();
    double labelW = 0;
    for (double v : ticks.values()) {
      String l = NiceScale.format(v, ticks.step());
      labels.add(l);
      probe.setText(l);
      labelW = Math.max(labelW, probe.getLayoutBounds().getWidth());
    }
    px0 = Math.ceil(labelW) + 10;
    px1 = w - 10;
    g.setFont(TICK_FONT);
    g.setLineWidth(1);
    g.setTextAlign(TextAlignment.RIGHT);
    g.setTextBaseline(VPos.CENTER);
    List<Double> values = ticks.values();
    for (int k = 0; k < values.size(); k++) {
      double y = crisp(y(values.get(k)));
      g.setStroke(GRID);
      g.strokeLine(px0, y, px1, y);
      g.setFill(TICK_TEXT);
      g.fillText(labels.get(k), px0 - 5, y);
    }
    long step = NiceScale.timeStepSeconds(t1 - t0, Math.max(2, (int) ((px1 - px0) / 70)));
    DateTimeFormatter fmt = DateTimeFormatter.ofPattern(step < 60 ? "HH:mm:ss" : "HH:mm", Locale.ROOT).withZone(zone);
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    for (long t : NiceScale.times(t0, t1, step, zone)) {
      double x = crisp(x(t));
      g.setStroke(GRID);
      g.strokeLine(x, py0, x, py1);
      g.setStroke(AXIS);
      g.strokeLine(x, py1, x, py1 + 4);
      String label = fmt.format(Instant.ofEpochMilli(t));
      probe.setText(label);
      double half = probe.getLayoutBounds().getWidth() / 2;
      if (x - half >= 0 && x + half <= w) { // a label cut by the chart's edge reads as another time
        g.setFill(TICK_TEXT);
        g.fillText(label, x, py1 + 5);
      }
    }
    g.setStroke(AXIS);
    g.strokeLine(crisp(px0), py0, crisp(px0), crisp(py1));
    g.strokeLine(px0, crisp(py1), px1, crisp(py1));

    drawLines(g, series);
    g.save();
    g.beginPath();
    g.rect(px0, py0 - 2, px1 - px0, py1 - py0 + 2);
    g.clip();
    if (!Double.isNaN(threshold)) {
      double y = crisp(y(threshold));
      g.setStroke(SLO_COLOUR);
      g.setLineWidth(1.5);
      g.setLineDashes(8, 6);
      g.strokeLine(px0, y, px1, y);
      g.setLineDashes((double[]) null);
      g.setFont(TICK_FONT);
      g.setTextAlign(TextAlignment.RIGHT);
      g.setTextBaseline(VPos.BOTTOM);
      probe.setText(sloText());
      double tw = probe.getLayoutBounds().getWidth();
      g.setFill(Color.rgb(255, 255, 255, 0.85)); // readable over the lines it crosses
      g.fillRect(px1 - 6 - tw, y - 15, tw + 4, 13);
      g.setFill(SLO_COLOUR);
      g.fillText(sloText(), px1 - 4, y - 2);
    }
    g.restore();
  }

  /**
   * The series lines, rasterised by {@link LineRaster} into one image at the window's render scale
   * and drawn as that: prism's software pipeline takes ~35 ms to stroke twenty decimated lines
   * (about 30,000 segments), but ~3 ms to draw one image (decision 0130). The image is the plot
   * area, so it clips the lines as the plot's clip did.
   */
  private void drawLines(GraphicsContext g, int series) {
    int ox = (int) Math.floor(px0);
    int oy = (int) Math.floor(py0 - 2);
    int w = (int) Math.ceil(px1) - ox;
    int h = (int) Math.ceil(py1) - oy;
    double scale = drawnScale;
    int rw = (int) Math.ceil(w * scale);
    int rh = (int) Math.ceil(h * scale);
    if (rw < 1 || rh < 1) {
      return;
    }
    raster.reset(rw, rh);
    double lineWidth = LINE_WIDTH * scale;
    double perValue = (py1 - py0) / (vhi - vlo); // as y(v), without a division per point
    for (int s = 0; s < series; s++) {
      ColumnDecimator.decimate(data, s, t0, t1, px0, px1 - px0, MAX_GAP_MILLIS, line);
      int n = line.size();
      double px = 0;
      double py = 0;
      for (int i = 0; i < n; i++) {
        double x = (line.x(i) - ox) * scale;
        double y = (py1 - oy - (line.y(i) - vlo) * perValue) * scale;
        if (!line.startsStroke(i)) {
          raster.segment(px, py, x, y, lineWidth);
        } else if (i + 1 == n || line.startsStroke(i + 1)) {
          raster.segment(x, y, x + scale, y, lineWidth); // a lone point still shows
        }
        px = x;
        py = y;
      }
      raster.paint(rgb(colour(s)));
    }
    // two images in turn, so the one prism may still be reading for the last frame is not rewritten
    WritableImage img = lineImages[drawnFrames++ & 1];
    if (img == null || img.getWidth() != rw || img.getHeight() != rh) {
      img = new WritableImage(rw, rh);
      lineImages[(drawnFrames - 1) & 1] = img;
    }
    img.getPixelWriter().setPixels(0, 0, rw, rh, PixelFormat.getIntArgbPreInstance(), raster.pixels(), 0, rw);
    g.drawImage(img, ox, oy, w, h);
  }

  /** Pixels per unit on the window's screen (2 on a HiDPI one), so the lines' image stays sharp there. */
  private double renderScale() {
    return getScene() == null || getScene().getWindow() == null ? 1 : getScene().getWindow().getRenderScaleX();
  }

  private static int rgb(Color c) {
    return (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
        | (int) Math.round(c.getBlue() * 255);
  }

  private String sloText() {
    return "SLO " + NiceScale.format(threshold, threshold == Math.rint(threshold) ? 1 : 0.01) + " " + unit;
  }

  private double x(long t) {
    return px0 + (t - t0) * (px1 - px0) / (double) (t1 - t0);
  }

  private double y(double v) {
    return py1 - (v - vlo) * (py1 - py0) / (vhi - vlo);
  }

  private static double crisp(double v) {
    return Math.floor(v) + 0.5;
  }

  /** The colour of series {@code i}: the palette, round again past twenty. */
  public static Color colour(int i) {
    return PALETTE.get(i % PALETTE.size());
  }

  private void updateLegend() {
    List<String> names = data == null ? List.of() : data.names();
    boolean sameSlo = Double.compare(threshold, legendThreshold) == 0;
    if (names.equals(legendNames) && sameSlo) {
      return;
    }
    legendNames = names;
    legendThreshold = threshold;
    legend.getChildren().clear();
    for (int i = 0; i < names.size(); i++) {
      Rectangle swatch = new Rectangle(14, 3, colour(i));
      legend.getChildren().add(entry(swatch, names.get(i)));
    }
    if (!Double.isNaN(threshold)) {
      Line dash = new Line(0, 0, 14, 0);
      dash.setStroke(SLO_COLOUR);
      dash.setStrokeWidth(2);
      dash.getStrokeDashArray().setAll(4.0, 3.0);
      legend.getChildren().add(entry(dash, sloText()));
    }
  }

  private static HBox entry(javafx.scene.Node swatch, String text) {
    Label l = new Label(text);
    l.setStyle("-fx-font-size: 11px; -fx-text-fill: #1f2328;");
    HBox box = new HBox(4, swatch, l);
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }

  // ------------------------------------------------------------------ hover

  private void drawHover() {
    GraphicsContext g = overlay.getGraphicsContext2D();
    g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
    if (Double.isNaN(hoverX) || data == null || data.size() == 0 || px1 <= px0 || hoverX < px0 || hoverX > px1) {
      tooltip.setVisible(false);
      hoverRow = -1;
      return;
    }
    long t = t0 + Math.round((hoverX - px0) / (px1 - px0) * (t1 - t0));
    int row = data.nearest(t);
    double xr = crisp(x(data.timeAt(row)));
    g.setStroke(Color.web("#57606a"));
    g.setLineWidth(1);
    g.setLineDashes(3, 3);
    g.strokeLine(xr, py0, xr, py1);
    g.setLineDashes((double[]) null);
    for (int s = 0; s < data.seriesCount(); s++) {
      double v = data.value(s, row);
      if (!Double.isNaN(v)) {
        g.setFill(colour(s));
        g.fillOval(xr - 3, y(v) - 3, 6, 6);
      }
    }
    if (row != hoverRow || data.revision() != hoverRevision) {
      fillTooltip(row);
      hoverRow = row;
      hoverRevision = data.revision();
    }
    tooltip.setVisible(true);
    // unmanaged, so nobody else sizes it: styles first, or the labels measure as "…"
    tooltip.applyCss();
    tooltip.autosize();
    double tw = tooltip.getWidth();
    double th = tooltip.getHeight();
    double tx = xr + 14 + tw <= overlay.getWidth() ? xr + 14 : Math.max(0, xr - 14 - tw);
    tooltip.relocate(tx, Math.max(0, Math.min(py0, overlay.getHeight() - th)));
  }

  private void fillTooltip(int row) {
    tooltip.getChildren().clear();
    Label time = new Label(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(zone)
        .format(Instant.ofEpochMilli(data.timeAt(row))));
    time.setStyle("-fx-font-weight: bold; -fx-font-size: 11px;");
    tooltip.getChildren().add(time);
    List<Integer> order = new ArrayList<>();
    for (int s = 0; s < data.seriesCount(); s++) {
      order.add(s);
    }
    // largest first: with twenty lines the worst one is what the reader wants
    order.sort(Comparator.comparingDouble((Integer s) -> {
      double v = data.value(s, row);
      return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }).reversed());
    int rowsPerColumn = Math.max(4, (int) ((py1 - py0 - 24) / 15));
    GridPane grid = new GridPane();
    grid.setHgap(6);
    grid.setVgap(1);
    for (int k = 0; k < order.size(); k++) {
      int s = order.get(k);
      double v = data.value(s, row);
      int col = (k / rowsPerColumn) * 3;
      int r = k % rowsPerColumn;
      Label name = new Label(data.names().get(s));
      name.setStyle("-fx-font-size: 11px;");
      Label value = new Label(Double.isNaN(v) ? "–" : format(v) + " " + unit);
      value.setStyle("-fx-font-size: 11px; -fx-font-weight: bold;");
      grid.add(new Rectangle(8, 8, colour(s)), col, r);
      grid.add(name, col + 1, r);
      grid.add(value, col + 2, r);
    }
    tooltip.getChildren().add(grid);
  }

  /** The tooltip's lines: the time, then "series value unit" per series (largest first); empty when hidden. */
  public List<String> tooltipLines() {
    List<String> out = new ArrayList<>();
    if (!tooltip.isVisible()) {
      return out;
    }
    out.add(((Label) tooltip.getChildren().get(0)).getText());
    GridPane grid = (GridPane) tooltip.getChildren().get(1);
    List<javafx.scene.Node> cells = grid.getChildren();
    for (int i = 0; i + 2 < cells.size(); i += 3) {
      out.add(((Label) cells.get(i + 1)).getText() + " " + ((Label) cells.get(i + 2)).getText());
    }
    return out;
  }

  static String format(double v) {
    double a = Math.abs(v);
    if (a >= 1000 || v == Math.rint(v)) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return String.format(Locale.ROOT, a >= 10 ? "%.1f" : "%.2f", v);
  }

  // ------------------------------------------------------------------ export

  private void export(Export kind) {
    Optional<Path> file = saveDialog.apply(kind);
    if (file.isEmpty()) {
      return;
    }
    try {
      if (kind == Export.PNG) {
        savePng(file.get());
      } else {
        saveCsv(file.get());
      }
    } catch (IOException | RuntimeException e) {
      onError.accept("Could not save " + file.get() + ": " + e.getMessage());
    }
  }

  /** Writes a snapshot of the chart (title, axes, lines, legend; no crosshair) as a PNG, atomically. On the FX thread. */
  public void savePng(Path file) throws IOException {
    boolean hover = tooltip.isVisible();
    tooltip.setVisible(false);
    overlay.setVisible(false);
    exportButton.setVisible(false);
    WritableImage img;
    try {
      SnapshotParameters params = new SnapshotParameters();
      params.setFill(Color.WHITE);
      img = snapshot(params, null);
    } finally {
      tooltip.setVisible(hover);
      overlay.setVisible(true);
      exportButton.setVisible(true);
    }
    int w = (int) img.getWidth();
    int h = (int) img.getHeight();
    int[] argb = new int[w * h];
    img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    out.setRGB(0, 0, w, h, argb, 0, w);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(out, "png", bytes);
    AppHome.writeAtomically(file, bytes.toByteArray());
  }

  /** Writes the chart's data as CSV (see {@link ChartCsv}), atomically. */
  public void saveCsv(Path file) throws IOException {
    AppHome.writeAtomically(file, data == null ? "time\r\n" : ChartCsv.of(data));
  }

  /** A file-name stem from the title, e.g. "consumer-lag-s". */
  String fileStem() {
    return (titleText + " " + unit).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }

  private Optional<Path> chooseFile(Export kind) {
    FileChooser fc = new FileChooser();
    fc.setTitle(kind == Export.PNG ? "Save chart as PNG" : "Save chart data as CSV");
    fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind.description, kind.pattern));
    fc.setInitialFileName(fileStem() + kind.pattern.substring(1));
    java.io.File f = fc.showSaveDialog(getScene() == null ? null : getScene().getWindow());
    return Optional.ofNullable(f).map(java.io.File::toPath);
  }

  private static void showError(String message) {
    Alert a = new Alert(Alert.AlertType.ERROR, message);
    a.setHeaderText("Export failed");
    a.show();
  }
}
