package dev.pipewright.monitor.kafka;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.coordinator.common.runtime.CoordinatorRecord;
import org.apache.kafka.coordinator.group.GroupCoordinatorRecordSerde;
import org.apache.kafka.coordinator.group.generated.OffsetCommitKey;
import org.apache.kafka.coordinator.group.generated.OffsetCommitValue;

/**
 * The offset commits of consumer groups as they happen, read from Kafka's {@code __consumer_offsets}
 * log the way Burrow reads them, each with the time the group committed. Polling committed offsets
 * cannot see a commit that did not move the offset, so without this feed a group that keeps
 * committing the same offset (Burrow's STALL) looks like one that stopped committing (STOP); see
 * docs/decisions/0135. Its own thread owns a consumer without a group (it commits nothing) that
 * reads every partition of the log from its end; records are decoded with Kafka's own group
 * coordinator serde. When the cluster does not let it read the log, the feed ends and
 * {@link #failure()} says why; the collector then falls back to polled offsets. Thread-safe.
 */
public final class CommitLogFeed implements AutoCloseable {
  /** Kafka's internal topic holding the committed offsets and group metadata. */
  public static final String TOPIC = "__consumer_offsets";
  /**
   * Commits kept between two drains (a poll a second drains them); should the monitor stop
   * draining, the oldest are dropped first.
   */
  static final int CAPACITY = 100_000;
  /** Pause before reading again after the cluster went away. */
  private static final long RETRY_MS = 5_000;

  /** One commit of a group for one partition: the offset and when the group committed it. */
  public record GroupCommit(String group, String topic, int partition, long offset, Instant at) {}

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final String address;
  private final BlockingQueue<GroupCommit> commits = new ArrayBlockingQueue<>(CAPACITY);
  private final CountDownLatch positioned = new CountDownLatch(1);
  private final GroupCoordinatorRecordSerde serde = new GroupCoordinatorRecordSerde();
  private final Thread thread;
  /** The groups whose commits are kept: none until the first drain says which. */
  private volatile Set<String> groups = Set.of();
  private volatile String failure;
  private volatile boolean running = true;

  private CommitLogFeed(Properties clientProperties) {
    this.address = String.valueOf(clientProperties.get("bootstrap.servers"));
    Properties p = KafkaClientConfig.consumerProperties(clientProperties, "pipewright-monitor-commits");
    p.put("auto.offset.reset", "latest");
    // commits are small and the monitor polls every second: answer soon rather than fill batches
    p.put("fetch.max.wait.ms", "200");
    this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.thread = new Thread(this::run, "pipewright-commit-log");
    thread.setDaemon(true);
  }

  /**
   * Starts reading the commit log of the cluster that {@code clientProperties} (the Admin client's
   * connection and security settings) points at. Never throws for a cluster that is down or
   * refuses access: see {@link #failure()}.
   */
  public static CommitLogFeed start(Properties clientProperties) {
    CommitLogFeed feed = new CommitLogFeed(clientProperties);
    feed.thread.start();
    return feed;
  }

  /** Waits until the feed reads from the end of every partition of the log (or has failed). */
  public boolean awaitReading(Duration max) throws InterruptedException {
    return positioned.await(max.toMillis(), TimeUnit.MILLISECONDS) && failure == null;
  }

  /** Why the feed stopped (for example, no permission to read the log), or empty while it runs. */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * The commits of {@code watched} read since the last drain, oldest first. From then on only
   * commits of those groups are kept (before the first drain, none are).
   */
  public List<GroupCommit> drain(Set<String> watched) {
    groups = Set.copyOf(watched);
    List<GroupCommit> out = new ArrayList<>();
    commits.drainTo(out);
    out.removeIf(c -> !watched.contains(c.group()));
    return out;
  }

  private void run() {
    try {
      while (running) {
        try {
          read();
        } catch (AuthenticationException | AuthorizationException | InvalidTopicException e) {
          // a wrong password or a refused read will not heal by itself: say so and stop
          failure = KafkaErrors.describe(e, address, "reading the offset commits (" + TOPIC + ") of");
          return;
        } catch (KafkaException e) {
          if (!running || e instanceof WakeupException || e instanceof InterruptException) {
            return;
          }
          // the cluster is away (a restart, a network blip): the poll reports that; try again
          Thread.sleep(RETRY_MS);
        } catch (RuntimeException e) {
          // anything else is a bug, not weather: stop, so the collector falls back to polled offsets
          failure = KafkaErrors.describe(e, address, "reading the offset commits (" + TOPIC + ") of");
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      positioned.countDown();
      Thread.interrupted(); // close() may have interrupted a pause; the consumer must still close cleanly
      try {
        consumer.close(Duration.ofSeconds(2));
      } catch (KafkaException e) {
        // closing anyway; nothing is lost (the feed commits nothing)
      }
    }
  }

  /** Positions the consumer at the end of every partition of the log, then reads until closed. */
  private void read() throws InterruptedException {
    List<TopicPartition> partitions = logPartitions();
    if (partitions.isEmpty()) {
      return; // closed before any group committed
    }
    consumer.assign(partitions);
    if (positioned.getCount() > 0) {
      consumer.seekToEnd(partitions);
      for (TopicPartition tp : partitions) {
        consumer.position(tp, Duration.ofSeconds(10)); // resolve the end now, not at the first fetch
      }
      positioned.countDown();
    }
    while (running) {
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
        decode(r).ifPresent(this::keep);
      }
    }
  }

  /**
   * The partitions of the commit log. The broker creates the log when the first group looks for
   * its coordinator, so on a new cluster it may not exist yet: ask again until it does.
   */
  private List<TopicPartition> logPartitions() throws InterruptedException {
    while (running) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (PartitionInfo p : consumer.partitionsFor(TOPIC, Duration.ofSeconds(10))) {
        partitions.add(new TopicPartition(p.topic(), p.partition()));
      }
      if (!partitions.isEmpty()) {
        return partitions;
      }
      Thread.sleep(1_000);
    }
    return List.of();
  }

  private void keep(GroupCommit c) {
    if (!groups.contains(c.group())) {
      return;
    }
    while (!commits.offer(c)) {
      commits.poll();
    }
  }

  /** The commit in a record of the log; empty for group metadata, deleted offsets and other records. */
  private Optional<GroupCommit> decode(ConsumerRecord<byte[], byte[]> r) {
    if (r.key() == null || r.value() == null) {
      return Optional.empty();
    }
    CoordinatorRecord record;
    try {
      record = serde.deserialize(ByteBuffer.wrap(r.key()), ByteBuffer.wrap(r.value()));
    } catch (RuntimeException e) {
      return Optional.empty(); // a record type this Kafka version does not know: not a commit
    }
    if (record.key() instanceof OffsetCommitKey k && record.value() != null
        && record.value().message() instanceof OffsetCommitValue v) {
      return Optional.of(new GroupCommit(k.group(), k.topic(), k.partition(), v.offset(),
          Instant.ofEpochMilli(v.commitTimestamp())));
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    thread.interrupt(); // also ends a pause before retrying
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
