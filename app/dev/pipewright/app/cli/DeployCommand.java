package dev.pipewright.app.cli;

import dev.pipewright.app.connect.ConnectRestClient;
import dev.pipewright.app.connect.ConnectRestException;
import dev.pipewright.app.connect.ConnectorStatus;
import dev.pipewright.app.connect.Deployer;
import dev.pipewright.app.connect.KafkaTopicCreator;
import dev.pipewright.model.Cluster;
import dev.pipewright.model.Finding;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.lint.Linter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pipewright deploy FILE --connect-url URL}: creates missing topics and creates or updates
 * every connector with the same calls the exported {@code deploy.sh} makes. Idempotent.
 * Exit 0 deployed (and running, with {@code --wait}), 1 findings or a rejected/failed connector,
 * 2 unreadable input or unreachable cluster.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
    description = "Create the topics and create or update the connectors of a pipeline on a Connect cluster.")
public final class DeployCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The pipeline file (.yaml).")
  Path file;

  @Option(names = "--connect-url", paramLabel = "URL",
      description = "Kafka Connect REST URL (default: the cluster's connect.url in the file).")
  String connectUrl;

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
      description = "Kafka bootstrap servers for creating topics (default: the cluster's bootstrapServers).")
  String bootstrapServers;

  @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
      description = "Wait up to this long for every connector and task to be RUNNING.")
  int waitSeconds;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    Optional<Pipeline> loaded = PipelineInput.load(file, err).map(PipelineInput::pipeline);
    if (loaded.isEmpty()) {
      return PipewrightCli.UNREADABLE;
    }
    Pipeline p = loaded.get();
    List<Finding> errors = Linter.errors(p);
    if (!errors.isEmpty()) {
      FindingPrinter.brief(file, errors, err);
      err.println("Nothing was deployed.");
      return PipewrightCli.FINDINGS;
    }
    Cluster c = p.cluster();
    Optional<ConnectRestClient> client = CliConnect.client(c, connectUrl, err);
    if (client.isEmpty()) {
      return PipewrightCli.UNREADABLE;
    }
    String bootstrap = bootstrapServers != null ? bootstrapServers : c.bootstrapServers();
    if (bootstrap == null || bootstrap.isBlank()) {
      err.println("Cluster '" + c.name() + "' has no bootstrapServers. Give --bootstrap-servers HOST:PORT.");
      return PipewrightCli.UNREADABLE;
    }
    try (KafkaTopicCreator topics = new KafkaTopicCreator(KafkaTopicCreator.clientProperties(c, bootstrap))) {
      Deployer.deploy(p, client.get(), topics, out::println);
      if (waitSeconds > 0) {
        List<ConnectorStatus> statuses = Deployer.awaitRunning(p, client.get(), Duration.ofSeconds(waitSeconds));
        boolean allRunning = true;
        for (ConnectorStatus s : statuses) {
          out.println("status " + s.name() + ": " + s.state() + " " + s.tasks().stream()
              .map(t -> "task " + t.id() + " " + t.state()).toList()
              + (s.trace() != null ? " " + s.trace() : ""));
          allRunning &= s.running();
        }
        return allRunning ? PipewrightCli.OK : PipewrightCli.FINDINGS;
      }
      return PipewrightCli.OK;
    } catch (ConnectRestException e) {
      err.println(e.getMessage());
      return e.status() == 0 ? PipewrightCli.UNREADABLE : PipewrightCli.FINDINGS;
    } catch (IOException | IllegalStateException e) {
      err.println(e.getMessage());
      return PipewrightCli.UNREADABLE;
    }
  }
}
