package dev.pipewright.app.desktop;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The few things the desktop app remembers between runs: the theme, the recently opened files
 * (newest first, at most {@link #MAX_RECENT}) and whether the minimap is shown. Kept in a small
 * properties file under {@link AppHome}, rewritten atomically on every change; a missing or
 * unreadable file simply means the defaults.
 */
public final class DesktopPrefs {
  /** How many recent files the Open Recent menu lists. */
  public static final int MAX_RECENT = 10;

  private final Path file;
  private boolean dark;
  private boolean minimap = true;
  private final List<Path> recent = new ArrayList<>();

  private DesktopPrefs(Path file) {
    this.file = file;
  }

  /** Reads the preferences in {@code home}, falling back to defaults for anything missing. */
  public static DesktopPrefs load(AppHome home) {
    DesktopPrefs prefs = new DesktopPrefs(home.prefsFile());
    if (!Files.isRegularFile(prefs.file)) {
      return prefs;
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(prefs.file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException | IllegalArgumentException e) {
      // A damaged prefs file must never stop the app from starting; defaults are fine.
      return prefs;
    }
    prefs.dark = "dark".equals(p.getProperty("theme"));
    prefs.minimap = !"false".equals(p.getProperty("minimap"));
    for (int i = 0; i < MAX_RECENT; i++) {
      String s = p.getProperty("recent." + i);
      if (s != null && !s.isBlank()) {
        prefs.recent.add(Path.of(s));
      }
    }
    return prefs;
  }

  public boolean darkTheme() {
    return dark;
  }

  public void setDarkTheme(boolean value) {
    dark = value;
    store();
  }

  public boolean minimap() {
    return minimap;
  }

  public void setMinimap(boolean value) {
    minimap = value;
    store();
  }

  /** Recently opened or saved files, newest first. */
  public List<Path> recentFiles() {
    return List.copyOf(recent);
  }

  /** Moves {@code path} to the top of the recent files. */
  public void addRecent(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    recent.remove(abs);
    recent.add(0, abs);
    while (recent.size() > MAX_RECENT) {
      recent.remove(recent.size() - 1);
    }
    store();
  }

  public void removeRecent(Path path) {
    if (recent.remove(path.toAbsolutePath().normalize())) {
      store();
    }
  }

  private void store() {
    Properties p = new Properties();
    p.setProperty("theme", dark ? "dark" : "light");
    p.setProperty("minimap", Boolean.toString(minimap));
    for (int i = 0; i < recent.size(); i++) {
      p.setProperty("recent." + i, recent.get(i).toString());
    }
    StringWriter w = new StringWriter();
    try {
      p.store(w, "Pipewright desktop preferences");
      AppHome.writeAtomically(file, w.toString());
    } catch (IOException e) {
      // Preferences are a convenience: losing one change is better than failing the edit.
      System.err.println("pipewright: could not save preferences to " + file + ": " + e.getMessage());
    }
  }
}
