package dev.pipewright.app.cli;

import dev.pipewright.app.connect.ConfigDiff;
import dev.pipewright.app.connect.ConnectRestClient;
import dev.pipewright.app.connect.ConnectRestException;
import dev.pipewright.app.connect.KafkaTopicCreator;
import dev.pipewright.app.connect.KafkaTopicReader;
import dev.pipewright.app.connect.TopicDiff;
import dev.pipewright.model.Cluster;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.connect.ConnectorConfigs;
import dev.pipewright.monitor.kafka.KafkaErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.common.KafkaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pipewright diff FILE --connect-url URL [--bootstrap-servers HOST:PORT]}: what a Connect
 * cluster runs that the drawing does not say, and the reverse, with plugin defaults and masked
 * secrets normalised away; with bootstrap servers (the option or the cluster's) also the topics:
 * partitions, replication factor and configs. Exit 0 no drift, 1 drift, 2 unreadable input or
 * unreachable cluster.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = "Compare the drawing with what a Kafka Connect cluster runs and what Kafka holds.")
public final class DiffCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The pipeline file (.yaml).")
  Path file;

  @Option(names = "--connect-url", paramLabel = "URL",
      description = "Kafka Connect REST URL (default: the cluster's connect.url in the file).")
  String connectUrl;

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
      description = "Kafka bootstrap servers to compare the topics with (default: the cluster's bootstrapServers).")
  String bootstrapServers;

  @Option(names = "--only-drawn", description = "Do not list connectors or topics the drawing does not have.")
  boolean onlyDrawn;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    Optional<Pipeline> loaded = PipelineInput.load(file, err).map(PipelineInput::pipeline);
    if (loaded.isEmpty()) {
      return PipewrightCli.UNREADABLE;
    }
    Pipeline p = loaded.get();
    Cluster c = p.cluster();
    String url = connectUrl != null ? connectUrl : c.connectUrl();
    String bootstrap = bootstrapServers != null ? bootstrapServers : c.embedded() ? null : c.bootstrapServers();
    boolean connectors = url != null && !url.isBlank();
    if (!connectors && bootstrap == null) {
      err.println("Cluster '" + c.name() + "' has no connect.url. Give --connect-url URL"
          + " (and --bootstrap-servers HOST:PORT to compare the topics too).");
      return PipewrightCli.UNREADABLE;
    }
    List<String> drift = new ArrayList<>();
    List<String> compared = new ArrayList<>();
    if (connectors) {
      Integer failed = compareConnectors(p, drift, compared, err);
      if (failed != null) {
        return failed;
      }
    } else {
      err.println("Connectors not compared: cluster '" + c.name() + "' has no connect.url (give --connect-url URL).");
    }
    if (bootstrap != null) {
      Integer failed = compareTopics(p, bootstrap, drift, compared, err);
      if (failed != null) {
        drift.forEach(out::println); // the connector drift found before Kafka failed still counts
        return failed;
      }
    } else {
      err.println("Topics not compared: cluster '" + c.name()
          + "' has no bootstrapServers (give --bootstrap-servers HOST:PORT).");
    }
    if (drift.isEmpty()) {
      out.println("No drift: " + String.join(" and ", compared) + " hold" + (compared.size() == 1 ? "s" : "")
          + " what " + file + " draws.");
      return PipewrightCli.OK;
    }
    drift.forEach(out::println);
    return PipewrightCli.FINDINGS;
  }

  private Integer compareConnectors(Pipeline p, List<String> drift, List<String> compared, PrintWriter err) {
    Optional<ConnectRestClient> client = CliConnect.client(p.cluster(), connectUrl, err);
    if (client.isEmpty()) {
      return PipewrightCli.UNREADABLE;
    }
    try {
      ConfigDiff.compare(ConnectorConfigs.forPipeline(p), client.get()).stream()
          .filter(d -> !onlyDrawn || d.kind() != ConfigDiff.Kind.NOT_DRAWN).map(ConfigDiff.Difference::describe)
          .forEach(drift::add);
      compared.add(client.get().baseUrl());
      return null;
    } catch (ConnectRestException e) {
      err.println(e.getMessage());
      return e.status() == 0 ? PipewrightCli.UNREADABLE : PipewrightCli.FINDINGS;
    } catch (IOException e) {
      err.println("Kafka Connect answered in a way Pipewright does not understand: " + e.getMessage());
      return PipewrightCli.UNREADABLE;
    }
  }

  private Integer compareTopics(Pipeline p, String bootstrap, List<String> drift, List<String> compared,
      PrintWriter err) {
    Properties props;
    try {
      props = KafkaTopicCreator.clientProperties(p.cluster(), bootstrap);
    } catch (IllegalStateException e) {
      err.println(e.getMessage());
      return PipewrightCli.UNREADABLE;
    }
    try (KafkaTopicReader reader = new KafkaTopicReader(props)) {
      TopicDiff.compare(p, reader).stream().filter(d -> !onlyDrawn || d.kind() != TopicDiff.Kind.NOT_DRAWN)
          .map(TopicDiff.Difference::describe).forEach(drift::add);
      compared.add("Kafka at " + bootstrap);
      return null;
    } catch (KafkaException e) {
      // Admin.create refuses an address it cannot parse or resolve, and also an unreadable truststore
      err.println(e.getCause() instanceof org.apache.kafka.common.config.ConfigException
          ? "'" + bootstrap + "' is not a list of Kafka bootstrap servers; write it like localhost:9092 ("
              + e.getMessage() + ")."
          : KafkaErrors.describe(e, bootstrap, "connecting to"));
      return PipewrightCli.UNREADABLE;
    } catch (IOException e) {
      err.println(e.getMessage());
      return PipewrightCli.UNREADABLE;
    }
  }
}
