package dev.pipewright.monitor.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.runtime.kafka.EmbeddedKafka;
import dev.pipewright.runtime.kafka.Topics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lag collector's log-end reader against a real broker, checked against a Kafka consumer's {@code endOffsets}. */
class LogEndReaderIT {
  @TempDir static Path dir;
  static EmbeddedKafka kafka;
  static KafkaProducer<byte[], byte[]> producer;
  static Admin admin;
  static KafkaConsumer<byte[], byte[]> consumer;

  @BeforeAll
  static void start() throws Exception {
    kafka = EmbeddedKafka.builder().dataDir(dir.resolve("kafka")).build().start();
    producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all", "linger.ms", "0"),
        new ByteArraySerializer(), new ByteArraySerializer());
    admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
    consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()), new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
    Topics.create(admin, new NewTopic("ends-a", 3, (short) 1), new NewTopic("ends-b", 2, (short) 1));
  }

  @AfterAll
  static void stop() {
    consumer.close();
    producer.close();
    admin.close();
    kafka.close();
  }

  static void produce(String topic, int partition, int count) throws Exception {
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      records.add(new ProducerRecord<>(topic, partition, null, new byte[] {(byte) i}));
    }
    Topics.sendAll(producer, records);
  }

  static LogEndReader reader(String bootstrap) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("request.timeout.ms", "3000");
    return new LogEndReader(KafkaClientConfig.consumerProperties(p, "pipewright-lag-ends"));
  }

  static Map<TopicPartition, Long> read(LogEndReader r, List<TopicPartition> partitions, long timeoutMs) {
    Map<TopicPartition, Long> ends = new HashMap<>();
    r.read(partitions, timeoutMs, (topic, partition, offset) -> ends.put(new TopicPartition(topic, partition), offset));
    return ends;
  }

  static long requests(LogEndReader r) {
    for (Map.Entry<MetricName, ? extends Metric> e : r.metrics().entrySet()) {
      if (e.getKey().name().equals("request-total") && e.getKey().group().equals("pipewright-lag-ends-metrics")) {
        return ((Number) e.getValue().metricValue()).longValue();
      }
    }
    throw new AssertionError("no request-total metric");
  }

  static int portNobodyListensOn() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  static List<TopicPartition> partitions(String topic, int n) {
    List<TopicPartition> out = new ArrayList<>();
    for (int p = 0; p < n; p++) {
      out.add(new TopicPartition(topic, p));
    }
    return out;
  }

  @Test
  void logEndsEqualAConsumersAndFollowNewRecordsWithOneRequestPerRead() throws Exception {
    produce("ends-a", 0, 12);
    produce("ends-a", 2, 3);
    produce("ends-b", 1, 40);
    List<TopicPartition> all = new ArrayList<>(partitions("ends-a", 3));
    all.addAll(partitions("ends-b", 2));
    try (LogEndReader r = reader(kafka.bootstrapServers())) {
      assertThat(read(r, all, 10_000)).isEqualTo(consumer.endOffsets(all)).containsEntry(new TopicPartition("ends-b", 1), 40L);
      produce("ends-a", 1, 5);
      produce("ends-b", 1, 2);
      long before = requests(r);
      // the same list again: the request built for it is sent as it is, and answers the new ends
      Map<TopicPartition, Long> again = read(r, all, 10_000);
      assertThat(again).isEqualTo(consumer.endOffsets(all))
          .containsEntry(new TopicPartition("ends-a", 1), 5L).containsEntry(new TopicPartition("ends-b", 1), 42L);
      assertThat(requests(r) - before).isEqualTo(1);
    }
  }

  @Test
  void aTopicCreatedLaterIsReadWhenAsked() throws Exception {
    try (LogEndReader r = reader(kafka.bootstrapServers())) {
      assertThat(read(r, partitions("ends-a", 3), 10_000)).hasSize(3);
      Topics.create(admin, new NewTopic("ends-late", 2, (short) 1));
      produce("ends-late", 1, 7);
      List<TopicPartition> both = new ArrayList<>(partitions("ends-a", 3));
      both.addAll(partitions("ends-late", 2));
      assertThat(read(r, both, 10_000)).isEqualTo(consumer.endOffsets(both))
          .containsEntry(new TopicPartition("ends-late", 1), 7L);
    }
  }

  @Test
  void partitionsTheClusterDoesNotHaveAreLeftOutAndTheOthersAreRead() {
    try (LogEndReader r = reader(kafka.bootstrapServers())) {
      List<TopicPartition> asked = List.of(new TopicPartition("ends-b", 0), new TopicPartition("ends-b", 1),
          new TopicPartition("no-such-topic", 0), new TopicPartition("ends-b", 5));
      r.track(asked);
      // as the consumer-groups tool shows "-" for them: no log end, and no waiting for one until the
      // timeout (a group may keep offsets of a topic deleted since, or recreated with fewer partitions),
      // also on the next reads
      for (int read = 0; read < 3; read++) {
        assertThat(read(r, asked, 600_000)).containsOnlyKeys(new TopicPartition("ends-b", 0), new TopicPartition("ends-b", 1));
      }
    }
  }

  @Test
  void aBrokerThatIsNotThereEndsInATimeout() throws IOException {
    try (LogEndReader r = reader("127.0.0.1:" + portNobodyListensOn())) {
      assertThatThrownBy(() -> read(r, partitions("ends-a", 3), 1_000))
          .isInstanceOf(TimeoutException.class)
          .hasMessage("the log ends of 3 partitions were not read within 1000 ms");
    }
  }

  @Test
  void anInterruptedThreadStopsReadingAndKeepsItsInterrupt() throws IOException {
    try (LogEndReader r = reader("127.0.0.1:" + portNobodyListensOn())) {
      // the monitor's close interrupts its poll thread; a reader that missed it would retry for the whole timeout
      Thread.currentThread().interrupt();
      assertThatThrownBy(() -> read(r, partitions("ends-a", 3), 600_000)).isInstanceOf(InterruptException.class);
      assertThat(Thread.interrupted()).isTrue();
    }
  }

  @Test
  void aReadWhileTheBrokerIsAwayAnswersOnceItIsBack() throws Exception {
    List<TopicPartition> all = new ArrayList<>(partitions("ends-a", 3));
    all.addAll(partitions("ends-b", 2));
    try (LogEndReader r = reader(kafka.bootstrapServers())) {
      r.track(all);
      read(r, all, 10_000);
      kafka.close();
      // the reader's connection is gone and nothing listens: it retries with back-off until the
      // broker is back, then answers every partition (none lost to the failed attempts)
      CompletableFuture<Map<TopicPartition, Long>> during = CompletableFuture.supplyAsync(() -> read(r, all, 120_000));
      Thread.sleep(1_000);
      kafka.start();
      assertThat(during.get(120, TimeUnit.SECONDS)).isEqualTo(consumer.endOffsets(all));
    }
  }
}
