package dev.pipewright.canvas.render;

import dev.pipewright.canvas.icons.Icons;
import dev.pipewright.model.Category;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import javafx.scene.paint.Color;

/**
 * The canvas colours for a light or a dark window. Stage colours are the icons' and the same in
 * both themes (so a PostgreSQL source looks the same everywhere); only the surfaces change.
 */
public record CanvasTheme(
    boolean dark,
    Color background,
    Color grid,
    Color gridMajor,
    Color card,
    Color cardBorder,
    Color text,
    Color subtext,
    Color edge,
    Color selection,
    Color hover,
    Color legal,
    Color illegal,
    Color error,
    Color warning,
    Color labelBackground,
    Color minimapBackground) {

  public static final CanvasTheme LIGHT = new CanvasTheme(false,
      Color.web("#f6f7f9"), Color.web("#eceef2"), Color.web("#dde0e6"),
      Color.WHITE, Color.web("#c9ced6"), Color.web("#1f2328"), Color.web("#667085"),
      Color.web("#7d8590"), Color.web("#2f6feb"), Color.web("#2f6feb", 0.35),
      Color.web("#1a7f37"), Color.web("#cf222e"), Color.web("#d1242f"), Color.web("#bf8700"),
      Color.web("#ffffff", 0.95), Color.web("#ffffff", 0.97));

  public static final CanvasTheme DARK = new CanvasTheme(true,
      Color.web("#16181d"), Color.web("#22252c"), Color.web("#2c3039"),
      Color.web("#23262e"), Color.web("#3a3f4b"), Color.web("#e6edf3"), Color.web("#9aa4b2"),
      Color.web("#8b949e"), Color.web("#58a6ff"), Color.web("#58a6ff", 0.4),
      Color.web("#3fb950"), Color.web("#f85149"), Color.web("#f85149"), Color.web("#d29922"),
      Color.web("#2d333b", 0.95), Color.web("#1c1f26", 0.97));

  public static CanvasTheme of(boolean dark) {
    return dark ? DARK : LIGHT;
  }

  /**
   * The accent of a stage: the card's ports, its icon tile and its minimap block. It is the
   * colour the stage's icons are drawn in (one source of truth, readable on light and dark).
   */
  public Color accent(Category c) {
    return ACCENTS.computeIfAbsent(c, Icons::color);
  }

  private static final Map<Category, Color> ACCENTS = new ConcurrentHashMap<>();
}
