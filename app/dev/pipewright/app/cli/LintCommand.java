package dev.pipewright.app.cli;

import dev.pipewright.model.Finding;
import dev.pipewright.model.Severity;
import dev.pipewright.model.lint.Linter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pipewright lint FILE…}: validation errors and design warnings, as text or JSON. */
@Command(name = "lint", mixinStandardHelpOptions = true,
    description = "Check pipeline files against the design rules (docs/lint-rules.md).")
public final class LintCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format { text, json }

  /** Which findings make the exit code 1. */
  enum FailOn { error, warning, never }

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Pipeline YAML files.")
  List<Path> files;

  @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--fail-on", defaultValue = "warning",
      description = "Exit 1 on findings of this severity or worse: error, warning, never (default: ${DEFAULT-VALUE}).")
  FailOn failOn;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    boolean unreadable = false;
    boolean failing = false;
    List<FindingPrinter.FileFindings> all = new ArrayList<>();
    for (Path file : files) {
      Optional<PipelineInput> in = PipelineInput.load(file, err);
      if (in.isEmpty()) {
        unreadable = true;
        continue;
      }
      List<Finding> findings = Linter.check(in.get().pipeline());
      all.add(new FindingPrinter.FileFindings(in.get(), findings));
      for (Finding f : findings) {
        failing |= switch (failOn) {
          case error -> f.severity() == Severity.ERROR;
          case warning -> f.severity() != Severity.INFO;
          case never -> false;
        };
      }
    }
    if (format == Format.json) {
      FindingPrinter.json(out, all);
    } else {
      for (FindingPrinter.FileFindings ff : all) {
        if (ff.findings().isEmpty()) {
          out.println(ff.input().file() + ": no findings");
        } else {
          FindingPrinter.text(out, ff.input(), ff.findings());
        }
      }
      if (all.size() > 1) {
        out.println(FindingPrinter.totals(all));
      }
    }
    out.flush();
    if (unreadable) {
      return PipewrightCli.UNREADABLE;
    }
    return failing ? PipewrightCli.FINDINGS : PipewrightCli.OK;
  }
}
