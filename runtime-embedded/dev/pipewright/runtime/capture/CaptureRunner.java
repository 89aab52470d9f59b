package dev.pipewright.runtime.capture;

import dev.pipewright.runtime.stats.TrialStats;
import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.Converter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one capture node: Debezium's asynchronous embedded engine, whose change events are
 * converted with the node's converters and produced to Kafka. Offsets are marked processed only
 * after the producer has flushed and every send was acknowledged, so a crash can repeat events
 * but never lose one (at-least-once).
 */
public final class CaptureRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CaptureRunner.class);

  private final String node;
  private final String serverName;
  private final Properties engineProps;
  private final Producer<byte[], byte[]> producer;
  private final Converter keyConverter;
  private final Converter valueConverter;
  private final TrialStats stats;
  private final TopicGate topicGate;
  /** Topics this capture has sent to since it started (the engine's thread only). */
  private final Set<String> opened = new HashSet<>();
  private final AtomicReference<String> failure = new AtomicReference<>();
  private final ExecutorService executor;
  private DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
  private volatile boolean closing;

  /**
   * @param serverName the capture's {@code topic.prefix}, which names its JMX metrics
   * @param engineProps the connector's properties plus the engine's (offset storage, name)
   * @param topicGate asked before the first record to each topic
   */
  public CaptureRunner(String node, String serverName, Properties engineProps, Producer<byte[], byte[]> producer,
      Converter keyConverter, Converter valueConverter, TrialStats stats, TopicGate topicGate) {
    this.node = node;
    this.serverName = serverName;
    this.engineProps = engineProps;
    this.producer = producer;
    this.keyConverter = keyConverter;
    this.valueConverter = valueConverter;
    this.stats = stats;
    this.topicGate = topicGate;
    this.executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "capture-" + node);
      t.setDaemon(true);
      return t;
    });
  }

  public void start() {
    engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
        .using(engineProps)
        .notifying(this::handleBatch)
        .using((success, message, error) -> {
          if (!success && !closing) {
            String why = error != null && error.getMessage() != null ? error.getMessage() : message;
            failure.compareAndSet(null, "Capture '" + node + "' stopped: " + why);
            LOG.error("Capture {} stopped: {}", node, message, error);
          }
        })
        .build();
    executor.execute(engine);
  }

  private void handleBatch(List<RecordChangeEvent<SourceRecord>> batch,
      DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer) throws InterruptedException {
    List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
    for (RecordChangeEvent<SourceRecord> e : batch) {
      SourceRecord r = e.record();
      stats.captured(node, r.topic(), r.key(), r.value());
      byte[] key = keyConverter.fromConnectData(r.topic(), r.keySchema(), r.key());
      byte[] value = valueConverter.fromConnectData(r.topic(), r.valueSchema(), r.value());
      if (!opened.contains(r.topic())) {
        open(r.topic());
      }
      sends.add(producer.send(new ProducerRecord<>(r.topic(), null, key, value)));
    }
    // The offsets may only move once Kafka holds every event of the batch.
    producer.flush();
    for (int i = 0; i < sends.size(); i++) {
      try {
        sends.get(i).get();
      } catch (ExecutionException ex) {
        throw new IllegalStateException("Kafka did not acknowledge a change event for topic "
            + batch.get(i).record().topic() + ": " + ex.getCause().getMessage(), ex.getCause());
      }
      SourceRecord r = batch.get(i).record();
      stats.produced(r.topic(), r.key(), r.value());
    }
    for (RecordChangeEvent<SourceRecord> e : batch) {
      committer.markProcessed(e);
    }
    committer.markBatchFinished();
  }

  private void open(String topic) throws InterruptedException {
    try {
      topicGate.ready(topic);
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("Kafka did not make topic " + topic + " ready for change events: "
          + e.getMessage(), e);
    }
    opened.add(topic);
  }

  /** A sentence when the engine stopped on an error, else null. */
  public String failure() {
    return failure.get();
  }

  /** True once the connector streams from the write-ahead log (its snapshot, if any, is done). */
  public boolean streaming() {
    return metric("streaming", "Connected");
  }

  /** True when the connector has finished a snapshot in this run. */
  public boolean snapshotCompleted() {
    return metric("snapshot", "SnapshotCompleted");
  }

  private boolean metric(String context, String attribute) {
    try {
      MBeanServer mbs = ManagementFactory.getPlatformMBeanServer();
      for (ObjectName n : mbs.queryNames(new ObjectName(
          "debezium.*:type=connector-metrics,context=" + context + ",server=" + ObjectName.quote(serverName) + ",*"),
          null)) {
        if (Boolean.TRUE.equals(mbs.getAttribute(n, attribute))) {
          return true;
        }
      }
      for (ObjectName n : mbs.queryNames(new ObjectName(
          "debezium.*:type=connector-metrics,context=" + context + ",server=" + serverName + ",*"), null)) {
        if (Boolean.TRUE.equals(mbs.getAttribute(n, attribute))) {
          return true;
        }
      }
    } catch (Exception e) {
      LOG.debug("metric {} of {} not readable: {}", attribute, serverName, e.toString());
    }
    return false;
  }

  /** Stops the engine; it commits the offsets of what was acknowledged before returning. */
  @Override
  public void close() {
    closing = true;
    if (engine != null) {
      try {
        engine.close();
      } catch (IOException e) {
        LOG.warn("Capture {} did not close cleanly: {}", node, e.getMessage());
      }
    }
    executor.shutdown();
    try {
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
