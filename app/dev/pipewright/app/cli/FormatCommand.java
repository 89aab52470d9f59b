package dev.pipewright.app.cli;

import dev.pipewright.model.io.PipelineFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code pipewright fmt FILE…}: rewrites pipeline files in the canonical form the designer saves
 * (stable key order, sorted properties), so hand edits and app saves diff cleanly in git.
 */
@Command(name = "fmt", mixinStandardHelpOptions = true,
    description = "Rewrite pipeline files in canonical form. With --check, only report files that differ.")
public final class FormatCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Pipeline YAML files.")
  List<Path> files;

  @Option(names = "--check", description = "Change nothing; exit 1 if a file is not canonical.")
  boolean check;

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
      try {
        String canonical = PipelineFile.toYaml(in.get().pipeline());
        if (canonical.equals(Files.readString(file))) {
          continue;
        }
        if (check) {
          out.println(file + ": not in canonical form (run: pipewright fmt " + file + ")");
          exit = Math.max(exit, PipewrightCli.FINDINGS);
        } else {
          PipelineFile.save(in.get().pipeline(), file);
          out.println(file + ": formatted");
        }
      } catch (IOException e) {
        err.println(file + ": " + e.getMessage());
        exit = PipewrightCli.UNREADABLE;
      }
    }
    out.flush();
    return exit;
  }
}
