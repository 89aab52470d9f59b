package dev.pipewright.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesktopPrefsTest {
  @TempDir Path home;

  @Test
  void themeAndRecentFilesAreRememberedAcrossRuns() {
    AppHome h = new AppHome(home);
    DesktopPrefs first = DesktopPrefs.load(h);
    first.setDarkTheme(true);
    first.addRecent(home.resolve("a.yaml"));
    first.addRecent(home.resolve("b.yaml"));
    first.addRecent(home.resolve("a.yaml"));

    DesktopPrefs second = DesktopPrefs.load(h);

    assertThat(second.darkTheme()).isTrue();
    assertThat(second.recentFiles()).containsExactly(home.resolve("a.yaml"), home.resolve("b.yaml"));
  }

  @Test
  void recentFilesAreCappedNewestFirst() {
    DesktopPrefs prefs = DesktopPrefs.load(new AppHome(home));
    for (int i = 0; i < 15; i++) {
      prefs.addRecent(home.resolve("p" + i + ".yaml"));
    }

    assertThat(prefs.recentFiles()).hasSize(DesktopPrefs.MAX_RECENT).first().isEqualTo(home.resolve("p14.yaml"));
  }

  @Test
  void aDamagedPrefsFileMeansDefaults() throws Exception {
    AppHome h = new AppHome(home);
    Files.writeString(h.prefsFile(), "theme=dark\nrecent.0=\\u12");

    DesktopPrefs prefs = DesktopPrefs.load(h);

    assertThat(prefs.darkTheme()).isFalse();
    assertThat(prefs.recentFiles()).isEmpty();
  }

  @Test
  void homeComesFromTheSystemProperty() {
    String before = System.getProperty(AppHome.PROPERTY);
    try {
      System.setProperty(AppHome.PROPERTY, home.toString());
      assertThat(AppHome.fromSystem().prefsFile()).isEqualTo(home.resolve("desktop.properties"));
    } finally {
      if (before == null) {
        System.clearProperty(AppHome.PROPERTY);
      } else {
        System.setProperty(AppHome.PROPERTY, before);
      }
    }
  }
}
