package dev.pipewright.canvas.icons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.model.NodeKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Writes target/screenshots/icons.png: every icon at 16, 24, 32 and 64 px (plus 16 px magnified to see
 * its pixels, and the scene-graph rendering at 24 px) on a light and a dark background, so a
 * person can judge the set.
 */
class IconContactSheetTest {

  private static final int ROW = 76;
  private static final int PANEL = 580;
  private static final int HEADER = 110;

  @BeforeAll
  static void startToolkit() throws Exception {
    Fx.start();
  }

  @Test
  void writesContactSheetOfAllIconsOnLightAndDark() throws Exception {
    Path out = Path.of("target", "screenshots", "icons.png");
    WritableImage sheet = Fx.call(IconContactSheetTest::sheet);
    Fx.writePng(sheet, out);
    assertThat(out).exists();
    assertThat(Files.size(out)).isGreaterThan(10_000);
  }

  private static WritableImage sheet() {
    List<String> names = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (NodeKind k : NodeKind.values()) {
      names.add(k.id());
      labels.add(k.label() + "  (" + k.category().label() + ")");
    }
    int h = HEADER + ROW * names.size() + 10;
    Canvas c = new Canvas(2 * PANEL, h);
    GraphicsContext g = c.getGraphicsContext2D();
    panel(g, 0, h, Color.web("#FFFFFF"), Color.web("#1F2328"), Color.web("#D0D7DE"), names, labels);
    panel(g, PANEL, h, Color.web("#0D1117"), Color.web("#E6EDF3"), Color.web("#30363D"), names, labels);
    SnapshotParameters p = new SnapshotParameters();
    p.setFill(Color.WHITE);
    return c.snapshot(p, null);
  }

  private static void panel(GraphicsContext g, double x0, int h, Color bg, Color fg, Color rule,
      List<String> names, List<String> labels) {
    g.setFill(bg);
    g.fillRect(x0, 0, PANEL, h);
    g.setFill(fg);
    g.setTextBaseline(VPos.CENTER);
    g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 13));
    Icon app = Icons.app();
    double ax = x0 + 12;
    for (int s : new int[] {16, 32, 64}) {
      app.draw(g, ax, 12 + (64 - s), s);
      ax += s + 12;
    }
    g.fillText("Pipewright  (app icon 16 / 32 / 64)", ax + 4, 44);
    g.setFont(Font.font("DejaVu Sans", 11));
    g.fillText("16", x0 + 14, HEADER - 14);
    g.fillText("24", x0 + 42, HEADER - 14);
    g.fillText("32", x0 + 80, HEADER - 14);
    g.fillText("64", x0 + 138, HEADER - 14);
    g.fillText("16 ×4", x0 + 206, HEADER - 14);
    g.fillText("node", x0 + 266, HEADER - 14);
    for (int i = 0; i < names.size(); i++) {
      double y = HEADER + i * ROW;
      g.setStroke(rule);
      g.setLineWidth(1);
      g.strokeLine(x0 + 8, y - 0.5, x0 + PANEL - 8, y - 0.5);
      Icon icon = Icons.load(names.get(i));
      double mid = y + ROW / 2.0;
      icon.draw(g, x0 + 12, mid - 8, 16);
      icon.draw(g, x0 + 38, mid - 12, 24);
      icon.draw(g, x0 + 72, mid - 16, 32);
      icon.draw(g, x0 + 114, mid - 32, 64);
      // 16 px rendering magnified without smoothing: what a 16 px palette really shows.
      Image small = Fx.render(icon, 16, 0);
      g.setImageSmoothing(false);
      g.setFill(bg);
      g.drawImage(small, x0 + 190, mid - 32, 64, 64);
      g.setImageSmoothing(true);
      Image node = nodeImage(icon, 24);
      g.drawImage(node, x0 + 268, mid - 12);
      g.setFill(fg);
      g.setFont(Font.font("DejaVu Sans", 12));
      g.fillText(labels.get(i), x0 + 306, mid - 8);
      g.setFont(Font.font("DejaVu Sans Mono", 10));
      g.fillText(names.get(i) + ".svg", x0 + 306, mid + 10);
    }
  }

  private static Image nodeImage(Icon icon, int size) {
    SnapshotParameters p = new SnapshotParameters();
    p.setFill(Color.TRANSPARENT);
    return new Group(icon.node(size)).snapshot(p, null);
  }
}
