package dev.pipewright.app.desktop;

import dev.pipewright.canvas.icons.Icons;
import dev.pipewright.model.NodeKind;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.shape.Circle;
import javafx.scene.paint.Color;

/**
 * Node-kind icons for the shell's lists and forms, from {@link Icons}. A missing or broken SVG
 * shows as a neutral dot instead of failing the window: the icons helper's tests catch that.
 */
public final class KindIcons {
  private KindIcons() {}

  public static Node node(NodeKind kind, double size) {
    try {
      return Icons.of(kind).node(size);
    } catch (RuntimeException e) {
      return new Circle(size / 2, Color.GRAY);
    }
  }

  /** The app icon at {@code size} pixels, or null when it cannot be drawn. */
  public static Image app(double size) {
    try {
      return Icons.app().image(size);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
