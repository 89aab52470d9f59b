package dev.pipewright.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.model.Cluster;
import dev.pipewright.model.Credentials;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.monitor.connect.BasicAuthRestExtension;
import dev.pipewright.monitor.connect.ConnectReport;
import dev.pipewright.monitor.kafka.KafkaClientConfig;
import dev.pipewright.monitor.kafka.KafkaLagCollector;
import dev.pipewright.monitor.kafka.KafkaLagReport;
import dev.pipewright.monitor.lag.PartitionStatus;
import dev.pipewright.runtime.kafka.SecuredKafka;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The monitor against a real secured broker (SASL PLAIN, SCRAM, TLS, SASL over TLS) and a real
 * Connect worker serving https behind basic auth; credentials are {@code ${file:…}} and
 * {@code ${env:…}} references. One broker for the class.
 */
class SecuredClusterMonitorIT {
  private static final String TOPIC = "orders";
  private static final String SINK = "search";

  @TempDir static Path dir;
  static SecuredKafka kafka;

  @BeforeAll
  static void startBrokerWithALaggingGroup() throws Exception {
    kafka = SecuredKafka.start(dir.resolve("secured"));
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.plaintextBootstrap()));
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
            kafka.plaintextBootstrap(), "acks", "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
      admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
      for (int i = 0; i < 10; i++) {
        producer.send(new ProducerRecord<>(TOPIC, ("v" + i).getBytes(StandardCharsets.UTF_8))).get();
      }
      // the sink's group has read 4 of 10: lag 6
      admin.alterConsumerGroupOffsets("connect-" + SINK, Map.of(new TopicPartition(TOPIC, 0), new OffsetAndMetadata(4)))
          .all().get(30, TimeUnit.SECONDS);
    }
  }

  @AfterAll
  static void stop() {
    if (kafka != null) {
      kafka.close();
    }
  }

  private static Pipeline pipeline(Cluster cluster) {
    return Pipeline.empty("secured").withClusters(List.of(cluster)).withNode(Node.of(SINK, NodeKind.JSONL_FILE));
  }

  private static Monitor monitor(Pipeline p, List<String> notes) {
    return new Endpoints(null, null, null).monitor(p, Watchlist.of(p), Clock.systemUTC(), Duration.ofMillis(200),
        notes::add);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"SASL,PLAIN,plain", "SASL,SCRAM-SHA-512,scram", "TLS,,", "SASLTLS,SCRAM-SHA-512,scram"})
  void lagIsReadOverEachSecuredListenerWithFileReferences(String listener, String mechanism, String key) {
    Pipeline p = pipeline(kafka.cluster(listener, mechanism, key));
    try (Monitor m = monitor(p, new ArrayList<>())) {
      KafkaLagReport k = m.pollOnce().kafka();
      assertThat(k.health()).as(k.health().reason()).isEqualTo(Health.GREEN);
      assertThat(k.group("connect-" + SINK).orElseThrow().totalLag()).isEqualTo(6);
    }
  }

  @Test
  void aStalledGroupIsSeenThroughTheCommitLogOverSaslAndTls() throws Exception {
    Cluster cluster = kafka.cluster(SecuredKafka.SASL_TLS, "SCRAM-SHA-512", "scram");
    List<PartitionStatus> seen = new ArrayList<>();
    try (KafkaLagCollector c = KafkaLagCollector.withCommitLog(KafkaClientConfig.adminProperties(cluster, null),
            Clock.systemUTC(), Duration.ofSeconds(2));
        Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.plaintextBootstrap()))) {
      assertThat(c.awaitCommitLog(Duration.ofSeconds(60))).as("reading __consumer_offsets over SASL_SSL").isTrue();
      // the sink's group commits offset 4 over and over (e.g. stuck on a record it cannot write)
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline && !seen.contains(PartitionStatus.STALL)) {
        admin.alterConsumerGroupOffsets("connect-" + SINK, Map.of(new TopicPartition(TOPIC, 0), new OffsetAndMetadata(4)))
            .all().get(30, TimeUnit.SECONDS);
        Thread.sleep(300);
        KafkaLagReport r = c.poll(List.of("connect-" + SINK));
        assertThat(r.health().level()).as(r.health().reason()).isNotEqualTo(Health.Level.RED);
        seen.add(r.group("connect-" + SINK).orElseThrow().partitions().get(0).status());
      }
      assertThat(c.commitLogProblem()).isEmpty();
      // a stalled group puts the cluster's lag tile in amber, with the reason
      assertThat(c.poll(List.of("connect-" + SINK)).health().reason()).contains("connect-search", "ERR");
    }
    assertThat(seen).contains(PartitionStatus.STALL);
  }

  @Test
  void aCommitLogThatRefusesTheLoginIsReportedWithTheReason() throws Exception {
    Cluster wrong = kafka.cluster(SecuredKafka.SASL_TLS, "SCRAM-SHA-512", "wrong");
    try (KafkaLagCollector c = KafkaLagCollector.withCommitLog(KafkaClientConfig.adminProperties(wrong, null),
        Clock.systemUTC(), Duration.ofSeconds(2))) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (c.commitLogProblem().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(c.commitLogProblem()).hasValueSatisfying(reason -> assertThat(reason)
          .contains("refused the login", kafka.bootstrapServers(SecuredKafka.SASL_TLS))
          .doesNotContain(kafka.secret("wrong")));
    }
  }

  @Test
  void wrongPasswordIsRedWithTheReasonEveryPollAndIsNeverLogged() throws Exception {
    PrintStream err = System.err;
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    BlockingQueue<MonitorSnapshot> snaps = new LinkedBlockingQueue<>();
    try {
      System.setErr(new PrintStream(tee(captured, err), true, StandardCharsets.UTF_8));
      System.setOut(new PrintStream(tee(captured, out), true, StandardCharsets.UTF_8));
      Pipeline p = pipeline(kafka.cluster(SecuredKafka.SASL_TLS, "SCRAM-SHA-512", "wrong"));
      try (Monitor m = monitor(p, new ArrayList<>())) {
        m.addListener(snaps::add);
        m.start();
        for (int i = 0; i < 3; i++) {
          MonitorSnapshot s = snaps.poll(60, TimeUnit.SECONDS);
          assertThat(s).as("poll %d arrived", i + 1).isNotNull();
          assertThat(s.kafka().health().level()).isEqualTo(Health.Level.RED);
          assertThat(s.kafka().health().reason()).contains("refused the login", "Authentication failed",
              kafka.bootstrapServers(SecuredKafka.SASL_TLS));
        }
      }
    } finally {
      System.setErr(err);
      System.setOut(out);
    }
    String logs = captured.toString(StandardCharsets.UTF_8);
    assertThat(logs).doesNotContain(kafka.secret("wrong")).doesNotContain(kafka.secret("scram"));
    assertThat(snaps).allSatisfy(s -> assertThat(s.kafka().health().reason()).doesNotContain(kafka.secret("wrong")));
  }

  @Test
  void tlsWithoutTheTruststoreIsRedWithTheHandshakeReason() {
    Cluster trusting = kafka.cluster(SecuredKafka.TLS, null, null);
    Cluster untrusting = new Cluster("secured", trusting.bootstrapServers(),
        new dev.pipewright.model.KafkaSecurity("SSL", null, null, null), null, null, null);
    try (Monitor m = monitor(pipeline(untrusting), new ArrayList<>())) {
      Health h = m.pollOnce().kafka().health();
      assertThat(h.level()).isEqualTo(Health.Level.RED);
      assertThat(h.reason()).contains("TLS handshake", "truststore");
    }
  }

  /** {@code pipewright monitor} in a child JVM, its password from an environment variable. */
  @Test
  void cliReadsTheSaslPasswordFromTheEnvironmentAndNeverPrintsIt() throws Exception {
    Path file = dir.resolve("secured.yaml");
    Files.writeString(file, """
        apiVersion: pipewright/v1
        name: secured
        clusters:
          - name: prod
            bootstrapServers: %s
            security:
              protocol: SASL_SSL
              saslMechanism: SCRAM-SHA-512
              username: %s
              password: ${env:PW_TEST_KAFKA_PASSWORD}
              truststore: %s
        nodes:
          - name: %s
            kind: jsonl-file
        """.formatted(kafka.bootstrapServers(SecuredKafka.SASL_TLS), SecuredKafka.SCRAM_USER, kafka.truststore(), SINK));
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
        "dev.pipewright.app.Launcher", "monitor", file.toString(), "--once")
        .redirectErrorStream(true);
    pb.environment().put("PW_TEST_KAFKA_PASSWORD", kafka.secret("scram"));
    Process proc = pb.start();
    String output = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(proc.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(output).contains("Kafka GREEN").containsPattern("connect-search +orders +0 +4 +10 +6")
        .doesNotContain(kafka.secret("scram"));
  }

  @Test
  void connectOverHttpsIsReadWithTheClusterTruststoreAndRedWithoutIt() throws Exception {
    Map<String, String> worker = kafka.httpsConnectWorker(dir.resolve("connect.offsets"));
    worker.put("rest.extension.classes", BasicAuthRestExtension.class.getName());
    Connect<StandaloneHerder> connect = new ConnectStandalone().startConnect(worker);
    try {
      String url = connect.rest().serverUrl().toString();
      assertThat(url).startsWith("https://");
      createConnector(url, "audit-source", "org.apache.kafka.connect.file.FileStreamSourceConnector",
          "\"file\":\"" + Files.writeString(dir.resolve("audit.txt"), "one\n") + "\",\"topic\":\"audit\"");
      Path secrets = Files.writeString(dir.resolve("connect.properties"), "password=" + BasicAuthRestExtension.PASSWORD + "\n");
      Credentials auth = new Credentials(BasicAuthRestExtension.USER, "${file:" + secrets + ":password}");
      Cluster base = kafka.cluster(SecuredKafka.TLS, null, null);
      Cluster trusting = new Cluster("secured", base.bootstrapServers(), base.security(), url, auth, null);
      try (Monitor m = monitor(pipeline(trusting), new ArrayList<>())) {
        ConnectReport r = m.pollOnce().connect();
        long running = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < running && r.connector("audit-source").map(c -> !c.running()).orElse(true)) {
          Thread.sleep(100);
          r = m.pollOnce().connect();
        }
        assertThat(r.health()).as(r.health().reason()).isEqualTo(Health.GREEN);
        assertThat(r.connector("audit-source").orElseThrow().running()).isTrue();
      }
      Cluster untrusting = new Cluster("secured", kafka.plaintextBootstrap(), null, url, auth, null);
      try (Monitor m = monitor(pipeline(untrusting), new ArrayList<>())) {
        Health h = m.pollOnce().connect().health();
        assertThat(h.level()).isEqualTo(Health.Level.RED);
        assertThat(h.reason()).contains("TLS handshake with Kafka Connect at " + url.replaceAll("/$", ""), "truststore");
      }
      // Kafka without TLS, Connect signed by its own CA: connect.truststore alone is enough
      Cluster ownTrust = new Cluster("secured", kafka.plaintextBootstrap(), null, url, auth, null,
          kafka.truststore().toString());
      try (Monitor m = monitor(pipeline(ownTrust), new ArrayList<>())) {
        ConnectReport r = m.pollOnce().connect();
        assertThat(r.health()).as(r.health().reason()).isEqualTo(Health.GREEN);
      }
    } finally {
      connect.stop();
      connect.awaitStop();
    }
  }

  private static void createConnector(String url, String name, String cls, String config) throws Exception {
    String body = "{\"name\":\"" + name + "\",\"config\":{\"connector.class\":\"" + cls + "\",\"tasks.max\":\"1\","
        + config + "}}";
    HttpResponse<String> resp = HttpClient.newBuilder().sslContext(kafka.trustingSslContext()).build().send(
        HttpRequest.newBuilder(URI.create(url + "connectors")).header("Content-Type", "application/json")
            .header("Authorization", BasicAuthRestExtension.HEADER).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(resp.statusCode()).as(resp.body()).isEqualTo(201);
  }

  private static OutputStream tee(OutputStream a, OutputStream b) {
    return new OutputStream() {
      @Override
      public void write(int c) throws java.io.IOException {
        a.write(c);
        b.write(c);
      }

      @Override
      public void write(byte[] buf, int off, int len) throws java.io.IOException {
        a.write(buf, off, len);
        b.write(buf, off, len);
      }
    };
  }
}
