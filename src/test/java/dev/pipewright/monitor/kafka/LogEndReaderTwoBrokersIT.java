package dev.pipewright.monitor.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.runtime.kafka.EmbeddedKafka;
import dev.pipewright.runtime.kafka.TopicLeaders;
import dev.pipewright.runtime.kafka.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log-end reader against a cluster of two brokers, each leading half of a topic's partitions:
 * one ListOffsets per leader, and a leader that goes away costs only its own partitions.
 */
class LogEndReaderTwoBrokersIT {
  @TempDir static Path dir;
  static EmbeddedKafka first;
  static EmbeddedKafka second;
  static final List<TopicPartition> ALL = List.of(new TopicPartition("halves", 0), new TopicPartition("halves", 1),
      new TopicPartition("halves", 2), new TopicPartition("halves", 3));

  @BeforeAll
  static void start() throws Exception {
    first = EmbeddedKafka.builder().dataDir(dir.resolve("first")).build().start();
    // a broker-only node of the same cluster, voting with the first one's controller
    Files.createDirectories(dir.resolve("second"));
    Files.copy(dir.resolve("first").resolve("cluster.id"), dir.resolve("second").resolve("cluster.id"));
    int port = LogEndReaderIT.portNobodyListensOn();
    second = EmbeddedKafka.builder().dataDir(dir.resolve("second")).port(port)
        .brokerConfig("process.roles", "broker")
        .brokerConfig("node.id", "2")
        .brokerConfig("controller.quorum.voters", "1@127.0.0.1:" + first.controllerPort())
        .brokerConfig("listeners", "PLAINTEXT://127.0.0.1:" + port)
        .build().start();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", first.bootstrapServers()))) {
      Topics.create(admin, new NewTopic("halves", Map.of(0, List.of(1), 1, List.of(2), 2, List.of(1), 3, List.of(2))));
    }
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", first.bootstrapServers(),
        "acks", "all", "linger.ms", "0"), new ByteArraySerializer(), new ByteArraySerializer())) {
      int[] counts = {3, 11, 0, 7};
      List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
      for (int p = 0; p < counts.length; p++) {
        for (int i = 0; i < counts[p]; i++) {
          records.add(new ProducerRecord<>("halves", p, null, new byte[] {(byte) i}));
        }
      }
      Topics.sendAll(producer, records);
    }
  }

  @AfterAll
  static void stop() {
    second.close();
    first.close();
  }

  static Map<TopicPartition, Long> consumerEnds() {
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers", first.bootstrapServers()),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      return c.endOffsets(ALL);
    }
  }

  static LogEndReader reader() {
    Properties p = new Properties();
    p.put("bootstrap.servers", first.bootstrapServers());
    p.put("request.timeout.ms", "3000");
    p.put("reconnect.backoff.max.ms", "500");
    return new LogEndReader(KafkaClientConfig.consumerProperties(p, "pipewright-lag-ends"));
  }

  @Test
  void eachLeaderAnswersItsHalfAndOneThatGoesAwayCostsOnlyItsOwn() {
    Map<TopicPartition, Long> truth = consumerEnds();
    assertThat(truth).containsEntry(new TopicPartition("halves", 1), 11L).containsEntry(new TopicPartition("halves", 3), 7L);
    try (LogEndReader r = reader()) {
      r.track(ALL);
      Map<TopicPartition, Long> ends = new HashMap<>();
      r.read(ALL, 30_000, (t, p, o) -> ends.put(new TopicPartition(t, p), o));
      assertThat(ends).isEqualTo(truth);

      second.close();
      Map<TopicPartition, Long> partial = new HashMap<>();
      assertThatThrownBy(() -> r.read(ALL, 10_000, (t, p, o) -> partial.put(new TopicPartition(t, p), o)))
          .isInstanceOf(TimeoutException.class)
          .hasMessage("the log ends of 2 partitions were not read within 10000 ms");
      // the first broker's half was answered, not held back by the other one's failure
      assertThat(partial).isEqualTo(Map.of(new TopicPartition("halves", 0), 3L, new TopicPartition("halves", 2), 0L));

      second.start();
      Map<TopicPartition, Long> back = new HashMap<>();
      r.read(new ArrayList<>(ALL), 60_000, (t, p, o) -> back.put(new TopicPartition(t, p), o));
      assertThat(back).isEqualTo(truth);
    }
  }

  /** {@link TopicLeaders} (decision 0137) waits for the leaders themselves, not for the topic's record. */
  @Test
  void waitingForTheLeadersEndsOnlyWhenTheBrokerLeadingHalfTheTopicServesIt() throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", first.bootstrapServers(),
        "request.timeout.ms", "2000", "reconnect.backoff.max.ms", "500"))) {
      TopicLeaders.await(admin, List.of("halves"), Duration.ofSeconds(30));

      second.close();
      assertThatThrownBy(() -> TopicLeaders.await(admin, List.of("halves"), Duration.ofSeconds(3)))
          .isInstanceOf(java.util.concurrent.TimeoutException.class)
          .hasMessage("the leaders of halves did not answer within 3000 ms");

      second.start();
      TopicLeaders.await(admin, List.of("halves"), Duration.ofSeconds(60));
      assertThat(consumerEnds()).as("every partition answers again").hasSize(4);
    }
  }
}
