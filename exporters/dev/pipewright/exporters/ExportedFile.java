package dev.pipewright.exporters;

import java.util.Objects;

/**
 * One file of an export: its path relative to the output folder ({@code /}-separated) and its
 * full text. Executable files (scripts) say so, so the writer can set the permission.
 */
public record ExportedFile(String path, String content, boolean executable) {
  public ExportedFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(content, "content");
    if (path.startsWith("/") || path.contains("..")) {
      throw new IllegalArgumentException("export paths are relative and stay inside the folder: " + path);
    }
  }

  public static ExportedFile of(String path, String content) {
    return new ExportedFile(path, content, false);
  }
}
