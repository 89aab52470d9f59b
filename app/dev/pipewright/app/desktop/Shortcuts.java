package dev.pipewright.app.desktop;

import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** Every keyboard shortcut of the main window, in one place so menus and the help sheet agree. */
public final class Shortcuts {
  private Shortcuts() {}

  public static final KeyCombination NEW = shortcut(KeyCode.N);
  public static final KeyCombination OPEN = shortcut(KeyCode.O);
  public static final KeyCombination SAVE = shortcut(KeyCode.S);
  public static final KeyCombination SAVE_AS = shortcutShift(KeyCode.S);
  public static final KeyCombination TEMPLATES = shortcutShift(KeyCode.N);
  public static final KeyCombination QUIT = shortcut(KeyCode.Q);
  public static final KeyCombination UNDO = shortcut(KeyCode.Z);
  public static final KeyCombination REDO = shortcutShift(KeyCode.Z);
  public static final KeyCombination REDO_ALT = shortcut(KeyCode.Y);
  public static final KeyCombination CUT = shortcut(KeyCode.X);
  public static final KeyCombination COPY = shortcut(KeyCode.C);
  public static final KeyCombination PASTE = shortcut(KeyCode.V);
  public static final KeyCombination DUPLICATE = shortcut(KeyCode.D);
  public static final KeyCombination DELETE = new KeyCodeCombination(KeyCode.DELETE);
  public static final KeyCombination SELECT_ALL = shortcut(KeyCode.A);
  public static final KeyCombination ZOOM_IN = shortcut(KeyCode.EQUALS);
  public static final KeyCombination ZOOM_IN_ALT = shortcut(KeyCode.PLUS);
  public static final KeyCombination ZOOM_OUT = shortcut(KeyCode.MINUS);
  public static final KeyCombination ZOOM_RESET = shortcut(KeyCode.DIGIT0);
  public static final KeyCombination FIT = shortcut(KeyCode.DIGIT1);
  public static final KeyCombination AUTO_LAYOUT = shortcut(KeyCode.L);
  public static final KeyCombination TOGGLE_THEME = shortcutShift(KeyCode.T);
  public static final KeyCombination MINIMAP = shortcut(KeyCode.M);
  public static final KeyCombination HELP = new KeyCodeCombination(KeyCode.F1);

  /** Rows of the Keyboard shortcuts sheet: what it does, and the keys. */
  public static List<String[]> sheet() {
    return List.of(
        row("New pipeline", NEW), row("Open…", OPEN), row("Save", SAVE), row("Save As…", SAVE_AS),
        row("Templates…", TEMPLATES), row("Undo", UNDO), row("Redo", REDO), row("Redo (alternative)", REDO_ALT),
        row("Cut", CUT), row("Copy", COPY), row("Paste", PASTE), row("Duplicate", DUPLICATE),
        row("Delete selection", DELETE), row("Select all", SELECT_ALL), row("Zoom in", ZOOM_IN),
        row("Zoom out", ZOOM_OUT), row("Actual size", ZOOM_RESET), row("Fit to window", FIT),
        row("Auto layout", AUTO_LAYOUT), row("Light / dark theme", TOGGLE_THEME), row("Minimap", MINIMAP),
        new String[] {"Connect two nodes", "drag from an output port to an input port"},
        new String[] {"Pan", "drag the background, or scroll"},
        new String[] {"Zoom around the pointer", "Ctrl + scroll"},
        row("This sheet", HELP));
  }

  private static String[] row(String what, KeyCombination keys) {
    return new String[] {what, keys.getDisplayText()};
  }

  private static KeyCombination shortcut(KeyCode code) {
    return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN);
  }

  private static KeyCombination shortcutShift(KeyCode code) {
    return new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
  }
}
