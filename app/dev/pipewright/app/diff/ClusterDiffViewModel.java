package dev.pipewright.app.diff;

import dev.pipewright.app.cli.CliConnect;
import dev.pipewright.app.connect.ConfigDiff;
import dev.pipewright.app.connect.ConfigDiff.Difference;
import dev.pipewright.app.connect.ConnectRestClient;
import dev.pipewright.app.connect.ConnectRestException;
import dev.pipewright.app.connect.KafkaTopicCreator;
import dev.pipewright.app.connect.KafkaTopicReader;
import dev.pipewright.app.connect.TopicDiff;
import dev.pipewright.app.desktop.TaskExecutor;
import dev.pipewright.model.Finding;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.Severity;
import dev.pipewright.model.connect.ConnectorConfigs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.common.KafkaException;

/**
 * Compares the drawn pipeline with a Kafka Connect cluster (and, when the pipeline's cluster has
 * bootstrap servers, with its Kafka topics) off the UI thread and turns each difference into a
 * {@code PW-DRIFT} warning on the node it concerns. Secret values never appear in a finding; a
 * cluster that cannot be reached gives one sentence, never an exception.
 */
public final class ClusterDiffViewModel {
  /** The rule id of every drift finding. */
  public static final String RULE = "PW-DRIFT";

  /** What a comparison gave: the drift findings (maybe none), or why it could not run. */
  public record Outcome(List<Finding> findings, String error) {
    public boolean failed() {
      return error != null;
    }

    /** One sentence for the status line or a dialog. */
    public String summary(String url) {
      if (failed()) {
        return error;
      }
      String where = url == null || url.isBlank() ? "the cluster" : url;
      return findings.isEmpty() ? "No drift: " + where + " runs what the drawing says."
          : findings.size() + " difference" + (findings.size() == 1 ? "" : "s") + " between the drawing and "
              + where + " (see Problems).";
    }
  }

  private final TaskExecutor tasks;

  public ClusterDiffViewModel(TaskExecutor tasks) {
    this.tasks = tasks;
  }

  /** The Connect URL to suggest: the pipeline cluster's {@code connect.url}, or empty. */
  public static String defaultUrl(Pipeline p) {
    String url = p.cluster() == null ? null : p.cluster().connectUrl();
    return url == null ? "" : url;
  }

  /** Runs the comparison in the background; {@code onDone} gets the outcome on the UI thread. */
  public void compare(Pipeline p, Path file, String url, Consumer<Outcome> onDone) {
    tasks.submit(() -> run(p, file, url), onDone,
        e -> onDone.accept(new Outcome(List.of(), "The comparison failed: " + e.getMessage())));
  }

  /**
   * The comparison itself, on the calling thread: the connectors when a Connect URL is given,
   * the topics when the pipeline's cluster has bootstrap servers.
   */
  public static Outcome run(Pipeline p, Path file, String url) {
    String u = url == null ? "" : url.trim();
    boolean topics = p.cluster() != null && !p.cluster().embedded();
    if (u.isEmpty() && !topics) {
      return new Outcome(List.of(), "Give the Kafka Connect URL to compare with, e.g. http://localhost:8083.");
    }
    List<Finding> out = new ArrayList<>();
    if (!u.isEmpty()) {
      try {
        StringWriter why = new StringWriter();
        Optional<ConnectRestClient> client = CliConnect.client(p.cluster(), u, new PrintWriter(why, true));
        if (client.isEmpty()) {
          return new Outcome(List.of(), why.toString().strip());
        }
        List<Difference> diffs = ConfigDiff.compare(ConnectorConfigs.forPipeline(p), client.get());
        out.addAll(findings(p, diffs, file, u));
      } catch (ConnectRestException e) {
        return new Outcome(List.of(), e.getMessage()); // already one sentence, e.g. "… cannot be reached."
      } catch (IOException e) {
        return new Outcome(List.of(), "Kafka Connect at " + u + " answered in a way Pipewright does not understand: "
            + e.getMessage());
      } catch (IllegalArgumentException e) {
        return new Outcome(List.of(), "'" + u + "' is not a URL Pipewright can call; write it like "
            + "http://localhost:8083.");
      }
    }
    if (topics) {
      out.addAll(topicDrift(p, file));
    }
    return new Outcome(out, null);
  }

