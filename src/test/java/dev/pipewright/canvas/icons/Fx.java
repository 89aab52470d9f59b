package dev.pipewright.canvas.icons;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
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
    Canvas c = new Canvas(size + 2 * margin, size + 2 * margin);
    icon.draw(c.getGraphicsContext2D(), margin, margin, size);
    SnapshotParameters p = new SnapshotParameters();
    p.setFill(Color.TRANSPARENT);
    return c.snapshot(p, null);
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
