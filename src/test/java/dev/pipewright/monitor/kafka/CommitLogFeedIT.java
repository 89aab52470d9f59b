package dev.pipewright.monitor.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.monitor.lag.GroupStatus;
import dev.pipewright.monitor.lag.PartitionStatus;
import dev.pipewright.runtime.kafka.EmbeddedKafka;
import dev.pipewright.runtime.kafka.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Burrow's STALL against a real broker: the commits are read from {@code __consumer_offsets}, so a
 * group that keeps committing the same offset is told apart from one that went silent.
 */
class CommitLogFeedIT {
  @TempDir static Path dir;
  static EmbeddedKafka kafka;
  static Admin admin;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = EmbeddedKafka.builder().dataDir(dir.resolve("kafka")).build().start();
    admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
    Topics.create(admin, new NewTopic("payments", 1, (short) 1));
    try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        records.add(new ProducerRecord<>("payments", 0, null, new byte[] {(byte) i}));
      }
      Topics.sendAll(p, records);
    }
  }

  @AfterAll
  static void stop() {
    admin.close();
    kafka.close();
  }

  static Properties props() {
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka.bootstrapServers());
    p.put("request.timeout.ms", "3000");
    p.put("default.api.timeout.ms", "5000");
    return p;
  }

  static KafkaConsumer<byte[], byte[]> consumerOf(String group) {
    return new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(), "group.id", group,
        "enable.auto.commit", "false"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  static PartitionStatus statusOf(KafkaLagReport r, String group) {
    return r.groups().stream().filter(g -> g.group().equals(group)).findFirst().orElseThrow()
        .partitions().get(0).status();
  }

  @Test
  void aGroupCommittingTheSameOffsetOverAndOverIsStalledWhilePollingAloneCannotTell() throws Exception {
    TopicPartition tp = new TopicPartition("payments", 0);
    List<PartitionStatus> withLog = new ArrayList<>();
    List<PartitionStatus> polledOnly = new ArrayList<>();
    try (KafkaLagCollector c = KafkaLagCollector.withCommitLog(props(), Clock.systemUTC(), Duration.ofSeconds(2));
        KafkaLagCollector plain = KafkaLagCollector.create(props(), Clock.systemUTC());
        KafkaConsumer<byte[], byte[]> stuck = consumerOf("settlement")) {
      stuck.assign(List.of(tp));
      stuck.commitSync(Map.of(tp, new OffsetAndMetadata(50))); // on a new broker, this creates the log
      assertThat(c.awaitCommitLog(Duration.ofSeconds(30))).as("reading __consumer_offsets").isTrue();
      // a consumer stuck on a poison record: alive, committing, never past offset 50
      for (int i = 0; i < 20 && !withLog.contains(PartitionStatus.STALL); i++) {
        stuck.commitSync(Map.of(tp, new OffsetAndMetadata(50)));
        Thread.sleep(200);
        KafkaLagReport report = c.poll(List.of("settlement"));
        withLog.add(statusOf(report, "settlement"));
        polledOnly.add(statusOf(plain.poll(List.of("settlement")), "settlement"));
        if (withLog.get(withLog.size() - 1) == PartitionStatus.STALL) {
          assertThat(report.groups().get(0).status()).isEqualTo(GroupStatus.ERR);
          assertThat(report.groups().get(0).partitions().get(0).lag()).isEqualTo(150);
        }
      }
      assertThat(c.commitLogProblem()).isEmpty();
    }
    assertThat(withLog).contains(PartitionStatus.STALL);
    // from polled offsets the same group is one commit seen once: OK until it counts as stopped
    assertThat(polledOnly).containsOnly(PartitionStatus.OK);
  }

  @Test
  void aGroupMovingForwardThroughItsBacklogStaysOk() throws Exception {
    TopicPartition tp = new TopicPartition("payments", 0);
    List<PartitionStatus> seen = new ArrayList<>();
    try (KafkaLagCollector c = KafkaLagCollector.withCommitLog(props(), Clock.systemUTC(), Duration.ofSeconds(2));
        KafkaConsumer<byte[], byte[]> moving = consumerOf("ledger")) {
      assertThat(c.awaitCommitLog(Duration.ofSeconds(30))).isTrue();
      moving.assign(List.of(tp));
      for (int i = 0; i < 12; i++) {
        // Each poll comes right after a commit, often before the log has shown it (the polled
        // offset then stands in for it: docs/decisions/0138), and half a second before the next
        // commit. With a sleep between commit and poll about as long as the window's span, Burrow's
        // STOP rule on a two-commit window came down to how long each poll took.
        moving.commitSync(Map.of(tp, new OffsetAndMetadata(20 + i * 15L)));
        seen.add(statusOf(c.poll(List.of("ledger")), "ledger"));
        Thread.sleep(500);
      }
    }
    assertThat(seen).containsOnly(PartitionStatus.OK);
  }
}
