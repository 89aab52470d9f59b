package dev.pipewright.app.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless command line: {@code pipewright validate | lint | export | run | monitor …} and
 * {@code pipewright app} for the desktop window. Exit codes are the same for every subcommand:
 * 0 ok, 1 findings (or a failed run), 2 unreadable input or bad usage.
 */
@Command(
    name = "pipewright",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Design, check, try and export change-data-capture pipelines.",
    subcommands = {
      CommandLine.HelpCommand.class,
      ValidateCommand.class,
      LintCommand.class,
      FormatCommand.class,
      ExportCommand.class,
      DeployCommand.class,
      DiffCommand.class,
      RunCommand.class,
      MonitorCommand.class,
      AppCommand.class,
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 findings or a failed run, 2 unreadable input or bad usage.",
      "Documentation: docs/pipeline-format.md, docs/lint-rules.md, docs/exports.md, docs/local-trial.md"
    })
public final class PipewrightCli implements Runnable {
  /** Exit code when everything is fine. */
  public static final int OK = 0;
  /** Exit code when the pipeline has findings, or a run failed. */
  public static final int FINDINGS = 1;
  /** Exit code when the input could not be read, or the command line was wrong. */
  public static final int UNREADABLE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    // "pipewright" alone: show what it can do rather than failing.
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the CLI with the process's standard streams. */
  public static int run(String[] args) {
    return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
  }

  /** Runs the CLI writing to the given streams; tests use this. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new PipewrightCli());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      // A bug must still read as a sentence, not as a stack trace.
      commandLine.getErr().println("pipewright: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
      return UNREADABLE;
    });
    return cl.execute(args);
  }
}
