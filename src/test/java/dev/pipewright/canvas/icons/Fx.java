package dev.pipewright.canvas.icons;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Test helpers: start the (headless) toolkit, run on the FX thread, render icons to pixels, write PNGs. */
final class Fx {

  private Fx() {
  }

  static void start() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  static <T> T call(Callable<T> work) throws Exception {
    return WaitForAsyncUtils.asyncFx(work).get(60, TimeUnit.SECONDS);
  }

  /** The icon drawn on a transparent canvas with {@code margin} empty pixels around its box. */
  static WritableImage render(Icon icon, int size, int margin) {
    return render(size + 2 * margin, 1, g -> icon.draw(g, margin, margin, size));
  }

  /** A transparent {@code pixels}-square canvas, scaled by {@code zoom}, painted by {@code painter}. */
  static WritableImage render(int pixels, double zoom, Consumer<GraphicsContext> painter) {
    Canvas c = new Canvas(pixels, pixels);
    GraphicsContext g = c.getGraphicsContext2D();
    g.scale(zoom, zoom);
    painter.accept(g);
    SnapshotParameters p = new SnapshotParameters();
    p.setFill(Color.TRANSPARENT);
    return c.snapshot(p, null);
  }

  /** How many pixels differ in coverage (alpha on different sides of one half) between two images. */
  /** How many pixels differ visibly in colour or coverage between two images of the same size. */
  static int colourDifference(Image a, Image b) {
    int differing = 0;
    for (int y = 0; y < (int) a.getHeight(); y++) {
      for (int x = 0; x < (int) a.getWidth(); x++) {
        Color ca = a.getPixelReader().getColor(x, y);
        Color cb = b.getPixelReader().getColor(x, y);
        double d = Math.abs(ca.getRed() * ca.getOpacity() - cb.getRed() * cb.getOpacity())
            + Math.abs(ca.getGreen() * ca.getOpacity() - cb.getGreen() * cb.getOpacity())
            + Math.abs(ca.getBlue() * ca.getOpacity() - cb.getBlue() * cb.getOpacity())
            + Math.abs(ca.getOpacity() - cb.getOpacity());
        if (d > 0.5) {
          differing++;
        }
      }
    }
    return differing;
  }

  static int coverageDifference(Image a, Image b) {
    int differing = 0;
    for (int y = 0; y < (int) a.getHeight(); y++) {
      for (int x = 0; x < (int) a.getWidth(); x++) {
        boolean pa = a.getPixelReader().getColor(x, y).getOpacity() > 0.5;
        boolean pb = b.getPixelReader().getColor(x, y).getOpacity() > 0.5;
        if (pa != pb) {
          differing++;
        }
      }
    }
    return differing;
  }

  static void writePng(WritableImage img, Path file) throws IOException {
    int w = (int) img.getWidth();
    int h = (int) img.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    PixelReader r = img.getPixelReader();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out.setRGB(x, y, r.getArgb(x, y));
      }
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    ImageIO.write(out, "png", tmp.toFile());
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
