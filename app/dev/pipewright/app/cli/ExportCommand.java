package dev.pipewright.app.cli;

import dev.pipewright.exporters.ExportFormat;
import dev.pipewright.exporters.ExportOptions;
import dev.pipewright.exporters.ExportResult;
import dev.pipewright.exporters.Exports;
import dev.pipewright.model.Pipeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pipewright export FILE --format F --out DIR}: writes the deployable files of a pipeline.
 * A pipeline with validation errors is not exported: the errors are listed and nothing is written.
 * Exit 0 written, 1 findings, 2 unreadable input.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write Kafka Connect JSON, Terraform, Strimzi or Debezium Server files for a pipeline.")
public final class ExportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The pipeline file (.yaml).")
  Path file;

  @Option(names = "--format", required = true, paramLabel = "FORMAT",
      description = "connect|terraform|confluent|strimzi|debezium-server")
  String format;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "Folder to write; replaced as a whole once every file is written.")
  Path out;

  @Option(names = "--namespace", paramLabel = "NS", description = "Kubernetes namespace (strimzi; default kafka).")
  String namespace;

  @Option(names = "--connect-cluster", paramLabel = "NAME",
      description = "Strimzi KafkaConnect name (default <cluster>-connect).")
  String connectCluster;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outWriter = spec.commandLine().getOut();
    Optional<ExportFormat> f = ExportFormat.fromCli(format);
    if (f.isEmpty()) {
      err.println("Unknown format '" + format + "'. Use one of " + ExportFormat.names() + ".");
      return PipewrightCli.UNREADABLE;
    }
    Optional<Pipeline> p = PipelineInput.load(file, err).map(PipelineInput::pipeline);
    if (p.isEmpty()) {
      return PipewrightCli.UNREADABLE;
    }
    ExportOptions options = new ExportOptions(file.getFileName().toString(), namespace, connectCluster);
    try {
      ExportResult r = Exports.export(p.get(), f.get(), options, out);
      if (!r.ok()) {
        FindingPrinter.brief(file, r.errors(), err);
        err.println("Nothing was written to " + out + ".");
        return PipewrightCli.FINDINGS;
      }
      outWriter.println("Wrote " + r.written().size() + " files to " + out + " (" + f.get().cliName() + "):");
      r.written().forEach(w -> outWriter.println("  " + out.toAbsolutePath().normalize().relativize(w)));
      return PipewrightCli.OK;
    } catch (IOException e) {
      err.println("Could not write " + out + ": " + e.getMessage() + ". Check that the folder is writable.");
      return PipewrightCli.UNREADABLE;
    }
  }
}
