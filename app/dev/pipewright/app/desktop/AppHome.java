package dev.pipewright.app.desktop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where the desktop app keeps its own files: preferences and autosave recovery files under
 * {@code ~/.pipewright/}, or under the directory named by the system property
 * {@code pipewright.home} (tests point it at a temporary directory).
 */
public final class AppHome {
  /** System property that overrides {@code ~/.pipewright}. */
  public static final String PROPERTY = "pipewright.home";

  private final Path dir;

  public AppHome(Path dir) {
    this.dir = dir.toAbsolutePath();
  }

  /** The directory from {@code pipewright.home}, else {@code ~/.pipewright}. */
  public static AppHome fromSystem() {
    String configured = System.getProperty(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return new AppHome(Path.of(configured));
    }
    return new AppHome(Path.of(System.getProperty("user.home"), ".pipewright"));
  }

  public Path dir() {
    return dir;
  }

  public Path prefsFile() {
    return dir.resolve("desktop.properties");
  }

  public Path recoveryDir() {
    return dir.resolve("recovery");
  }

  /**
   * Writes {@code text} to {@code target} through a temporary file in the same directory and a
   * rename, so a crash mid-write leaves either the old file or the new one, never half of one.
   */
  public static void writeAtomically(Path target, String text) throws IOException {
    writeAtomically(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /** {@link #writeAtomically(Path, String)} for bytes (an image, say). */
  public static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, target.getFileName().toString(), ".tmp");
    try {
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
