package dev.pipewright.app.cli;

import dev.pipewright.app.connect.ConfigDiff;
import dev.pipewright.app.connect.ConnectRestClient;
import dev.pipewright.app.connect.ConnectRestException;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.connect.ConnectorConfigs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pipewright diff FILE --connect-url URL}: what a Connect cluster runs that the drawing
 * does not say, and the reverse, with plugin defaults and masked secrets normalised away.
 * Exit 0 no drift, 1 drift, 2 unreadable input or unreachable cluster.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = "Compare the drawing with what a Kafka Connect cluster runs.")
public final class DiffCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The pipeline file (.yaml).")
  Path file;

  @Option(names = "--connect-url", paramLabel = "URL",
      description = "Kafka Connect REST URL (default: the cluster's connect.url in the file).")
  String connectUrl;

  @Option(names = "--only-drawn", description = "Do not list connectors the cluster runs for other pipelines.")
  boolean onlyDrawn;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    Optional<Pipeline> p = PipelineInput.load(file, err).map(PipelineInput::pipeline);
    if (p.isEmpty()) {
      return PipewrightCli.UNREADABLE;
    }
    Optional<ConnectRestClient> client = CliConnect.client(p.get().cluster(), connectUrl, err);
    if (client.isEmpty()) {
      return PipewrightCli.UNREADABLE;
    }
    try {
      List<ConfigDiff.Difference> diffs = ConfigDiff.compare(ConnectorConfigs.forPipeline(p.get()), client.get())
          .stream().filter(d -> !onlyDrawn || d.kind() != ConfigDiff.Kind.NOT_DRAWN).toList();
      if (diffs.isEmpty()) {
        out.println("No drift: " + client.get().baseUrl() + " runs what " + file + " draws.");
        return PipewrightCli.OK;
      }
      diffs.forEach(d -> out.println(d.describe()));
      return PipewrightCli.FINDINGS;
    } catch (ConnectRestException e) {
      err.println(e.getMessage());
      return e.status() == 0 ? PipewrightCli.UNREADABLE : PipewrightCli.FINDINGS;
    } catch (IOException e) {
      err.println("Kafka Connect answered in a way Pipewright does not understand: " + e.getMessage());
      return PipewrightCli.UNREADABLE;
    }
  }
}
