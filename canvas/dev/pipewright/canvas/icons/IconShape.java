package dev.pipewright.canvas.icons;

import java.util.List;
import javafx.scene.paint.Color;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/**
 * One drawable element of an icon, with its inherited style and its transform already resolved,
 * so drawing needs no lookups.
 */
record IconShape(Type type, double[] geometry, String pathData, Style style, Transform transform) {

  enum Type { PATH, RECT, CIRCLE, ELLIPSE, LINE, POLYLINE, POLYGON }

  /** Resolved presentation attributes; {@code null} paint means "none". */
  record Style(Color fill, FillRule fillRule, Color stroke, double strokeWidth, StrokeLineCap lineCap,
      StrokeLineJoin lineJoin, double opacity) {

    static final Style INITIAL = new Style(Color.BLACK, FillRule.NON_ZERO, null, 1, StrokeLineCap.BUTT,
        StrokeLineJoin.MITER, 1);
  }

  /** The subset allows only translate and scale, so an axis-aligned affine suffices. */
  record Transform(double sx, double sy, double tx, double ty) {
    static final Transform IDENTITY = new Transform(1, 1, 0, 0);

    /** This transform applied after {@code inner} (i.e. this * inner). */
    Transform then(Transform inner) {
      return new Transform(sx * inner.sx, sy * inner.sy, sx * inner.tx + tx, sy * inner.ty + ty);
    }

    boolean isIdentity() {
      return equals(IDENTITY);
    }
  }

  static List<String> attributesOf(Type type) {
    return switch (type) {
      case PATH -> List.of("d");
      case RECT -> List.of("x", "y", "width", "height", "rx", "ry");
      case CIRCLE -> List.of("cx", "cy", "r");
      case ELLIPSE -> List.of("cx", "cy", "rx", "ry");
      case LINE -> List.of("x1", "y1", "x2", "y2");
      case POLYLINE, POLYGON -> List.of("points");
    };
  }
}
