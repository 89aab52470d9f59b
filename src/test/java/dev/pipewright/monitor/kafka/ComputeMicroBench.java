package dev.pipewright.monitor.kafka;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The collector's own CPU per poll on synthetic answers (no broker): see bench/monitor/README.md. */
public final class ComputeMicroBench {
  private ComputeMicroBench() {}

  public static void main(String[] args) {
    int groupsN = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int topics = 20;
    int partitions = 500;
    Set<String> groups = new TreeSet<>();
    Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
    Map<TopicPartition, Long> ends = new HashMap<>();
    for (int g = 0; g < groupsN; g++) {
      String name = "bench-group-" + g;
      groups.add(name);
      Map<TopicPartition, OffsetAndMetadata> m = new HashMap<>();
      for (int p = 0; p < partitions; p++) {
        TopicPartition tp = new TopicPartition("bench-" + (g % topics), p);
        m.put(tp, new OffsetAndMetadata((p + g) % 5));
        ends.put(tp, 4L);
      }
      committed.put(name, m);
    }
    Properties props = new Properties();
    props.put("bootstrap.servers", "127.0.0.1:1");
    try (KafkaLagCollector c = KafkaLagCollector.create(props, Clock.systemUTC())) {
      Instant at = Instant.parse("2026-01-01T00:00:00Z");
      for (int round = 0; round < 5; round++) {
        long t0 = System.nanoTime();
        long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        int n = 200;
        for (int i = 0; i < n; i++) {
          at = at.plusSeconds(2);
          List<GroupLag> out = c.compute(groups, committed, ends, at);
          if (out.size() != groupsN) {
            throw new AssertionError();
          }
        }
        long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
        System.out.printf(Locale.ROOT, "compute: %.2f ms wall, %.2f ms CPU per poll of %d group-partitions%n",
            (System.nanoTime() - t0) / 1e6 / n, cpu / 1e6 / n, groupsN * partitions);
      }
    }
  }
}
