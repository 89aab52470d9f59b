package dev.pipewright.app.cli;

import picocli.CommandLine.IVersionProvider;

/** The product version shown by {@code --version}; a test keeps it equal to the pom's. */
public final class Version implements IVersionProvider {
  public static final String VERSION = "0.1.0-SNAPSHOT";

  @Override
  public String[] getVersion() {
    return new String[] {
      "Pipewright " + VERSION,
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
