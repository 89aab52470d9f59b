package dev.pipewright.app.attach;

import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.connect.ConnectorConfigs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * from its broker, and hands them to {@link ConnectImport}. Blocking; run it off the UI thread.
 * Failures come back as {@link IOException}s with a sentence naming the address that failed.
 */
public final class AttachClient {
  private AttachClient() {}

  public static ConnectImport.Result read(String connectUrl, String bootstrap, Duration timeout) throws IOException {
    String base = connectUrl.endsWith("/") ? connectUrl.substring(0, connectUrl.length() - 1) : connectUrl;
    String body;
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/connectors?expand=info&expand=status"))
          .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IOException("Kafka Connect at " + base + " answered HTTP " + r.statusCode() + " to GET /connectors");
      }
      body = r.body();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading " + base, e);
    } catch (IllegalArgumentException | IOException e) {
      throw new IOException("Cannot read the connectors from Kafka Connect at " + base + ": " + e.getMessage(), e);
    }
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "pipewright-attach");
    try (Admin admin = Admin.create(p)) {
      Set<String> topics = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      ConnectImport.Result imported = ConnectImport.fromConnect("attached", bootstrap, base, body, topics);
      return new ConnectImport.Result(withPartitions(admin, imported.pipeline(), topics, timeout), imported.notes());
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("Cannot list the topics of Kafka at " + bootstrap + ": "
          + (e.getCause() == null ? e.toString() : e.getCause().getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading " + bootstrap, e);
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
