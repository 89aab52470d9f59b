package dev.pipewright.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** {@code pipewright app --screenshot}: the real main window rendered to a PNG, then back. */
class ScreenshotModeTest {
  @TempDir Path dir;

  @BeforeAll
  static void toolkit() throws Exception {
    // Started by TestFX first, so launch() renders on it and leaves it running for other tests.
    FxToolkit.registerPrimaryStage();
    Platform.setImplicitExit(false);
  }

  @Test
  void writesAPictureOfTheMainWindowWithThePipelineOpened() throws Exception {
    Path png = dir.resolve("main-window.png");
    String before = System.getProperty(AppHome.PROPERTY);
    System.setProperty(AppHome.PROPERTY, dir.resolve("home").toString());
    try {
      DesktopApp.launch(Path.of("examples", "local-trial.yaml"), png);
    } finally {
      if (before == null) {
        System.clearProperty(AppHome.PROPERTY);
      } else {
        System.setProperty(AppHome.PROPERTY, before);
      }
    }

    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isGreaterThanOrEqualTo(1000);
    assertThat(image.getHeight()).isGreaterThanOrEqualTo(700);
    // Not a blank frame: the window has both the light panels and darker text and lines.
    long distinct = java.util.stream.IntStream.range(0, 400)
        .map(i -> image.getRGB(i * image.getWidth() / 400, image.getHeight() / 3)).distinct().count();
    assertThat(distinct).isGreaterThan(5);
    Files.copy(png, Path.of("target", "screenshots", "desktop-screenshot-mode.png"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void aBrokenFileFailsWithTheLoadersMessageAndWritesNothing() throws Exception {
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(broken, "apiVersion: pipewright/v1\nname: [\n");
    Path png = dir.resolve("none.png");

    assertThatThrownBy(() -> DesktopApp.launch(broken, png)).hasMessageContaining("broken.yaml");
    assertThat(png).doesNotExist();
  }
}
