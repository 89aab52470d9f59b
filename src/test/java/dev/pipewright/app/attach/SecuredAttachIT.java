package dev.pipewright.app.attach;

import dev.pipewright.app.cli.CliConnect;
import dev.pipewright.app.connect.ConnectRestClient;
import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.app.monitor.MonitorTarget;
import dev.pipewright.canvas.layout.Layout;
import dev.pipewright.model.Cluster;
import dev.pipewright.model.Credentials;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.io.PipelineFile;
import dev.pipewright.monitor.Health;
import dev.pipewright.monitor.Monitor;
import dev.pipewright.monitor.MonitorSnapshot;
import dev.pipewright.monitor.connect.BasicAuthRestExtension;
import dev.pipewright.runtime.kafka.SecuredKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attaching to a real secured broker (SCRAM-SHA-512 over TLS) and a real Connect worker serving
 * https behind basic auth, every password a {@code ${file:…}} reference. One broker and one
 * worker for the class.
 */
class SecuredAttachIT {
  private static final String TOPIC = "shop.public.orders";

  @TempDir static Path dir;
  static SecuredKafka kafka;
  static Connect<StandaloneHerder> connect;
  static String connectUrl;
  static String connectPasswordRef;

  @BeforeAll
  static void startBrokerAndHttpsWorkerWithASink() throws Exception {
    kafka = SecuredKafka.start(dir.resolve("secured"));
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.plaintextBootstrap()))) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
    }
    Map<String, String> worker = kafka.httpsConnectWorker(dir.resolve("connect.offsets"));
    worker.put("rest.extension.classes", BasicAuthRestExtension.class.getName());
    connect = new ConnectStandalone().startConnect(worker);
    connectUrl = connect.rest().serverUrl().toString();
    createSink("audit");
    Path secrets = Files.writeString(dir.resolve("connect.properties"), "password=" + BasicAuthRestExtension.PASSWORD + "\n");
    connectPasswordRef = "${file:" + secrets + ":password}";
  }

  @AfterAll
  static void stop() {
    if (connect != null) {
      connect.stop();
      connect.awaitStop();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  /** SCRAM over TLS for Kafka with the password under {@code key}; Connect over https with basic auth. */
  private static Cluster cluster(String key, String connectPassword) {
    Cluster k = kafka.cluster(SecuredKafka.SASL_TLS, "SCRAM-SHA-512", key);
    return new Cluster(AttachViewModel.CLUSTER, k.bootstrapServers(), k.security(), connectUrl,
        new Credentials(BasicAuthRestExtension.USER, connectPassword), null);
  }

  @Test
  void attachOverScramAndHttpsImportsTheSinkAndTopicAndSavesReferencesOnly() throws Exception {
    Cluster cluster = cluster("scram", connectPasswordRef);
    Pipeline p = Layout.apply(AttachClient.read(cluster, Duration.ofSeconds(20)).pipeline());

    assertThat(p.node("audit").map(Node::kind)).contains(NodeKind.JSONL_FILE);
    assertThat(p.edges()).containsExactly(new Edge(TOPIC, "audit"));
    assertThat(p.node(TOPIC).flatMap(n -> n.property("partitions"))).contains("3");
    assertThat(p.cluster()).as("the cluster keeps its references").isEqualTo(cluster);

    Path file = dir.resolve("attached.yaml");
    PipelineFile.save(p, file);
    String yaml = Files.readString(file);
    assertThat(yaml).contains("protocol: SASL_SSL", "saslMechanism: SCRAM-SHA-512", "username: " + SecuredKafka.SCRAM_USER,
        "password: " + kafka.reference("scram"), "password: " + connectPasswordRef, "truststore: " + kafka.truststore());
    assertThat(yaml).doesNotContain(kafka.secret("scram")).doesNotContain(BasicAuthRestExtension.PASSWORD);
    assertThat(PipelineFile.load(file).cluster()).isEqualTo(cluster);
  }

  @Test
  void monitorStartedRightAfterAttachLogsInWithTheImportedCluster() throws Exception {
    Pipeline p = Layout.apply(AttachClient.read(cluster("scram", connectPasswordRef), Duration.ofSeconds(20)).pipeline());
    List<String> notes = new ArrayList<>();
    try (Monitor m = MonitorTarget.ownCluster(p).open(p, Duration.ofSeconds(1), notes::add)) {
      MonitorSnapshot s = m.pollOnce();
      assertThat(s.kafka().health()).as(s.kafka().health().reason()).isEqualTo(Health.GREEN);
      assertThat(s.connect().health().level()).as(s.connect().health().reason()).isNotEqualTo(Health.Level.RED);
      assertThat(s.connect().connector("audit")).isPresent();
    }
  }

  @Test
  void wrongKafkaPasswordIsOneSentenceWithoutThePassword() {
    assertThatThrownBy(() -> AttachClient.read(cluster("wrong", connectPasswordRef), Duration.ofSeconds(20)))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("Kafka at " + kafka.bootstrapServers(SecuredKafka.SASL_TLS) + " refused the login")
        .hasMessageContaining("check the SASL mechanism, user and password reference")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(kafka.secret("wrong")).doesNotContain("\n\tat "));
  }

  @Test
  void wrongConnectPasswordAndMissingTruststoreAreSentences() throws Exception {
    Path wrong = Files.writeString(dir.resolve("wrong.properties"), "password=not-it\n");
    assertThatThrownBy(() -> AttachClient.read(cluster("scram", "${file:" + wrong + ":password}"), Duration.ofSeconds(20)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("refused access (HTTP 401); check the connect username and password reference")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-it"));

    Cluster trusting = cluster("scram", connectPasswordRef);
    Cluster untrusting = new Cluster(trusting.name(), trusting.bootstrapServers(),
        new dev.pipewright.model.KafkaSecurity("SASL_SSL", "SCRAM-SHA-512", trusting.security().credentials(), null),
        connectUrl, trusting.connectAuth(), null);
    assertThatThrownBy(() -> AttachClient.read(untrusting, Duration.ofSeconds(20)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("TLS handshake with Kafka Connect at")
        .hasMessageContaining("set the cluster's security.truststore");
  }

  @Test
  void deployAndDiffReachTheHttpsWorkerThroughTheClusterTruststore() throws Exception {
    StringWriter err = new StringWriter();
    ConnectRestClient client = CliConnect.client(cluster("scram", connectPasswordRef), null, new PrintWriter(err, true))
        .orElseThrow(() -> new AssertionError(err.toString()));
    assertThat(client.connectors()).contains("audit");

    Cluster trusting = cluster("scram", connectPasswordRef);
    Cluster untrusting = new Cluster(trusting.name(), trusting.bootstrapServers(),
        new dev.pipewright.model.KafkaSecurity("SASL_SSL", "SCRAM-SHA-512", trusting.security().credentials(), null),
        connectUrl, trusting.connectAuth(), null);
    ConnectRestClient blind = CliConnect.client(untrusting, null, new PrintWriter(err, true)).orElseThrow();
    assertThatThrownBy(blind::connectors).isInstanceOf(IOException.class)
        .hasMessageContaining("TLS handshake with Kafka Connect at")
        .hasMessageContaining("set the cluster's security.truststore");

    Cluster missingFile = new Cluster(trusting.name(), trusting.bootstrapServers(),
        new dev.pipewright.model.KafkaSecurity("SASL_SSL", "SCRAM-SHA-512", trusting.security().credentials(),
            dir.resolve("no-such-ca.pem").toString()), connectUrl, trusting.connectAuth(), null);
    StringWriter why = new StringWriter();
    assertThat(CliConnect.client(missingFile, null, new PrintWriter(why, true))).isEmpty();
    assertThat(why.toString()).contains("no-such-ca.pem", "cannot be read");
  }

  private static void createSink(String name) throws Exception {
    String body = "{\"name\":\"" + name + "\",\"config\":{\"connector.class\":\"org.apache.kafka.connect.file.FileStreamSinkConnector\","
        + "\"tasks.max\":\"1\",\"topics\":\"" + TOPIC + "\",\"file\":\"" + dir.resolve(name + ".txt") + "\"}}";
    HttpResponse<String> resp = HttpClient.newBuilder().sslContext(kafka.trustingSslContext()).build().send(
        HttpRequest.newBuilder(URI.create(connectUrl + "connectors")).header("Content-Type", "application/json")
            .header("Authorization", BasicAuthRestExtension.HEADER).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(resp.statusCode()).as(resp.body()).isEqualTo(201);
  }
}