  // A topic comparison that cannot run is one warning beside the connector findings, not a failure of both.
  private static List<Finding> topicDrift(Pipeline p, Path file) {
    String bootstrap = p.cluster().bootstrapServers();
    try (KafkaTopicReader reader = new KafkaTopicReader(KafkaTopicCreator.clientProperties(p.cluster(), bootstrap))) {
      return topicFindings(p, TopicDiff.compare(p, reader), file);
    } catch (IOException | IllegalStateException | KafkaException e) {
      return List.of(Finding.onPipeline(RULE, Severity.WARNING, "Topics not compared: " + e.getMessage(),
          "Check the cluster's bootstrapServers and security, then compare again."));
    }
  }

  /** One warning per topic difference, placed on the drawn topic node (the pipeline if none). */
  public static List<Finding> topicFindings(Pipeline p, List<TopicDiff.Difference> diffs, Path file) {
    Map<String, String> nodeOfTopic = new HashMap<>();
    for (Node n : p.nodesOf(NodeKind.TOPIC)) {
      nodeOfTopic.put(ConnectorConfigs.topicName(n), n.name());
    }
    String name = file == null ? "FILE" : file.getFileName().toString();
    String create = "Deploy with `pipewright deploy " + name + "`, which creates missing topics, or update the drawing.";
    String alter = "Change the topic on the cluster (kafka-topics.sh --alter, kafka-configs.sh), or update the drawing.";
    List<Finding> out = new ArrayList<>();
    for (TopicDiff.Difference d : diffs) {
      String message = switch (d.kind()) {
        case NOT_CREATED -> "Topic '" + d.topic() + "' is drawn but the cluster does not have it";
        case NOT_DRAWN -> "Topic '" + d.topic() + "' is on the cluster under a drawn capture's prefix but is not drawn";
        case CHANGED -> "On the cluster, " + d.key() + " is " + show(d.cluster()) + "; the drawing says "
            + show(d.drawn());
        case ONLY_ON_CLUSTER -> "On the cluster, " + d.key() + " is " + show(d.cluster())
            + "; the drawing does not set it";
        case ONLY_IN_DRAWING -> "The cluster does not know the topic config " + d.key() + "; the drawing says "
            + show(d.drawn());
      };
      String fix = d.kind() == TopicDiff.Kind.NOT_CREATED ? create : alter;
      String node = nodeOfTopic.get(d.topic());
      out.add(node == null ? Finding.onPipeline(RULE, Severity.WARNING, message, fix)
          : Finding.onNode(RULE, Severity.WARNING, node, d.key(), message, fix));
    }
    return out;
  }

  /** One warning per difference, placed on the drawn node of its connector (the pipeline if none). */
  public static List<Finding> findings(Pipeline p, List<Difference> diffs, Path file, String url) {
    Map<String, String> nodeOfConnector = new HashMap<>();
    for (Node n : p.nodes()) {
      if (ConnectorConfigs.isConnectorNode(p, n)) {
        nodeOfConnector.put(ConnectorConfigs.forNode(p, n).name(), n.name());
      }
    }
    String fix = "Deploy with `pipewright deploy " + (file == null ? "FILE" : file.getFileName().toString())
        + " --connect-url " + url + "`, or update the drawing.";
    List<Finding> out = new ArrayList<>();
    for (Difference d : diffs) {
      String node = nodeOfConnector.get(d.connector());
      String field = d.key();
      String message = switch (d.kind()) {
        case NOT_DEPLOYED -> "Connector '" + d.connector() + "' is drawn but not deployed";
        case NOT_DRAWN -> "Connector '" + d.connector() + "' runs on the cluster but is not drawn";
        case CHANGED -> "On the cluster, " + d.key() + " is " + show(d.cluster()) + "; the drawing says "
            + show(d.drawn());
        case ONLY_ON_CLUSTER -> "On the cluster, " + d.key() + " is " + show(d.cluster())
            + "; the drawing does not set it";
        case ONLY_IN_DRAWING -> "On the cluster, " + d.key() + " is not set; the drawing says " + show(d.drawn());
      };
      out.add(node == null ? Finding.onPipeline(RULE, Severity.WARNING, message, fix)
          : Finding.onNode(RULE, Severity.WARNING, node, field, message, fix));
    }
    return out;
  }

  // ConfigDiff leaves secret values null, so a secret shows as a word, never as its value.
  private static String show(String v) {
    return v == null ? "a secret" : "'" + v + "'";
  }
}
