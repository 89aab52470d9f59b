package dev.pipewright.monitor.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the timestamp of the record at a committed offset, for many partitions in one batched
 * fetch of at most a small batch each, so a lag in seconds is known before the estimator has
 * samples (see docs/decisions/0112). A record's timestamp never changes, so answers are kept
 * while the offset stays asked for. No consumer group: partitions are assigned, never committed.
 * Not thread-safe: the collector's poll thread owns it.
 */
final class RecordTimeReader implements AutoCloseable {
  /** The first record at or after the asked offset: its offset and timestamp (ms). */
  record Stamp(long offset, long timestampMs) {}

  private final Properties props;
  private final Duration budget;
  private KafkaConsumer<byte[], byte[]> consumer;
  private Map<TopicPartition, Map<Long, Stamp>> known = new HashMap<>();

  RecordTimeReader(Properties clientProperties, Duration budget) {
    // connection and security settings are the Admin client's; the rest is a reader's
    this.props = KafkaClientConfig.consumerProperties(clientProperties, "pipewright-lag-record-times");
    props.put("auto.offset.reset", "earliest");
    // one small batch per partition is enough to see the first record's timestamp
    props.put("max.partition.fetch.bytes", "1024");
    props.put("fetch.max.bytes", String.valueOf(4 << 20));
    props.put("max.poll.records", "10000");
    props.put("fetch.max.wait.ms", "10");
    this.budget = budget;
  }

  /** Whether the stamp of {@code offset} on {@code tp} is in memory (asking for it costs nothing). */
  boolean knows(TopicPartition tp, long offset) {
    Map<Long, Stamp> m = known.get(tp);
    return m != null && m.containsKey(offset);
  }

  /**
   * The stamps of {@code wanted} (partition to offset), from memory or read now within the time
   * budget; offsets not read in time are missing from the answer. Forgets stamps not asked for.
   */
  Map<TopicPartition, Stamp> stamps(Map<TopicPartition, Long> wanted) {
    Map<TopicPartition, Map<Long, Stamp>> kept = new HashMap<>();
    Map<TopicPartition, Stamp> out = new HashMap<>();
    Map<TopicPartition, Long> toRead = new HashMap<>();
    wanted.forEach((tp, offset) -> {
      Stamp s = known.getOrDefault(tp, Map.of()).get(offset);
      if (s != null) {
        out.put(tp, s);
        kept.computeIfAbsent(tp, k -> new HashMap<>()).put(offset, s);
      } else {
        toRead.put(tp, offset);
      }
    });
    if (!toRead.isEmpty()) {
      read(toRead).forEach((tp, s) -> {
        out.put(tp, s);
        kept.computeIfAbsent(tp, k -> new HashMap<>()).put(toRead.get(tp), s);
      });
    }
    known = kept;
    return out;
  }

  private Map<TopicPartition, Stamp> read(Map<TopicPartition, Long> toRead) {
    if (consumer == null) {
      consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
    consumer.assign(toRead.keySet());
    toRead.forEach(consumer::seek);
    Map<TopicPartition, Stamp> found = new HashMap<>();
    Set<TopicPartition> open = new HashSet<>(toRead.keySet());
    long deadline = System.nanoTime() + budget.toNanos();
    while (!open.isEmpty() && System.nanoTime() < deadline) {
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
        TopicPartition tp = new TopicPartition(r.topic(), r.partition());
        if (open.contains(tp) && r.offset() >= toRead.get(tp) && r.timestamp() >= 0) {
          found.put(tp, new Stamp(r.offset(), r.timestamp()));
          open.remove(tp);
        }
      }
      consumer.pause(found.keySet());
    }
    consumer.assign(Set.of());
    return found;
  }

  /** The requests the reader's consumer has sent so far (0 before its first read). */
  long requestsSent() {
    if (consumer == null) {
      return 0;
    }
    for (var e : consumer.metrics().entrySet()) {
      if (e.getKey().name().equals("request-total") && e.getKey().group().equals("consumer-metrics")) {
        return e.getValue().metricValue() instanceof Number n ? n.longValue() : 0;
      }
    }
    return 0;
  }

  @Override
  public void close() {
    if (consumer != null) {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
    }
  }
}
