package dev.pipewright.monitor.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.app.cli.PipewrightCli;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.monitor.Health;
import dev.pipewright.monitor.Monitor;
import dev.pipewright.monitor.MonitorSnapshot;
import dev.pipewright.monitor.MutableClock;
import dev.pipewright.monitor.lag.GroupStatus;
import dev.pipewright.monitor.lag.PartitionStatus;
import dev.pipewright.monitor.lag.TimeLag;
import dev.pipewright.runtime.kafka.EmbeddedKafka;
import dev.pipewright.runtime.kafka.Topics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** Lag against a real broker, checked against Kafka's own consumer-groups tool. One broker for the class. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaLagCollectorIT {
  @TempDir static Path dir;
  static EmbeddedKafka kafka;
  static KafkaProducer<byte[], byte[]> producer;
  static Admin admin;

  @BeforeAll
  static void startKafka() {
    kafka = EmbeddedKafka.builder().dataDir(dir.resolve("kafka")).build().start();
    producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all", "linger.ms", "0"),
        new ByteArraySerializer(), new ByteArraySerializer());
    admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
  }

  @AfterAll
  static void stop() {
    producer.close();
    admin.close();
    kafka.close();
  }

  static void createTopic(String name, int partitions) throws Exception {
    Topics.create(admin, new NewTopic(name, partitions, (short) 1));
  }

  static void produce(String topic, int partition, int count) throws Exception {
    List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      records.add(new ProducerRecord<>(topic, partition, null, new byte[] {(byte) i}));
    }
    Topics.sendAll(producer, records);
  }

  /** A consumer of {@code group} that is paused where it stands: it commits and reads nothing more. */
  static void commit(String group, Map<TopicPartition, Long> offsets) {
    try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrapServers(),
        "group.id", group, "enable.auto.commit", "false"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      c.assign(offsets.keySet());
      c.pause(offsets.keySet());
      Map<TopicPartition, OffsetAndMetadata> m = new HashMap<>();
      offsets.forEach((tp, o) -> m.put(tp, new OffsetAndMetadata(o)));
      c.commitSync(m);
    }
  }

  static KafkaLagCollector collector(Clock clock) {
    return collector(clock, 3_000);
  }

  static KafkaLagCollector collector(Clock clock, int requestTimeoutMs) {
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka.bootstrapServers());
    p.put("request.timeout.ms", String.valueOf(requestTimeoutMs));
    p.put("default.api.timeout.ms", String.valueOf(requestTimeoutMs + 2_000));
    return KafkaLagCollector.create(p, clock);
  }

  @Test
  @Order(1)
  void lagPerPartitionEqualsWhatKafkaToolReports() throws Exception {
    createTopic("orders", 3);
    createTopic("customers", 2);
    int[] produced = {120, 45, 7};
    for (int p = 0; p < 3; p++) {
      produce("orders", p, produced[p]);
    }
    produce("customers", 0, 30);
    produce("customers", 1, 31);
    commit("search", Map.of(new TopicPartition("orders", 0), 100L, new TopicPartition("orders", 1), 45L,
        new TopicPartition("orders", 2), 1L, new TopicPartition("customers", 0), 10L));
    commit("cache", Map.of(new TopicPartition("customers", 0), 30L, new TopicPartition("customers", 1), 2L));
    produce("orders", 1, 5); // the producer goes on after the commit

    List<String> groups = List.of("search", "cache");
    try (KafkaLagCollector c = collector(Clock.systemUTC())) {
      KafkaLagReport report = c.poll(groups);
      ConsumerGroupsTool.Result tool = ConsumerGroupsTool.describe(kafka.bootstrapServers(), groups);

      assertThat(report.health().level()).isEqualTo(Health.Level.GREEN);
      List<ConsumerGroupsTool.Row> ours = new ArrayList<>();
      report.groups().forEach(g -> g.partitions().forEach(p -> ours.add(new ConsumerGroupsTool.Row(
          p.group(), p.topic(), p.partition(), p.committedOffset(), p.logEndOffset(), p.lag()))));
      assertThat(tool.rows()).as(tool.output()).hasSize(6);
      assertThat(ours).containsExactlyInAnyOrderElementsOf(tool.rows());
      assertThat(report.group("search").orElseThrow().totalLag()).isEqualTo(20 + 5 + 6 + 20);
    }
  }

  @Test
  @Order(2)
  void monitorCommandPrintsTheToolsFiguresAsJson() throws Exception {
    Path file = dir.resolve("lag-check.yaml");
    Files.writeString(file, """
        apiVersion: pipewright/v1
        name: lag-check
        environment: local
        clusters:
          - name: test
            bootstrapServers: %s
        nodes:
          - name: orders
            kind: topic
          - name: search
            kind: elasticsearch
            properties:
              consumer.override.group.id: search
        edges:
          - from: orders
            to: search
        """.formatted(kafka.bootstrapServers()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = PipewrightCli.run(new String[] {"monitor", file.toString(), "--once", "--format", "json"},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertThat(exit).as(err.toString()).isZero();
    JsonNode group = new ObjectMapper().readTree(out.toString()).path("kafka").path("groups").get(0);
    assertThat(group.path("group").asText()).isEqualTo("search");
    List<ConsumerGroupsTool.Row> printed = new ArrayList<>();
    for (JsonNode p : group.path("partitions")) {
      printed.add(new ConsumerGroupsTool.Row("search", p.path("topic").asText(), p.path("partition").asInt(),
          p.path("committedOffset").asLong(), p.path("logEndOffset").asLong(), p.path("lag").asLong()));
    }
    assertThat(printed).containsExactlyInAnyOrderElementsOf(
        ConsumerGroupsTool.describe(kafka.bootstrapServers(), List.of("search")).rows());
  }

  @Test
  @Order(3)
  void requestsPerPollDoNotGrowWithTheNumberOfGroups() throws Exception {
    createTopic("events", 4);
    for (int p = 0; p < 4; p++) {
      produce("events", p, 10);
    }
    List<String> many = new ArrayList<>();
    for (int g = 0; g < 12; g++) {
      many.add("reader-" + g);
      commit("reader-" + g, Map.of(new TopicPartition("events", g % 4), (long) g));
    }
    // a request timed out and sent again on a busy machine would count twice: give it time
    try (KafkaLagCollector c = collector(Clock.systemUTC(), 30_000)) {
      c.poll(many); // warm-up: the first poll also fetches topic metadata
      long one = c.poll(List.of("reader-0")).requests();
      KafkaLagReport all = c.poll(many);
      assertThat(all.groups()).hasSize(12);
      // FindCoordinator, OffsetFetch (all groups in one) and ListOffsets (all partitions in one)
      assertThat(all.requests()).as("requests for 12 groups vs %d for one", one).isEqualTo(one);
      assertThat(one).isLessThanOrEqualTo(3);
    }
  }

  @Test
  @Order(4)
  void steadyProducerAndConsumerHeldBackThirtySecondsReadsThirtySecondsOfLag() throws Exception {
    createTopic("steady", 1);
    TopicPartition tp = new TopicPartition("steady", 0);
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    try (KafkaLagCollector c = collector(clock)) {
      // 25 records per simulated second for 60 s; the collector samples once a second
      long heldBackAt = -1;
      for (int s = 1; s <= 60; s++) {
        produce("steady", 0, 25);
        clock.advance(Duration.ofSeconds(1));
        if (s == 30) {
          heldBackAt = 30L * 25;
          commit("slow", Map.of(tp, heldBackAt));
        }
        c.poll(List.of(s >= 30 ? "slow" : "nobody-yet"));
      }
      PartitionLag lag = c.poll(List.of("slow")).group("slow").orElseThrow().partitions().get(0);
      assertThat(lag.lag()).isEqualTo(30L * 25);
      // the log end passed offset 750 at simulated second 30; now is second 60
      assertThat(lag.lagSeconds().basis()).isEqualTo(TimeLag.Basis.INTERPOLATED);
      assertThat(lag.lagSeconds().seconds()).isCloseTo(30.0, within(3.0));
    }
  }

  @Test
  @Order(5)
  void caughtUpIdleGroupReadsZeroSecondsEvenHoursLater() throws Exception {
    createTopic("quiet", 2);
    produce("quiet", 0, 10);
    produce("quiet", 1, 3);
    commit("idle", Map.of(new TopicPartition("quiet", 0), 10L, new TopicPartition("quiet", 1), 3L));
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    try (KafkaLagCollector c = collector(clock)) {
      GroupLag g = null;
      for (int i = 0; i < 5; i++) {
        g = c.poll(List.of("idle")).group("idle").orElseThrow();
        clock.advance(Duration.ofHours(3));
      }
      assertThat(g.partitions()).allSatisfy(p -> {
        assertThat(p.lag()).isZero();
        assertThat(p.lagSeconds()).isEqualTo(TimeLag.CAUGHT_UP);
        assertThat(p.status()).isEqualTo(PartitionStatus.OK);
      });
      assertThat(g.status()).isEqualTo(GroupStatus.OK);
      assertThat(g.maxLagSeconds()).isZero();
    }
  }

  @Test
  @Order(6)
  void firstPollReadsLagSecondsFromTheRecordAtTheCommittedOffset() throws Exception {
    createTopic("aged", 2);
    long before = System.currentTimeMillis();
    produce("aged", 0, 10);
    produce("aged", 1, 10);
    long after = System.currentTimeMillis();
    commit("behind", Map.of(new TopicPartition("aged", 0), 4L, new TopicPartition("aged", 1), 10L));
    // the collector's clock says 90 s have passed since the records were written
    MutableClock clock = new MutableClock(Instant.ofEpochMilli(after).plusSeconds(90));
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka.bootstrapServers());
    try (KafkaLagCollector plain = collector(clock);
        KafkaLagCollector reading = KafkaLagCollector.create(p, clock, Duration.ofMinutes(1))) {
      // without reading records, a first poll can only say "at least 0 s"
      PartitionLag bound = plain.poll(List.of("behind")).group("behind").orElseThrow().partitions().get(0);
      assertThat(bound.lagSeconds().basis()).isEqualTo(TimeLag.Basis.LOWER_BOUND);
      assertThat(bound.lagSeconds().seconds()).isZero();

      GroupLag g = reading.poll(List.of("behind")).group("behind").orElseThrow();
      PartitionLag behind = g.partitions().get(0);
      assertThat(behind.lag()).isEqualTo(6);
      assertThat(behind.lagSeconds().basis()).isEqualTo(TimeLag.Basis.RECORD_TIME);
      // record 4 was written between before and after, 90 s before the collector's now
      assertThat(behind.lagSeconds().seconds()).isBetween(90.0, 90.0 + (after - before) / 1000.0);
      assertThat(g.maxLagSeconds()).isEqualTo(behind.lagSeconds().seconds());
      assertThat(g.partitions().get(1).lagSeconds()).isEqualTo(TimeLag.CAUGHT_UP);

      // read once: the next poll answers from memory with no request beyond the lag poll's own
      long polled = reading.poll(List.of("behind")).requests();
      assertThat(polled).isEqualTo(plain.poll(List.of("behind")).requests());
    }
  }

  @Test
  @Order(7)
  void lagEqualsTheToolPollAfterPollWhileGroupsGainAndLosePartitions() throws Exception {
    createTopic("moving", 3);
    for (int p = 0; p < 3; p++) {
      produce("moving", p, 10);
    }
    TopicPartition p0 = new TopicPartition("moving", 0);
    TopicPartition p1 = new TopicPartition("moving", 1);
    TopicPartition p2 = new TopicPartition("moving", 2);
    commit("mover", Map.of(p0, 2L));
    commit("stayer", Map.of(p0, 5L, p1, 5L));
    List<String> both = List.of("mover", "stayer");
    try (KafkaLagCollector c = collector(Clock.systemUTC())) {
      assertEqualsTool(c.poll(both), both);
      assertEqualsTool(c.poll(both), both);

      produce("moving", 0, 5);
      commit("mover", Map.of(p1, 3L)); // mover gains a partition, keeps p0 at 2
      assertEqualsTool(c.poll(both), both);

      admin.deleteConsumerGroupOffsets("mover", java.util.Set.of(p0)).all().get();
      commit("stayer", Map.of(p2, 10L));
      KafkaLagReport lost = c.poll(both);
      assertEqualsTool(lost, both);
      assertThat(lost.group("mover").orElseThrow().partitions()).extracting(PartitionLag::partition).containsExactly(1);

      assertEqualsTool(c.poll(List.of("stayer")), List.of("stayer"));
      produce("moving", 2, 4);
      assertEqualsTool(c.poll(both), both);
      assertEqualsTool(c.poll(both), both);
    }
  }

  private static void assertEqualsTool(KafkaLagReport report, List<String> groups) {
    assertThat(report.health().level()).as(report.health().reason()).isEqualTo(Health.Level.GREEN);
    ConsumerGroupsTool.Result tool = ConsumerGroupsTool.describe(kafka.bootstrapServers(), groups);
    List<ConsumerGroupsTool.Row> ours = new ArrayList<>();
    report.groups().forEach(g -> g.partitions().forEach(p -> ours.add(new ConsumerGroupsTool.Row(
        p.group(), p.topic(), p.partition(), p.committedOffset(), p.logEndOffset(), p.lag()))));
    assertThat(ours).as(tool.output()).containsExactlyInAnyOrderElementsOf(tool.rows());
  }

  @Test
  @Order(9)
  void aCaughtUpGroupThatCommitsOnlyWhenItReadsIsNotStopWhenABurstArrivesAfterAQuietHour() throws Exception {
    createTopic("bursty", 1);
    TopicPartition tp = new TopicPartition("bursty", 0);
    produce("bursty", 0, 10);
    commit("quiet-sink", Map.of(tp, 10L)); // like a Connect sink: nothing read, nothing committed
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    try (KafkaLagCollector c = collector(clock)) {
      for (int minute = 0; minute < 60; minute++) {
        assertThat(statusOf(c.poll(List.of("quiet-sink")))).isEqualTo(PartitionStatus.OK);
        clock.advance(Duration.ofMinutes(1));
      }
      // the last poll (62 s ago) saw the log end at the committed offset
      produce("bursty", 0, 5);
      clock.advance(Duration.ofSeconds(2));
      PartitionLag burst = c.poll(List.of("quiet-sink")).group("quiet-sink").orElseThrow().partitions().get(0);
      assertThat(burst.lag()).isEqualTo(5);
      assertThat(burst.status()).as("idle a moment ago, not stopped").isEqualTo(PartitionStatus.OK);
      // it never reads the burst: 100 s after it was last caught up, it is STOP
      clock.advance(Duration.ofSeconds(37));
      assertThat(statusOf(c.poll(List.of("quiet-sink")))).as("caught up 99 s ago").isEqualTo(PartitionStatus.OK);
      clock.advance(Duration.ofSeconds(2));
      assertThat(statusOf(c.poll(List.of("quiet-sink")))).as("caught up 101 s ago").isEqualTo(PartitionStatus.STOP);
    }
  }

  private static PartitionStatus statusOf(KafkaLagReport r) {
    return r.groups().get(0).partitions().get(0).status();
  }

  @Test
  @Order(8)
  void aSteadyPollSendsTheBrokerOneOffsetFetchAndOneListOffsetsForAllGroups() throws Exception {
    List<String> many = new ArrayList<>();
    for (int g = 0; g < 12; g++) {
      // from requestsPerPollDoNotGrowWithTheNumberOfGroups: 12 groups on 4 partitions of 10 records;
      // reader-10 and reader-11 committed beyond the log end (10 and 11), which must not cost a
      // second ListOffsets on every poll
      many.add("reader-" + g);
    }
    many.add("search");
    many.add("cache");
    try (KafkaLagCollector c = collector(Clock.systemUTC())) {
      c.poll(many);
      c.poll(many);
      Map<String, Long> before = settledBrokerRequests();
      KafkaLagReport r = c.poll(many);
      Map<String, Long> after = settledBrokerRequests();
      assertThat(r.groups()).hasSize(14).allSatisfy(g -> assertThat(g.partitions()).isNotEmpty());
      assertThat(after.getOrDefault("OffsetFetch", 0L) - before.getOrDefault("OffsetFetch", 0L)).isEqualTo(1);
      assertThat(after.getOrDefault("ListOffsets", 0L) - before.getOrDefault("ListOffsets", 0L)).isEqualTo(1);
    }
  }

  /**
   * {@link #brokerRequestsByType()} once it stopped changing: the broker counts a request when it
   * has sent the answer, which may be just after the client received it.
   */
  private static Map<String, Long> settledBrokerRequests() throws Exception {
    Map<String, Long> last = brokerRequestsByType();
    for (int i = 0; i < 50; i++) {
      Thread.sleep(100);
      Map<String, Long> now = brokerRequestsByType();
      if (now.equals(last)) {
        return now;
      }
      last = now;
    }
    return last;
  }

  /** Requests the broker (same JVM) has received so far, by type, from its own RequestMetrics. */
  private static Map<String, Long> brokerRequestsByType() throws Exception {
    javax.management.MBeanServer server = java.lang.management.ManagementFactory.getPlatformMBeanServer();
    Map<String, Long> counts = new HashMap<>();
    for (javax.management.ObjectName n : server.queryNames(
        new javax.management.ObjectName("kafka.network:type=RequestMetrics,name=RequestsPerSec,*"), null)) {
      counts.merge(n.getKeyProperty("request"), ((Number) server.getAttribute(n, "Count")).longValue(), Long::sum);
    }
    return counts;
  }

  @Test
  @Order(20)
  void brokerDownTurnsRedWithAReasonAndRecoversWhenItReturns() throws Exception {
    Pipeline p = Pipeline.empty("lag-check")
        .withNode(Node.of("orders", NodeKind.TOPIC))
        .withNode(Node.of("search", NodeKind.ELASTICSEARCH).withProperty("consumer.override.group.id", "search"))
        .withEdge(new Edge("orders", "search"));
    BlockingQueue<MonitorSnapshot> snapshots = new LinkedBlockingQueue<>();
    try (Monitor monitor = Monitor.builder(p).kafka(collector(Clock.systemUTC())).interval(Duration.ofMillis(200)).build()) {
      monitor.addListener(snapshots::add);
      monitor.start(); // returns at once; polls run on the monitor's thread
      assertThat(next(snapshots, Health.Level.GREEN).kafka().group("search").orElseThrow().totalLag()).isEqualTo(51);

      kafka.close();
      MonitorSnapshot down = next(snapshots, Health.Level.RED);
      assertThat(down.kafka().health().reason()).contains(kafka.bootstrapServers());
      assertThat(down.kafka().groups()).isEmpty();

      kafka.start();
      MonitorSnapshot back = next(snapshots, Health.Level.GREEN);
      assertThat(back.kafka().group("search").orElseThrow().totalLag()).isEqualTo(51);
    }
  }

  /** The next snapshot whose Kafka health is {@code level}, skipping others; fails after two minutes. */
  private static MonitorSnapshot next(BlockingQueue<MonitorSnapshot> q, Health.Level level) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline) {
      MonitorSnapshot s = q.poll(5, TimeUnit.SECONDS);
      if (s != null && s.kafka().health().level() == level) {
        return s;
      }
    }
    throw new AssertionError("no snapshot with Kafka " + level + " within two minutes");
  }
}
