package dev.pipewright.canvas.icons;

import dev.pipewright.canvas.icons.IconShape.Style;
import dev.pipewright.canvas.icons.IconShape.Transform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.Shape;
import javafx.scene.transform.Affine;

/**
 * One icon, parsed once from its SVG file, drawable at any size three ways: straight onto a
 * {@link GraphicsContext} (the canvas renderer), as a scene-graph node (palette, menus) and as a
 * snapshot image (window icons). All three paint the same shapes in the same order.
 */
public final class Icon {

  /** Larger icons are rare and worth crisp shapes; smaller ones are where the time goes. */
  private static final double MAX_CACHED_PIXELS = 128;
  // visible for testing
  static final int REQUESTS_BEFORE_CACHING = 3;
  private static final int CACHED_SIZES = 6;

  private final String source;
  private final SvgSubset.Parsed parsed;
  /** Renderings by device size in hundredths of a pixel, least recently used first; FX thread only. */
  private final Map<Integer, Image> rasters = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Integer, Image> eldest) {
      return size() > CACHED_SIZES;
    }
  };
  /** How often each not-yet-cached device size was drawn; FX thread only. */
  private final Map<Integer, Integer> requests = new HashMap<>();

  Icon(String source, SvgSubset.Parsed parsed) {
    this.source = source;
    this.parsed = parsed;
  }

  /** Where the icon was read from, e.g. {@code icons/postgres.svg}; handy in messages. */
  public String source() {
    return source;
  }

  /**
   * The colour of the first filled shape. By the icon convention (docs/icons.md) that is the
   * category colour, so the canvas can tint a node's accent from the same source of truth.
   */
  public Color primaryColor() {
    return parsed.shapes().stream().map(s -> s.style().fill()).filter(c -> c != null).findFirst()
        .orElseGet(() -> parsed.shapes().get(0).style().stroke());
  }

  // visible for testing
  List<IconShape> shapes() {
    return parsed.shapes();
  }

  /**
   * Paints the icon into the square {@code (x, y, size, size)} of the context's current
   * coordinates and leaves the context's state as it was. On the FX thread, once a size has been
   * drawn a few times (a canvas at rest, not mid-zoom), it blits a cached rendering of exactly that
   * device size, snapped to whole device pixels: about ten times cheaper than painting the shapes
   * in the software pipeline (bench/README.md) and the same pixels.
   */
  public void draw(GraphicsContext g, double x, double y, double size) {
    if (!drawCached(g, x, y, size)) {
      drawVector(g, x, y, size);
    }
  }

  private boolean drawCached(GraphicsContext g, double x, double y, double size) {
    if (!Platform.isFxApplicationThread()) {
      return false;
    }
    Affine t = g.getTransform();
    double s = t.getMxx();
    if (t.getMxy() != 0 || t.getMyx() != 0 || s <= 0 || Math.abs(t.getMyy() - s) > 1e-9) {
      return false;
    }
    double rs = renderScale(g.getCanvas());
    double device = size * s * rs;
    if (device < 4 || device > MAX_CACHED_PIXELS) {
      return false;
    }
    int key = (int) Math.round(device * 100);
    Image img = rasters.get(key);
    if (img == null) {
      // Sizes that change every frame (a zoom animation) are painted; a size asked for again and
      // again is the canvas at rest, worth one snapshot.
      int asked = requests.merge(key, 1, Integer::sum);
      if (requests.size() > 64) {
        requests.clear();
      }
      if (asked < REQUESTS_BEFORE_CACHING) {
        return false;
      }
      requests.remove(key);
      img = render(device);
      rasters.put(key, img);
    }
    double dx = Math.round((s * x + t.getTx()) * rs) / rs;
    double dy = Math.round((s * y + t.getTy()) * rs) / rs;
    g.save();
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.drawImage(img, dx, dy, img.getWidth() / rs, img.getHeight() / rs);
    g.restore();
    return true;
  }

  // visible for testing
  boolean isCached(double devicePixels) {
    return rasters.containsKey((int) Math.round(devicePixels * 100));
  }

  private static double renderScale(Canvas canvas) {
    if (canvas == null || canvas.getScene() == null || canvas.getScene().getWindow() == null) {
      return 1;
    }
    return Math.max(1, canvas.getScene().getWindow().getRenderScaleX());
  }

  private Image render(double size) {
    int px = (int) Math.ceil(size);
    Canvas canvas = new Canvas(px, px);
    drawVector(canvas.getGraphicsContext2D(), 0, 0, size);
    SnapshotParameters params = new SnapshotParameters();
    params.setFill(Color.TRANSPARENT);
    return canvas.snapshot(params, null);
  }

  /** Paints the shapes themselves; the reference rendering the cache is made from. */
  void drawVector(GraphicsContext g, double x, double y, double size) {
    g.save();
    g.translate(x, y);
    g.scale(size / parsed.width(), size / parsed.height());
    g.translate(-parsed.minX(), -parsed.minY());
    double baseAlpha = g.getGlobalAlpha();
    for (IconShape s : parsed.shapes()) {
      Style st = s.style();
      if (st.fill() == null && (st.stroke() == null || st.strokeWidth() == 0)) {
        continue;
      }
      g.save();
      Transform t = s.transform();
      if (!t.isIdentity()) {
        g.transform(t.sx(), 0, 0, t.sy(), t.tx(), t.ty());
      }
      g.setGlobalAlpha(baseAlpha * st.opacity());
      if (st.fill() != null) {
        g.setFill(st.fill());
        g.setFillRule(st.fillRule());
        paint(g, s, true);
      }
      if (st.stroke() != null && st.strokeWidth() > 0) {
        g.setStroke(st.stroke());
        g.setLineWidth(st.strokeWidth());
        g.setLineCap(st.lineCap());
        g.setLineJoin(st.lineJoin());
        g.setMiterLimit(4);
        paint(g, s, false);
      }
      g.restore();
    }
    g.restore();
  }

  /** Fills ({@code fill}) or strokes the shape with the context's current paint and line settings. */
  private static void paint(GraphicsContext g, IconShape s, boolean fill) {
    double[] v = s.geometry();
    switch (s.type()) {
      case PATH -> {
        g.beginPath();
        g.appendSVGPath(s.pathData());
        if (fill) {
          g.fill();
        } else {
          g.stroke();
        }
      }
      case RECT -> {
        boolean round = v[4] > 0 || v[5] > 0;
        if (fill && round) {
          g.fillRoundRect(v[0], v[1], v[2], v[3], 2 * v[4], 2 * v[5]);
        } else if (fill) {
          g.fillRect(v[0], v[1], v[2], v[3]);
        } else if (round) {
          g.strokeRoundRect(v[0], v[1], v[2], v[3], 2 * v[4], 2 * v[5]);
        } else {
          g.strokeRect(v[0], v[1], v[2], v[3]);
        }
      }
      case CIRCLE, ELLIPSE -> {
        double rx = v[2];
        double ry = s.type() == IconShape.Type.CIRCLE ? v[2] : v[3];
        if (fill) {
          g.fillOval(v[0] - rx, v[1] - ry, 2 * rx, 2 * ry);
        } else {
          g.strokeOval(v[0] - rx, v[1] - ry, 2 * rx, 2 * ry);
        }
      }
      case LINE -> {
        // a line has no inside, so SVG fills nothing
        if (!fill) {
          g.strokeLine(v[0], v[1], v[2], v[3]);
        }
      }
      case POLYLINE, POLYGON -> {
        if (fill) {
          g.fillPolygon(xs(v), ys(v), v.length / 2);
        } else if (s.type() == IconShape.Type.POLYLINE) {
          g.strokePolyline(xs(v), ys(v), v.length / 2);
        } else {
          g.strokePolygon(xs(v), ys(v), v.length / 2);
        }
      }
    }
  }

  /**
   * A scene-graph rendering, {@code size} by {@code size} layout pixels with its origin at the
   * top-left of the icon box, for palettes, menus and buttons.
   */
  public Node node(double size) {
    List<Node> children = new ArrayList<>();
    for (IconShape s : parsed.shapes()) {
      Shape shape = toShape(s);
      if (shape == null) {
        continue;
      }
      Style st = s.style();
      shape.setFill(st.fill());
      shape.setStroke(st.stroke());
      shape.setStrokeWidth(st.strokeWidth());
      shape.setStrokeLineCap(st.lineCap());
      shape.setStrokeLineJoin(st.lineJoin());
      shape.setStrokeMiterLimit(4);
      shape.setOpacity(st.opacity());
      if (shape instanceof SVGPath p) {
        p.setFillRule(st.fillRule());
      }
      Transform t = s.transform();
      if (!t.isIdentity()) {
        shape.getTransforms().add(new Affine(t.sx(), 0, t.tx(), 0, t.sy(), t.ty()));
      }
      children.add(shape);
    }
    Group art = new Group(children);
    double kx = size / parsed.width();
    double ky = size / parsed.height();
    art.getTransforms().add(new Affine(kx, 0, -parsed.minX() * kx, 0, ky, -parsed.minY() * ky));
    // A transparent square fixes the layout bounds to the icon box, whatever the shapes cover.
    Rectangle box = new Rectangle(size, size, Color.TRANSPARENT);
    box.setMouseTransparent(true);
    Group root = new Group(box, art);
    root.setAccessibleText(source);
    return root;
  }

  private static Shape toShape(IconShape s) {
    double[] v = s.geometry();
    return switch (s.type()) {
      case PATH -> {
        SVGPath p = new SVGPath();
        p.setContent(s.pathData());
        yield p;
      }
      case RECT -> {
        Rectangle r = new Rectangle(v[0], v[1], v[2], v[3]);
        r.setArcWidth(2 * v[4]);
        r.setArcHeight(2 * v[5]);
        yield r;
      }
      case CIRCLE -> new Circle(v[0], v[1], v[2]);
      case ELLIPSE -> new Ellipse(v[0], v[1], v[2], v[3]);
      case LINE -> new Line(v[0], v[1], v[2], v[3]);
      case POLYLINE -> new Polyline(v);
      case POLYGON -> new Polygon(v);
    };
  }

  /**
   * A transparent image of the icon, {@code size} pixels square, e.g. for {@code Stage.getIcons()}
   * (add 16, 32, 64 and 128). Must be called on the FX application thread.
   */
  public Image image(double size) {
    if (!Platform.isFxApplicationThread()) {
      throw new IllegalStateException("Icon.image(" + size + ") for " + source
          + " must run on the JavaFX application thread (snapshots need it); wrap the call in Platform.runLater");
    }
    return render(size);
  }

  private static double[] xs(double[] points) {
    double[] out = new double[points.length / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = points[2 * i];
    }
    return out;
  }

  private static double[] ys(double[] points) {
    double[] out = new double[points.length / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = points[2 * i + 1];
    }
    return out;
  }

  @Override
  public String toString() {
    return "Icon[" + source + "]";
  }
}
