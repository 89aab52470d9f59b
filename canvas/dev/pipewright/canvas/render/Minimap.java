package dev.pipewright.canvas.render;

import dev.pipewright.canvas.EditorState;
import dev.pipewright.canvas.layout.GraphIndex;
import dev.pipewright.canvas.layout.NodeGeometry;
import dev.pipewright.model.Category;
import dev.pipewright.model.Node;
import dev.pipewright.model.Position;
import javafx.scene.canvas.GraphicsContext;

/**
 * The overview in the bottom-right corner: every node as a dot in its stage colour and the
 * visible area as a rectangle. Remembers the mapping of its last frame so a click can be turned
 * back into a canvas point to pan to.
 */
public final class Minimap {
  static final double W = 200;
  static final double H = 130;
  static final double MARGIN = 12;

  private double boxX;
  private double boxY;
  private double scale;
  private double worldX;
  private double worldY;
  private double offX;
  private double offY;
  private boolean shown;

  void draw(GraphicsContext g, GraphIndex index, EditorState state, double width, double height, CanvasTheme theme) {
    boxX = width - W - MARGIN;
    boxY = height - H - MARGIN;
    double z = state.zoom().get();
    double vx0 = state.panX().get();
    double vy0 = state.panY().get();
    double vx1 = vx0 + width / z;
    double vy1 = vy0 + height / z;
    double[] b = index.bounds();
    double minX = Math.min(b[0], vx0) - 40;
    double minY = Math.min(b[1], vy0) - 40;
    double maxX = Math.max(b[2], vx1) + 40;
    double maxY = Math.max(b[3], vy1) + 40;
    scale = Math.min((W - 8) / (maxX - minX), (H - 8) / (maxY - minY));
    worldX = minX;
    worldY = minY;
    offX = boxX + (W - (maxX - minX) * scale) / 2;
    offY = boxY + (H - (maxY - minY) * scale) / 2;
    shown = true;

    g.setFill(theme.minimapBackground());
    g.fillRoundRect(boxX, boxY, W, H, 10, 10);
    g.setStroke(theme.cardBorder());
    g.setLineWidth(1);
    g.strokeRoundRect(boxX + 0.5, boxY + 0.5, W - 1, H - 1, 10, 10);
    double nw = Math.max(1.5, NodeGeometry.WIDTH * scale);
    double nh = Math.max(1.5, NodeGeometry.HEIGHT * scale);
    // One path per stage colour: thousands of separate fills would cost more than the whole view.
    for (Category stage : Category.values()) {
      g.beginPath();
      boolean any = false;
      for (Node n : index.pipeline().nodes()) {
        if (n.kind().category() == stage) {
          Position p = NodeGeometry.topLeft(n);
          g.rect(offX + (p.x() - worldX) * scale, offY + (p.y() - worldY) * scale, nw, nh);
          any = true;
        }
      }
      if (any) {
        g.setFill(theme.accent(stage));
        g.fill();
      }
    }
    g.setStroke(theme.selection());
    g.setLineWidth(1.5);
    g.strokeRect(offX + (vx0 - worldX) * scale, offY + (vy0 - worldY) * scale, (vx1 - vx0) * scale,
        (vy1 - vy0) * scale);
  }

  /** Hides the minimap from hit testing until it is drawn again. */
  void hide() {
    shown = false;
  }

  /** Whether view point (vx, vy) falls on the minimap as last drawn. */
  public boolean contains(double vx, double vy) {
    return shown && vx >= boxX && vx <= boxX + W && vy >= boxY && vy <= boxY + H;
  }

  /** The canvas point a view point on the minimap stands for. */
  public Position toModel(double vx, double vy) {
    return new Position(worldX + (vx - offX) / scale, worldY + (vy - offY) / scale);
  }
}
