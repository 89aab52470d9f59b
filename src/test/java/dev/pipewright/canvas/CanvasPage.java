package dev.pipewright.canvas;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** A page object for the canvas: where things are on screen, and screenshots. */
public final class CanvasPage {
  private final FxRobot robot;
  private final PipelineCanvas canvas;

  public CanvasPage(FxRobot robot, PipelineCanvas canvas) {
    this.robot = robot;
    this.canvas = canvas;
  }

  /** A scene point as a screen point, for the robot. */
  public Point2D screen(Point2D scene) {
    Scene s = canvas.getScene();
    return new Point2D(s.getWindow().getX() + s.getX() + scene.getX(), s.getWindow().getY() + s.getY() + scene.getY());
  }

  public Point2D node(String name) {
    return screen(onFx(() -> canvas.screenPointOfNode(name)));
  }

  public Point2D outputPort(String name) {
    return screen(onFx(() -> canvas.screenPointOfOutputPort(name)));
  }

  public Point2D badge(String name) {
    return screen(onFx(() -> canvas.screenPointOfBadge(name)));
  }

  /** A point in the view, in canvas-local pixels, as a screen point. */
  public Point2D viewPoint(double x, double y) {
    return screen(onFx(() -> canvas.localToScene(x, y)));
  }

  public static <T> T onFx(java.util.concurrent.Callable<T> c) {
    return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(c));
  }

  /** Writes the whole scene to target/screenshots/{name}.png and returns the file. */
  public Path screenshot(String name) {
    WaitForAsyncUtils.waitForFxEvents();
    AtomicReference<WritableImage> image = new AtomicReference<>();
    robot.interact(() -> image.set(canvas.getScene().getRoot().snapshot(null, null)));
    WritableImage img = image.get();
    int w = (int) img.getWidth();
    int h = (int) img.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    PixelReader px = img.getPixelReader();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out.setRGB(x, y, px.getArgb(x, y));
      }
    }
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      Path file = dir.resolve(name + ".png");
      ImageIO.write(out, "png", file.toFile());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
