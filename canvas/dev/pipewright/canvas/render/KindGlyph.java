package dev.pipewright.canvas.render;

import dev.pipewright.model.NodeKind;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.geometry.VPos;

/** Draws a node kind's icon in a square of the given size; the one place the canvas asks for icons. */
final class KindGlyph {
  private KindGlyph() {}

  static void draw(GraphicsContext g, NodeKind kind, Color accent, double x, double y, double size) {
    // Placeholder until the icons part lands: the stage colour with the kind's initial.
    g.setFill(accent);
    g.fillRoundRect(x, y, size, size, size * 0.3, size * 0.3);
    g.setFill(Color.WHITE);
    g.setFont(Font.font("System", FontWeight.BOLD, size * 0.55));
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    g.fillText(kind.label().substring(0, 1), x + size / 2, y + size / 2);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.BASELINE);
  }
}
