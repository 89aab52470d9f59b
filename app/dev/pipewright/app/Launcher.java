package dev.pipewright.app;

import dev.pipewright.app.cli.PipewrightCli;

/**
 * The one entry point: {@code pipewright app …} opens the desktop window, every other command is
 * the headless CLI. It does not extend {@code Application}, so {@code java -cp …} can start it
 * without JavaFX on the module path.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    System.exit(PipewrightCli.run(args));
  }
}
