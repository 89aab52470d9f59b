package dev.pipewright.app.desktop;

import dev.pipewright.model.Pipeline;
import dev.pipewright.model.io.PipelineFile;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Autosave files that let a person get unsaved work back after a crash: one
 * {@code <hash>.yaml} per open document in {@link AppHome#recoveryDir()} (the hash of the
 * document's file, or of a session id while it is untitled), with a {@code <hash>.origin} line
 * naming the file it belongs to. Written through {@link PipelineFile#save}, so atomically and
 * never with a plain-text secret; deleted when the document is saved or closed cleanly.
 */
public final class RecoveryStore {
  private static final String ORIGIN = ".origin";

  /** One recoverable document: the autosaved pipeline file and the file it was a draft of (or null). */
  public record Recovery(Path file, Path origin, Instant savedAt) {
    /** The document's name for people: the original file name, or "an untitled pipeline". */
    public String describe() {
      return origin == null ? "an untitled pipeline" : origin.getFileName().toString();
    }
  }

  private final Path dir;

  public RecoveryStore(AppHome home) {
    this.dir = home.recoveryDir();
  }

  /** The autosave file for a document saved at {@code origin}, or untitled ({@code origin} null) in {@code session}. */
  public Path fileFor(Path origin, String session) {
    String identity = origin == null ? "untitled:" + session : origin.toAbsolutePath().normalize().toString();
    return dir.resolve(hash(identity) + ".yaml");
  }

  /** Writes the draft of the document at {@code origin} (null while untitled). */
  public void write(Path recoveryFile, Path origin, Pipeline pipeline) throws IOException {
    Files.createDirectories(dir);
    PipelineFile.save(pipeline, recoveryFile);
    AppHome.writeAtomically(originFile(recoveryFile),
        origin == null ? "" : origin.toAbsolutePath().normalize().toString());
  }

  /** Every recovery file left behind, newest first. */
  public List<Recovery> pending() {
    List<Recovery> found = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return found;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.yaml")) {
      for (Path f : files) {
        found.add(new Recovery(f, readOrigin(f), Files.getLastModifiedTime(f).toInstant()));
      }
    } catch (IOException e) {
      return found;
    }
    found.sort(Comparator.comparing(Recovery::savedAt).reversed());
    return found;
  }

  /** Deletes a recovery file and its origin note; missing files are fine. */
  public void discard(Path recoveryFile) {
    try {
      Files.deleteIfExists(recoveryFile);
      Files.deleteIfExists(originFile(recoveryFile));
    } catch (IOException e) {
      System.err.println("pipewright: could not delete " + recoveryFile + ": " + e.getMessage());
    }
  }

  private static Path originFile(Path recoveryFile) {
    String name = recoveryFile.getFileName().toString();
    return recoveryFile.resolveSibling(name.substring(0, name.length() - ".yaml".length()) + ORIGIN);
  }

  private static Path readOrigin(Path recoveryFile) {
    try {
      String s = Files.readString(originFile(recoveryFile), StandardCharsets.UTF_8).strip();
      return s.isEmpty() ? null : Path.of(s);
    } catch (IOException e) {
      return null;
    }
  }


  private static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return String.format("%064x", new BigInteger(1, d)).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
