package dev.pipewright.app.desktop;

import dev.pipewright.app.desktop.RecoveryStore.Recovery;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The questions and messages the main window puts to the person, behind one interface (as in
 * JabRef) so tests can answer the OS file choosers, which do not exist headless, while every
 * other dialog is the real one.
 */
public interface DialogService {
  /** What to do with unsaved changes before the document is replaced or the window closes. */
  enum SaveChoice { SAVE, DISCARD, CANCEL }

  Optional<Path> chooseFileToOpen(Path initialDir);

  Optional<Path> chooseFileToSave(Path initialDir, String suggestedName);

  /** Shows why opening or saving failed, with every detail line. */
  void showFailure(FileOutcome outcome);

  SaveChoice askToSaveChanges(String documentName);

  /** Offers to restore an autosaved draft; true when the person wants it back. */
  boolean offerRecovery(Recovery recovery);

  void showShortcuts();

  void showAbout();
}
