package dev.pipewright.app.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.app.cli.DiffCommand;
import dev.pipewright.app.diff.ClusterDiffViewModel;
import dev.pipewright.model.Cluster;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.connect.ConnectorConfigs;
import dev.pipewright.model.connect.TopicSpec;
import dev.pipewright.model.io.PipelineFile;
import dev.pipewright.runtime.kafka.EmbeddedKafka;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code pipewright diff} compares the drawn topics with a real Kafka broker (the embedded one):
 * clean after the topics are created as drawn, then each kind of topic drift made with Kafka's
 * Admin client shows up as one line, defaults normalised away.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopicDiffIT {
  @TempDir
  static Path work;
  static EmbeddedKafka kafka;
  static Pipeline drawn;
  static Admin admin;

  @BeforeAll
  static void startKafkaAndCreateTheDrawnTopics() throws Exception {
    kafka = EmbeddedKafka.builder().dataDir(work.resolve("kafka")).build().start();
    drawn = PipelineFile.load(Path.of("examples/local-trial.yaml"));
    try (KafkaTopicCreator creator = new KafkaTopicCreator(
        KafkaTopicCreator.clientProperties(drawn.cluster(), kafka.bootstrapServers()))) {
      for (TopicSpec t : ConnectorConfigs.topics(drawn)) {
        assertThat(creator.createIfMissing(t)).as(t.name()).isTrue();
      }
    }
    admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
    List<String> names = ConnectorConfigs.topics(drawn).stream().map(TopicSpec::name).toList();
    awaitBroker("the drawn topics", () -> admin.listTopics().names().get().containsAll(names));
  }

  /**
   * The broker applies a change a moment after the controller accepted it (the Admin call has
   * returned by then); a user comparing later sees it, so the test waits until the broker shows it.
   */
  static void awaitBroker(String what, Callable<Boolean> applied) throws Exception {
    for (int i = 0; i < 600; i++) {
      if (applied.call()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the broker never showed " + what);
  }

  static String config(String topic, String key) throws Exception {
    ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    return admin.describeConfigs(List.of(r)).all().get().get(r).get(key).value();
  }

  @AfterAll
  static void stopKafka() {
    if (admin != null) {
      admin.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  @Order(1)
  void topicsCreatedAsDrawnShowNoDrift() throws Exception {
    Path file = work.resolve("local-trial.yaml");
    PipelineFile.save(drawn, file);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(diff(out, err, file.toString(), "--bootstrap-servers", kafka.bootstrapServers()))
        .as(out + "\n" + err).isZero();
    assertThat(out.toString().strip())
        .isEqualTo("No drift: Kafka at " + kafka.bootstrapServers() + " holds what " + file + " draws.");
    assertThat(err.toString()).contains("Connectors not compared: cluster 'local' has no connect.url");
  }

  @Test
  @Order(2)
  void eachKindOfTopicDriftIsReportedOnceAndBrokerDefaultsAreNot() throws Exception {
    admin.createPartitions(Map.of("shop.public.orders", NewPartitions.increaseTo(6))).all().get(60, TimeUnit.SECONDS);
    ConfigResource customers = new ConfigResource(ConfigResource.Type.TOPIC, "shop.public.customers");
    admin.incrementalAlterConfigs(Map.of(customers, List.of(
        new AlterConfigOp(new ConfigEntry("retention.ms", "86400000"), AlterConfigOp.OpType.SET),
        new AlterConfigOp(new ConfigEntry("max.message.bytes", "2000000"), AlterConfigOp.OpType.SET),
        // the broker's own default, set explicitly: not a difference
        new AlterConfigOp(new ConfigEntry("compression.type", "producer"), AlterConfigOp.OpType.SET))))
        .all().get(60, TimeUnit.SECONDS);
    admin.deleteTopics(List.of("shop.dlq")).all().get(60, TimeUnit.SECONDS);
    admin.createTopics(List.of(new NewTopic("shop.public.payments", 1, (short) 1),
        new NewTopic("billing.invoices", 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
    awaitBroker("the changes", () -> {
      var names = admin.listTopics().names().get();
      return names.contains("shop.public.payments") && names.contains("billing.invoices") && !names.contains("shop.dlq")
          && admin.describeTopics(List.of("shop.public.orders")).allTopicNames().get().get("shop.public.orders")
              .partitions().size() == 6
          && "86400000".equals(config("shop.public.customers", "retention.ms"))
          && "2000000".equals(config("shop.public.customers", "max.message.bytes"));
    });

    // The cluster's bootstrapServers in the file is enough to compare the topics.
    Pipeline onThisBroker = drawn.withClusters(List.of(new Cluster("local", kafka.bootstrapServers(), null,
        null, null, null)));
    Path file = work.resolve("on-this-broker.yaml");
    PipelineFile.save(onThisBroker, file);
    StringWriter out = new StringWriter();
    assertThat(diff(out, new StringWriter(), file.toString())).as(out.toString()).isEqualTo(1);
    assertThat(out.toString().lines()).containsExactlyInAnyOrder(
        "topic shop.public.customers: max.message.bytes = '2000000' on the cluster, not in the drawing",
        "topic shop.public.customers: retention.ms is '604800000' in the drawing, '86400000' on the cluster",
        "topic shop.public.orders: partitions is '3' in the drawing, '6' on the cluster",
        "topic shop.dlq: drawn, but the cluster does not have it",
        "topic shop.public.payments: the cluster has it, but the drawing does not");

    StringWriter onlyDrawn = new StringWriter();
    assertThat(diff(onlyDrawn, new StringWriter(), file.toString(), "--only-drawn")).isEqualTo(1);
    assertThat(onlyDrawn.toString()).doesNotContain("shop.public.payments");
  }

  @Test
  @Order(3)
  void theDesktopCompareShowsTheSameTopicDriftOnTheTopicNodes() throws Exception {
    Pipeline onThisBroker = PipelineFile.load(work.resolve("on-this-broker.yaml"));
    // No Connect URL: the desktop compares only the topics of the pipeline's cluster.
    ClusterDiffViewModel.Outcome outcome = ClusterDiffViewModel.run(onThisBroker, work.resolve("on-this-broker.yaml"), "");
    assertThat(outcome.failed()).as(String.valueOf(outcome.error())).isFalse();
    assertThat(outcome.findings()).hasSize(5).allMatch(f -> f.ruleId().equals("PW-DRIFT"));
    assertThat(outcome.findings()).anySatisfy(f -> {
      assertThat(f.node()).isEqualTo("shop.public.orders");
      assertThat(f.field()).isEqualTo("partitions");
      assertThat(f.message()).isEqualTo("On the cluster, partitions is '6'; the drawing says '3'");
    });
    assertThat(outcome.findings()).anySatisfy(f -> {
      assertThat(f.node()).isEqualTo("shop.dlq");
      assertThat(f.message()).isEqualTo("Topic 'shop.dlq' is drawn but the cluster does not have it");
    });
    assertThat(outcome.summary("")).isEqualTo("5 differences between the drawing and the cluster (see Problems).");
  }

  @Test
  @Order(4)
  void aBrokerThatCannotBeReachedOrAMalformedAddressGivesOneSentence() throws Exception {
    Path file = work.resolve("local-trial.yaml");
    StringWriter err = new StringWriter();
    assertThat(diff(new StringWriter(), err, file.toString(), "--bootstrap-servers", "127.0.0.1:1")).isEqualTo(2);
    assertThat(err.toString()).contains("Kafka at 127.0.0.1:1 cannot be reached").doesNotContain("\tat ");
    StringWriter malformed = new StringWriter();
    assertThat(diff(new StringWriter(), malformed, file.toString(), "--bootstrap-servers", "not a host")).isEqualTo(2);
    assertThat(malformed.toString()).contains("'not a host' is not a list of Kafka bootstrap servers")
        .doesNotContain("\tat ");
  }

  private static int diff(StringWriter out, StringWriter err, String... args) {
    CommandLine cl = new CommandLine(new DiffCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }
}
