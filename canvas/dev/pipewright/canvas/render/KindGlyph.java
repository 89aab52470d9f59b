package dev.pipewright.canvas.render;

import dev.pipewright.canvas.icons.Icons;
import dev.pipewright.model.NodeKind;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/** Draws a node kind's icon on a tile tinted with its stage colour; the one place cards ask for icons. */
final class KindGlyph {
  private KindGlyph() {}

  static void draw(GraphicsContext g, NodeKind kind, Color accent, double x, double y, double size) {
    g.setFill(accent.deriveColor(0, 1, 1, 0.14));
    g.fillRoundRect(x, y, size, size, size * 0.3, size * 0.3);
    double pad = size * 0.14;
    Icons.of(kind).draw(g, x + pad, y + pad, size - 2 * pad);
  }
}
