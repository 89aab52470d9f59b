package dev.pipewright.canvas.icons;

/**
 * An icon file that is missing, not well-formed, or uses SVG outside the supported subset. The
 * message names the file, the line and what to change.
 */
public final class IconFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  IconFormatException(String message) {
    super(message);
  }

  IconFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
