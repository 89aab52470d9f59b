package dev.pipewright.app.cli;

/** Placeholder until the CLI lands; returns "unreadable input" for everything. */
public final class PipewrightCli {
  private PipewrightCli() {}

  public static int run(String[] args) {
    System.err.println("pipewright: the CLI is not built yet");
    return 2;
  }
}
