package dev.pipewright.app.cli;

import dev.pipewright.app.desktop.DesktopApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pipewright app [--open FILE] [--screenshot PNG]}: the desktop designer. */
@Command(name = "app", mixinStandardHelpOptions = true,
    description = "Open the desktop designer. With --screenshot, render the main window to a PNG and exit "
        + "(no display needed).")
public final class AppCommand implements Callable<Integer> {
  @Option(names = "--open", paramLabel = "FILE", description = "Pipeline file to open.")
  Path open;

  @Option(names = "--screenshot", paramLabel = "PNG",
      description = "Render the main window with the pipeline to this PNG file and exit.")
  Path screenshot;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (open != null && !Files.isRegularFile(open)) {
      spec.commandLine().getErr().println(open + ": no such file. Check the path.");
      return PipewrightCli.UNREADABLE;
    }
    try {
      DesktopApp.launch(open, screenshot);
    } catch (IllegalStateException e) {
      // The desktop reports an unreadable file with the loader's located message.
      spec.commandLine().getErr().println(e.getMessage());
      return PipewrightCli.UNREADABLE;
    }
    return PipewrightCli.OK;
  }
}
