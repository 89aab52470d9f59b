package dev.pipewright.app.cli;

import dev.pipewright.model.Finding;
import dev.pipewright.model.lint.Linter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code pipewright validate FILE…}: can these pipelines run? Reports validation errors only. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check that pipeline files load and have no validation errors (the pipeline can run).")
public final class ValidateCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Pipeline YAML files.")
  List<Path> files;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    int exit = PipewrightCli.OK;
    for (Path file : files) {
      Optional<PipelineInput> in = PipelineInput.load(file, err);
      if (in.isEmpty()) {
        exit = PipewrightCli.UNREADABLE;
        continue;
      }
      List<Finding> errors = Linter.errors(in.get().pipeline());
      if (errors.isEmpty()) {
        out.println(file + ": valid (" + in.get().pipeline().nodes().size() + " nodes, "
            + in.get().pipeline().edges().size() + " edges)");
      } else {
        FindingPrinter.text(out, in.get(), errors);
        exit = Math.max(exit, PipewrightCli.FINDINGS);
      }
    }
    out.flush();
    return exit;
  }
}
