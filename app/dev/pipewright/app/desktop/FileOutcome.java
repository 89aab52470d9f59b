package dev.pipewright.app.desktop;

import java.util.List;

/**
 * What came of opening or saving a file, for the view to show: nothing when it worked, otherwise
 * a dialog title, a sentence saying what happened and the details (one problem per line, in the
 * loader's {@code file:line:column: field: message Hint: …} form).
 */
public record FileOutcome(boolean ok, String title, String message, List<String> details) {
  public FileOutcome {
    details = List.copyOf(details);
  }

  public static FileOutcome success() {
    return new FileOutcome(true, "", "", List.of());
  }

  public static FileOutcome failure(String title, String message, List<String> details) {
    return new FileOutcome(false, title, message, details);
  }
}
