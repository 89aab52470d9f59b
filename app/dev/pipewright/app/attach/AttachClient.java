package dev.pipewright.app.attach;

import dev.pipewright.model.Cluster;
import dev.pipewright.model.KafkaSecurity;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.connect.ConnectorConfigs;
import dev.pipewright.monitor.MonitorConfigException;
import dev.pipewright.monitor.connect.ConnectHttp;
import dev.pipewright.monitor.kafka.KafkaClientConfig;
import dev.pipewright.monitor.kafka.KafkaErrors;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;

/**
 * Reads a running pipeline: the deployed connectors from a Kafka Connect worker and the topics
 * from its broker, and hands them to {@link ConnectImport}. It connects as the monitor does
 * (the cluster's SASL/TLS settings, Connect over https with basic auth), resolving password
 * references only for the connection. Blocking; run it off the UI thread. Failures come back as
 * {@link IOException}s whose message is one sentence naming the address (never a password).
 */
public final class AttachClient {
  private AttachClient() {}

  /** Attaches to a PLAINTEXT broker and a Connect worker without authentication. */
  public static ConnectImport.Result read(String connectUrl, String bootstrap, Duration timeout) throws IOException {
    return read(new Cluster("attached", bootstrap, KafkaSecurity.PLAINTEXT, connectUrl, null, null), timeout);
  }

  /**
   * Reads the connectors at {@code cluster.connectUrl()} and the topics at its bootstrap servers.
   * The imported pipeline's cluster is {@code cluster} itself, references and all.
   */
  public static ConnectImport.Result read(Cluster cluster, Duration timeout) throws IOException {
    Properties p;
    String body;
    try {
      body = ConnectHttp.forCluster(cluster, null, timeout).get("/connectors?expand=info&expand=status");
      p = KafkaClientConfig.adminProperties(cluster, null);
    } catch (MonitorConfigException e) {
      throw new IOException(e.getMessage(), e);
    }
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "pipewright-attach");
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis()));
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(timeout.toMillis()));
    String bootstrap = cluster.bootstrapServers();
    try (Admin admin = Admin.create(p)) {
      Set<String> topics = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      ConnectImport.Result imported = ConnectImport.fromConnect("attached", cluster, body, topics);
      return new ConnectImport.Result(withPartitions(admin, imported.pipeline(), topics, timeout), imported.notes());
    } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
      String sentence = KafkaErrors.describe(e, bootstrap, "listing the topics of");
      throw new IOException(Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while reading the topics of Kafka at " + bootstrap, e);
    }
  }

  /** Copies each existing topic's partition count and replication factor onto its node. */
  private static Pipeline withPartitions(Admin admin, Pipeline p, Set<String> existing, Duration timeout)
      throws ExecutionException, InterruptedException, TimeoutException {
    List<String> names = new ArrayList<>();
    for (Node n : p.nodesOf(NodeKind.TOPIC)) {
      if (existing.contains(ConnectorConfigs.topicName(n))) {
        names.add(ConnectorConfigs.topicName(n));
      }
    }
    if (names.isEmpty()) {
      return p;
    }
    Map<String, TopicDescription> d = admin.describeTopics(names).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    List<Node> nodes = new ArrayList<>();
    for (Node n : p.nodes()) {
      TopicDescription td = n.kind() == NodeKind.TOPIC ? d.get(ConnectorConfigs.topicName(n)) : null;
      if (td == null) {
        nodes.add(n);
        continue;
      }
      Map<String, String> props = new TreeMap<>(n.properties());
      props.put("partitions", String.valueOf(td.partitions().size()));
      props.put("replication.factor", String.valueOf(td.partitions().get(0).replicas().size()));
      nodes.add(new Node(n.name(), n.kind(), n.position(), props));
    }
    return p.withNodes(nodes);
  }
}
