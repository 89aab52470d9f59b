package dev.pipewright.runtime.sink;

import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.runtime.convert.SchemaCachingJsonConverter;
import dev.pipewright.runtime.stats.TrialStats;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.storage.Converter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one sink node: a Kafka consumer of the sink's topics feeding a {@link SinkWriter}, with
 * consumer offsets committed only after the writer returned (at-least-once). A batch that fails
 * is retried a few times; then, with {@code errors.tolerance=all}, each failing event goes to the
 * dead-letter topic (if one is set) and the rest are written; otherwise the sink stops with a
 * sentence saying why. The connector's transforms run between the consumer and the writer, as
 * on a Connect worker; a writer that takes the topic's bytes (the JSON-lines file) gets the
 * transformed events written back as JSON with the topic's converter settings.
 */
public final class SinkRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SinkRunner.class);
  private static final int ATTEMPTS = 5;

  private final Node node;
  private final String connector;
  private final List<String> topics;
  private final SinkWriter writer;
  private final TrialStats stats;
  private final Producer<byte[], byte[]> dlqProducer;
  private final String dlqTopic;
  private final boolean tolerateAll;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Converter keyReader;
  private final Converter valueReader;
  private final TransformChain transforms;
  private final AtomicReference<String> failure = new AtomicReference<>();
  private final Map<String, ConsumerRecord<byte[], byte[]>> inFlight = new HashMap<>();
  private Thread thread;
  private volatile boolean running;
  private volatile long caughtUpAt;

  private SinkRunner(Node node, String connector, List<String> topics, SinkWriter writer, Map<String, String> props,
      Map<String, Object> kafkaClient, boolean schemasOnTopic, TrialStats stats, Producer<byte[], byte[]> dlqProducer) {
    this.node = node;
    this.connector = connector;
    this.topics = topics;
    this.writer = writer;
    this.stats = stats;
    this.dlqProducer = dlqProducer;
    this.dlqTopic = props.get("errors.deadletterqueue.topic.name");
    this.tolerateAll = "all".equals(props.get("errors.tolerance"));
    this.transforms = TransformChain.of(connector, props);
    // the same bytes read as JsonConverter reads them, parsing each distinct schema only once
    keyReader = schemasOnTopic ? new SchemaCachingJsonConverter() : new JsonConverter();
    valueReader = schemasOnTopic ? new SchemaCachingJsonConverter() : new JsonConverter();
    keyReader.configure(Map.of("schemas.enable", Boolean.toString(schemasOnTopic)), true);
    valueReader.configure(Map.of("schemas.enable", Boolean.toString(schemasOnTopic)), false);
    Properties c = new Properties();
    c.putAll(kafkaClient);
    // one group per sink connector, the way Connect names it, so a restarted trial resumes
    c.put("group.id", "connect-" + connector);
    c.put("enable.auto.commit", "false");
    c.put("auto.offset.reset", "earliest");
    c.put("max.poll.records", "1000");
    c.put("fetch.max.wait.ms", "50");
    c.putAll(writer.consumerTuning());
    c.put("client.id", "pipewright-sink-" + connector);
    this.consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * The runner for a sink node. JDBC sinks host Debezium's JDBC sink task, JSON-lines sinks
   * write a local file, other kinds run as a preview.
   *
   * @param props the connector properties with local overrides applied and secrets resolved
   * @param kafkaClient bootstrap servers and the cluster's security settings, for the sink's consumer
   * @param workDir where relative file paths are taken from
   * @param schemasOnTopic whether the topics' JSON carries schemas (json-schemas converter)
   */
  public static SinkRunner forNode(Node node, String connector, List<String> topics, Map<String, String> props,
      Map<String, Object> kafkaClient, Path workDir, boolean schemasOnTopic, TrialStats stats,
      Producer<byte[], byte[]> dlqProducer) {
    SinkRunner[] self = new SinkRunner[1];
    SinkWriter w;
    if (node.kind() == NodeKind.JDBC_SINK) {
      w = new JdbcSinkWriter(connector, props, (rec, err) -> self[0].errant(rec, err));
    } else if (node.kind() == NodeKind.JSONL_FILE) {
      w = new JsonLinesFileWriter(workDir.resolve(props.getOrDefault("file", node.name() + ".jsonl")));
    } else {
      w = new PreviewWriter();
    }
    self[0] = new SinkRunner(node, connector, topics, w, props, kafkaClient, schemasOnTopic, stats, dlqProducer);
    return self[0];
  }

  public String node() {
    return node.name();
  }

  public boolean preview() {
    return writer instanceof PreviewWriter;
  }

  /** Prepares the writer (may take seconds) and starts consuming. */
  public void start() throws Exception {
    writer.start();
    running = true;
    thread = new Thread(this::loop, "sink-" + node.name());
    thread.setDaemon(true);
    thread.start();
  }

  /** A sentence when the sink stopped on an error, else null. */
  public String failure() {
    return failure.get();
  }

  /**
   * Waits until this sink has read everything on its topics that was there when the call began,
   * or {@code max} passed; true when it caught up.
   */
  public boolean awaitCaughtUp(Duration max) {
    long asked = System.nanoTime();
    long deadline = asked + max.toNanos();
    while (System.nanoTime() < deadline && failure.get() == null && running) {
      if (caughtUpAt > asked) {
        return true;
      }
      sleep(20);
    }
    return caughtUpAt > asked;
  }

  private void loop() {
    try {
      consumer.subscribe(topics, new ConsumerRebalanceListener() {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
          // offsets are committed after each batch, nothing is pending here
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
          if (writer instanceof JdbcSinkWriter j) {
            j.assigned(new HashSet<>(consumer.assignment()));
          }
        }
      });
      while (running) {
        long polledAt = System.nanoTime();
        ConsumerRecords<byte[], byte[]> recs = consumer.poll(Duration.ofMillis(100));
        if (recs.isEmpty()) {
          checkCaughtUp(polledAt);
          continue;
        }
        long handedOverAt = stats.nowMillis();
        List<ConsumerRecord<byte[], byte[]>> raw = new ArrayList<>(recs.count());
        recs.forEach(raw::add);
        List<SinkRecord> connect = toConnect(raw);
        if (transforms.isEmpty()) {
          writeWithRetries(raw, connect);
          for (int i = 0; i < raw.size(); i++) {
            ConsumerRecord<byte[], byte[]> r = raw.get(i);
            SinkRecord s = connect.get(i);
            if (r.value() != null) {
              stats.delivered(node.name(), r.topic(), r.key(), s.key(), s.value(), s.key(), s.value(), handedOverAt);
            }
          }
        } else {
          writeTransformed(raw, connect, handedOverAt);
        }
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        for (TopicPartition tp : recs.partitions()) {
          List<ConsumerRecord<byte[], byte[]>> l = recs.records(tp);
          commit.put(tp, new OffsetAndMetadata(l.get(l.size() - 1).offset() + 1));
        }
        commitUntilDone(commit);
      }
    } catch (WakeupException e) {
      // close() asked us to stop
    } catch (Exception e) {
      String sentence = "Sink '" + node.name() + "' stopped: "
          + (e instanceof TransformChain.TransformException ? e.getMessage() : JdbcSinkWriter.rootMessage(e));
      failure.compareAndSet(null, sentence);
      stats.sinkError(node.name(), sentence);
      LOG.error("{}", sentence, e);
    } finally {
      running = false;
    }
  }

  /** Commits after a write; while the broker is away (a restart) it keeps trying instead of failing the sink. */
  private void commitUntilDone(Map<TopicPartition, OffsetAndMetadata> commit) {
    while (true) {
      try {
        consumer.commitSync(commit, Duration.ofSeconds(10));
        return;
      } catch (org.apache.kafka.common.errors.RetriableException e) {
        if (!running) {
          throw e;
        }
        LOG.warn("Sink {} could not commit offsets yet ({}); retrying", node.name(), e.getMessage());
      }
    }
  }

  private void checkCaughtUp(long polledAt) {
    Set<TopicPartition> assigned = consumer.assignment();
    if (assigned.isEmpty()) {
      return;
    }
    Map<TopicPartition, Long> ends;
    try {
      ends = consumer.endOffsets(assigned, Duration.ofSeconds(5));
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      return; // the broker is away; ask again on the next idle poll
    }
    for (TopicPartition tp : assigned) {
      if (consumer.position(tp) < ends.getOrDefault(tp, 0L)) {
        return;
      }
    }
    caughtUpAt = polledAt;
  }

  /**
   * Runs the transforms over a batch, writes what they keep and counts it. A transform that fails
   * on a record stops the sink, or with {@code errors.tolerance=all} sends that record to the
   * dead-letter topic, as a worker does.
   */
  private void writeTransformed(List<ConsumerRecord<byte[], byte[]>> raw, List<SinkRecord> connect, long handedOverAt)
      throws Exception {
    List<ConsumerRecord<byte[], byte[]>> keptRaw = new ArrayList<>(raw.size());
    List<SinkRecord> kept = new ArrayList<>(raw.size());
    List<Integer> from = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      ConsumerRecord<byte[], byte[]> r = raw.get(i);
      SinkRecord in = connect.get(i);
      if (r.value() != null) {
        stats.read(node.name(), r.topic(), in.key(), in.value());
      }
      SinkRecord out;
      try {
        out = transforms.apply(in);
      } catch (TransformChain.TransformException e) {
        if (!tolerateAll) {
          throw e;
        }
        deadLetter(r, e);
        continue;
      }
      if (out == null) {
        continue;
      }
      kept.add(out);
      keptRaw.add(writer.needsConnectRecords() ? r : rewritten(r, out));
      from.add(i);
    }
    if (kept.isEmpty()) {
      return;
    }
    writeWithRetries(keptRaw, kept);
    for (int j = 0; j < kept.size(); j++) {
      ConsumerRecord<byte[], byte[]> r = raw.get(from.get(j));
      SinkRecord in = connect.get(from.get(j));
      SinkRecord out = kept.get(j);
      if (r.value() != null) {
        stats.delivered(node.name(), r.topic(), r.key(), in.key(), in.value(), out.key(), out.value(), handedOverAt);
      }
    }
  }

  /** The consumer record carrying a transformed event's key and value as JSON, for byte writers. */
  private ConsumerRecord<byte[], byte[]> rewritten(ConsumerRecord<byte[], byte[]> r, SinkRecord out) {
    // A null value stays a tombstone; the converter would write {"schema":…,"payload":null}.
    byte[] k = out.key() == null ? null : keyReader.fromConnectData(out.topic(), out.keySchema(), out.key());
    byte[] v = out.value() == null ? null : valueReader.fromConnectData(out.topic(), out.valueSchema(), out.value());
    return new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.timestamp(), r.timestampType(),
        k == null ? -1 : k.length, v == null ? -1 : v.length, k, v, r.headers(), r.leaderEpoch());
  }

  private List<SinkRecord> toConnect(List<ConsumerRecord<byte[], byte[]>> raw) {
    List<SinkRecord> out = new ArrayList<>(raw.size());
    for (ConsumerRecord<byte[], byte[]> r : raw) {
      SchemaAndValue k = keyReader.toConnectData(r.topic(), r.key());
      SchemaAndValue v = valueReader.toConnectData(r.topic(), r.value());
      out.add(new SinkRecord(r.topic(), r.partition(), k.schema(), k.value(), v.schema(), v.value(), r.offset(),
          r.timestamp(), r.timestampType() == null ? TimestampType.NO_TIMESTAMP_TYPE : r.timestampType()));
    }
    return out;
  }

  private void writeWithRetries(List<ConsumerRecord<byte[], byte[]>> raw, List<SinkRecord> connect) throws Exception {
    inFlight.clear();
    for (ConsumerRecord<byte[], byte[]> r : raw) {
      inFlight.put(r.topic() + "/" + r.partition() + "/" + r.offset(), r);
    }
    Exception last = null;
    int attempt = 0;
    while (running) {
      try {
        writer.write(raw, connect);
        flushDlq();
        return;
      } catch (Exception e) {
        last = e;
        attempt++;
        boolean outage = transientOutage(e);
        LOG.warn("Sink {} write attempt {} failed{}: {}", node.name(), attempt,
            outage ? " (target unreachable, retrying until it is back)" : "", JdbcSinkWriter.rootMessage(e));
        if (!outage && attempt >= ATTEMPTS) {
          break;
        }
        sleep(Math.min(5_000, 200L * attempt * attempt));
      }
    }
    if (last == null) {
      throw new InterruptedException("stopped");
    }
    if (!tolerateAll) {
      throw last;
    }
    // errors.tolerance=all: write what can be written, send the rest to the dead-letter topic.
    for (int i = 0; i < raw.size(); i++) {
      try {
        writer.write(List.of(raw.get(i)), List.of(connect.get(i)));
      } catch (Exception e) {
        deadLetter(raw.get(i), e);
      }
    }
    flushDlq();
  }

  /**
   * True when the target could not be reached (connection refused or lost, server shutting
   * down): such a batch is retried until the target is back instead of being dead-lettered.
   */
  static boolean transientOutage(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof TargetUnavailableException || c instanceof java.net.ConnectException
          || c instanceof java.net.SocketException) {
        return true;
      }
      if (c instanceof java.sql.SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
        return true;
      }
    }
    return false;
  }

  private void errant(SinkRecord record, Throwable error) {
    ConsumerRecord<byte[], byte[]> r = inFlight.get(TransformChain.origin(record));
    if (r != null) {
      deadLetter(r, error);
    } else {
      stats.sinkError(node.name(), "Sink '" + node.name() + "' skipped an event: " + JdbcSinkWriter.rootMessage(error));
    }
  }

  private void deadLetter(ConsumerRecord<byte[], byte[]> r, Throwable error) {
    String why = JdbcSinkWriter.rootMessage(error);
    stats.sinkError(node.name(), "Sink '" + node.name() + "' could not write an event from " + r.topic()
        + (dlqTopic != null ? " and sends it to " + dlqTopic : " and skipped it") + ": " + why);
    if (dlqTopic == null || dlqProducer == null) {
      return;
    }
    RecordHeaders h = new RecordHeaders();
    h.add("__connect.errors.topic", r.topic().getBytes(StandardCharsets.UTF_8));
    h.add("__connect.errors.partition", Integer.toString(r.partition()).getBytes(StandardCharsets.UTF_8));
    h.add("__connect.errors.offset", Long.toString(r.offset()).getBytes(StandardCharsets.UTF_8));
    h.add("__connect.errors.connector.name", connector.getBytes(StandardCharsets.UTF_8));
    h.add("__connect.errors.exception.class.name", error.getClass().getName().getBytes(StandardCharsets.UTF_8));
    h.add("__connect.errors.exception.message", why.getBytes(StandardCharsets.UTF_8));
    dlqProducer.send(new ProducerRecord<>(dlqTopic, null, r.key(), r.value(), h), (meta, sendError) -> {
      if (sendError != null) {
        stats.sinkErrorFollowUp(node.name(), "Sink '" + node.name() + "' could not write an event from " + r.topic()
            + " (" + why + ") nor send it to its dead-letter topic " + dlqTopic + ": " + sendError.getMessage());
      }
    });
  }

  private void flushDlq() {
    if (dlqProducer != null && dlqTopic != null) {
      dlqProducer.flush();
    }
  }

  /** Stops consuming after the current batch and closes the writer and consumer. */
  @Override
  public void close() {
    running = false;
    if (thread != null) {
      consumer.wakeup();
      try {
        thread.join(30_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      consumer.close(Duration.ofSeconds(5));
    } catch (RuntimeException e) {
      LOG.debug("consumer of {} closed with {}", node.name(), e.toString());
    }
    writer.close();
    transforms.close();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
