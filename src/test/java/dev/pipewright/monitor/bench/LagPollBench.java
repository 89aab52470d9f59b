package dev.pipewright.monitor.bench;

import dev.pipewright.monitor.MutableClock;
import dev.pipewright.monitor.kafka.ConsumerGroupsTool;
import dev.pipewright.monitor.kafka.KafkaLagCollector;
import dev.pipewright.monitor.kafka.KafkaLagReport;
import dev.pipewright.runtime.kafka.EmbeddedKafka;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One lag poll of many group-partitions against a real embedded broker, side by side with Kafka's
 * consumer-groups tool describing the same groups; requests are counted at the broker (its own
 * RequestMetrics, same JVM), so both sides are counted the same way. Then a long poll loop with
 * heap after GC printed, to show memory stays flat. See bench/monitor/README.md.
 *
 * <p>Arguments: {@code topics partitionsPerTopic groupsSmall groupsLarge loopPolls}, default
 * {@code 20 500 20 100 300}: 20 groups x 500 partitions = 10,000 group-partitions, and 100 groups
 * (5 per topic) = 50,000.
 */
public final class LagPollBench {
  private static final int ROUNDS = 5;

  private LagPollBench() {}

  static double median(double[] xs) {
    double[] c = xs.clone();
    java.util.Arrays.sort(c);
    return c[c.length / 2];
  }

  public static void main(String[] args) throws Exception {
    int topics = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    int groupsSmall = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    int groupsLarge = args.length > 3 ? Integer.parseInt(args[3]) : 100;
    int loopPolls = args.length > 4 ? Integer.parseInt(args[4]) : 300;
    // a data directory from an earlier run (marked ready) skips the set-up, which takes minutes
    Path dir = args.length > 5 ? Path.of(args[5]) : Files.createTempDirectory("lag-bench");
    boolean ready = Files.exists(dir.resolve(".bench-ready"));
    try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(dir)
        // 10,000 partitions on one broker: keep each index small so the mmaps stay few and cheap
        .brokerConfig("log.index.size.max.bytes", "65536")
        .brokerConfig("log.segment.bytes", String.valueOf(1 << 20))
        .build().start()) {
      String bootstrap = kafka.bootstrapServers();
      if (!ready) {
        long t0 = System.nanoTime();
        setUp(bootstrap, topics, partitions, groupsLarge);
        Files.writeString(dir.resolve(".bench-ready"), "");
        System.out.printf(Locale.ROOT, "set-up: %d topics x %d partitions, %d groups committed in %.1f s%n",
            topics, partitions, groupsLarge, (System.nanoTime() - t0) / 1e9);
      }

      for (int groups : new int[] {groupsSmall, groupsLarge}) {
        List<String> names = groupNames(groups);
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        try (KafkaLagCollector c = KafkaLagCollector.create(p, java.time.Clock.systemUTC())) {
          c.poll(names); // warm-up: JIT, metadata, connections
          ConsumerGroupsTool.describe(bootstrap, names.subList(0, 1)); // warm the tool's classes
          // alternate the two, 5 rounds, and keep the medians: the host is shared and noisy
          double[] oursMs = new double[ROUNDS];
          double[] theirsMs = new double[ROUNDS];
          long ourBroker = 0;
          long toolBroker = 0;
          KafkaLagReport r = null;
          ConsumerGroupsTool.Result tool = null;
          for (int round = 0; round < ROUNDS; round++) {
            long brokerBefore = brokerRequests();
            long start = System.nanoTime();
            r = c.poll(names);
            oursMs[round] = (System.nanoTime() - start) / 1e6;
            ourBroker = brokerRequests() - brokerBefore;
            brokerBefore = brokerRequests();
            start = System.nanoTime();
            tool = ConsumerGroupsTool.describe(bootstrap, names);
            theirsMs[round] = (System.nanoTime() - start) / 1e6;
            toolBroker = brokerRequests() - brokerBefore;
          }
          double ours = median(oursMs);
          double theirs = median(theirsMs);
          int gp = r.groups().stream().mapToInt(g -> g.partitions().size()).sum();
          System.out.printf(Locale.ROOT,
              "%d groups, %d group-partitions (median of %d): collector %.0f ms, %d broker requests (client metric %d) | "
                  + "kafka-consumer-groups --describe %.0f ms, %d broker requests, %d rows | %.1fx faster%n",
              groups, gp, ROUNDS, ours, ourBroker, r.requests(), theirs, toolBroker, tool.rows().size(), theirs / ours);
        }
      }

      List<String> names = groupNames(groupsSmall);
      Properties p = new Properties();
      p.put("bootstrap.servers", bootstrap);
      MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
      try (KafkaLagCollector c = KafkaLagCollector.create(p, clock)) {
        var mem = ManagementFactory.getMemoryMXBean();
        long start = System.nanoTime();
        for (int i = 1; i <= loopPolls; i++) {
          clock.advance(Duration.ofSeconds(2));
          c.poll(names);
          if (i == 1 || i % Math.max(1, loopPolls / 6) == 0) {
            System.gc();
            System.out.printf(Locale.ROOT, "loop poll %4d: heap used after GC %.1f MB%n", i,
                mem.getHeapMemoryUsage().getUsed() / 1048576.0);
          }
        }
        System.out.printf(Locale.ROOT, "loop: %d polls of %d groups in %.1f s%n", loopPolls, names.size(),
            (System.nanoTime() - start) / 1e9);
      }
    }
  }

  static List<String> groupNames(int n) {
    List<String> names = new ArrayList<>();
    for (int g = 0; g < n; g++) {
      names.add("bench-group-" + g);
    }
    return names;
  }

  /** Topics with a few records per partition; group g reads topic g % topics and commits mid-way. */
  static void setUp(String bootstrap, int topics, int partitions, int groups) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      // one topic per call: KRaft refuses a single batch of more than 10,000 partition records
      for (int t = 0; t < topics; t++) {
        admin.createTopics(List.of(new NewTopic("bench-" + t, partitions, (short) 1))).all().get();
      }
    }
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
        "linger.ms", "20", "batch.size", "65536"), new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int t = 0; t < topics; t++) {
        for (int part = 0; part < partitions; part++) {
          for (int i = 0; i < 4; i++) {
            producer.send(new ProducerRecord<>("bench-" + t, part, null, new byte[16]));
          }
        }
      }
      producer.flush();
    }
    for (int g = 0; g < groups; g++) {
      try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
          "group.id", "bench-group-" + g, "enable.auto.commit", "false"),
          new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (int part = 0; part < partitions; part++) {
          offsets.put(new TopicPartition("bench-" + (g % topics), part), new OffsetAndMetadata((part + g) % 5));
        }
        c.commitSync(offsets);
      }
    }
  }

  /** All requests the in-JVM broker has received, from its RequestMetrics. */
  static long brokerRequests() throws Exception {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    long total = 0;
    for (ObjectName n : server.queryNames(new ObjectName("kafka.network:type=RequestMetrics,name=RequestsPerSec,*"), null)) {
      total += ((Number) server.getAttribute(n, "Count")).longValue();
    }
    return total;
  }
}
