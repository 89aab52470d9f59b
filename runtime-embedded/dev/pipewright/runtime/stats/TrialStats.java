package dev.pipewright.runtime.stats;

import dev.pipewright.model.Category;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.connect.ConnectorConfigs;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * Every live figure of one trial: a counter per edge of the drawing and the progress of each sink.
 * The capture and the sinks report events here; the app and the CLI read immutable snapshots.
 */
public final class TrialStats {
  /** How many recent events each edge keeps for display. */
  public static final int SAMPLES_PER_EDGE = 20;
  private static final int MAX_REMEMBERED_EVENT_IDS = 2_000_000;

  private final Pipeline pipeline;
  private final Clock clock;
  private final Instant started;
  private final Map<Edge, EdgeCounter> edges = new LinkedHashMap<>();
  private final Map<String, Sink> sinks = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> transformChains = new ConcurrentHashMap<>();
  /** The edge counters an event passes, worked out once per kind of event, node and topic. */
  private final Map<Route, List<EdgeCounter>> routes = new ConcurrentHashMap<>();

  private record Route(String event, String node, String topic) {}
  private final JsonConverter render = new JsonConverter();
  private final BiConsumer<String, Duration> onFirstEvent;
  /** Source commit to Kafka's acknowledgement of the captured event. */
  private final LatencyRecorder toKafka = new LatencyRecorder(200_000);

  private final class Sink {
    final String node;
    final String kind;
    final boolean preview;
    final AtomicLong written = new AtomicLong();
    final Map<String, AtomicLong> perTopic = new ConcurrentHashMap<>();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final LatencyRecorder latency = new LatencyRecorder(200_000);
    /** Source commit to the sink's consumer handing the event over (before the write). */
    final LatencyRecorder read = new LatencyRecorder(200_000);
    final Set<String> seen = Collections.newSetFromMap(new ConcurrentHashMap<>());
    volatile Duration firstEventAfter;
    volatile String lastError;

    Sink(Node n) {
      this.node = n.name();
      this.kind = n.kind().id();
      this.preview = n.kind().previewOnlyInTrial();
    }
  }

  public TrialStats(Pipeline pipeline, Clock clock, Instant started, BiConsumer<String, Duration> onFirstEvent) {
    this.pipeline = pipeline;
    this.clock = clock;
    this.started = started;
    this.onFirstEvent = onFirstEvent;
    render.configure(Map.of("schemas.enable", "false", "decimal.format", "NUMERIC"), false);
    for (Edge e : pipeline.edges()) {
      edges.put(e, new EdgeCounter(e, clock, SAMPLES_PER_EDGE));
    }
    for (Node n : pipeline.nodesIn(Category.SINK)) {
      sinks.put(n.name(), new Sink(n));
    }
  }

  /** The capture emitted a change event (before it went to Kafka): counts source -> capture and capture -> transform edges. */
  public void captured(String captureNode, String topic, Object key, Object value) {
    for (EdgeCounter c : route(new Route("captured", captureNode, topic),
        e -> e.to().equals(captureNode) && isKind(e.from(), Category.SOURCE)
            || e.from().equals(captureNode) && isKind(e.to(), Category.TRANSFORM))) {
      c.record(topic, key, value);
    }
  }

  /** Kafka acknowledged a change event on {@code topic}: counts every edge into that topic's node. */
  public void produced(String topic, Object key, Object value) {
    for (EdgeCounter c : route(new Route("produced", null, topic), e -> isTopic(e.to(), topic))) {
      c.record(topic, key, value);
    }
    recordChangeLatency(toKafka, value, clock.millis());
  }

  private List<EdgeCounter> route(Route r, Predicate<Edge> passes) {
    return routes.computeIfAbsent(r, k -> pipeline.edges().stream().filter(passes).map(edges::get).toList());
  }

  /** Records now minus the commit time of a change (snapshot reads carry the time they were read, not a commit). */
  private static void recordChangeLatency(LatencyRecorder r, Object value, long nowMillis) {
    long committed = commitMillis(value);
    if (committed >= 0) {
      r.record(nowMillis, nowMillis - committed);
    }
  }

  /** The source's commit time of a change event (epoch millis), or -1 for a snapshot read or no event. */
  private static long commitMillis(Object value) {
    return value != null && !"r".equals(Fields.get(value, "op"))
        && Fields.get(Fields.get(value, "source"), "ts_ms") instanceof Number ts ? ts.longValue() : -1;
  }

  /**
   * A sink wrote (or, for a preview, received) a change event read from {@code topic}; counts the
   * edges into the sink, remembers the event to notice duplicates, and records its latency.
   */
  public void delivered(String sinkNode, String topic, byte[] rawKey, Object key, Object value) {
    delivered(sinkNode, topic, rawKey, key, value, key, value, clock.millis());
  }

  /**
   * As {@link #delivered(String, String, byte[], Object, Object)}, for an event the sink's consumer
   * handed over at {@code polledAtMillis} (epoch millis), which splits its latency into reading and
   * writing. For a sink behind transforms {@code key}/{@code value} are the change event as read
   * from the topic (its latency and identity), {@code shownKey}/{@code shownValue} what the
   * transforms made of it, shown on the edge from the last transform into the sink.
   */
  public void delivered(String sinkNode, String topic, byte[] rawKey, Object key, Object value, Object shownKey,
      Object shownValue, long polledAtMillis) {
    Sink s = sinks.get(sinkNode);
    if (s == null) {
      return;
    }
    for (EdgeCounter c : route(new Route("delivered", sinkNode, topic),
        e -> e.to().equals(sinkNode) && isTopic(e.from(), topic))) {
      c.record(topic, key, value);
    }
    for (EdgeCounter c : route(new Route("shown", sinkNode, null),
        e -> e.to().equals(sinkNode) && isKind(e.from(), Category.TRANSFORM))) {
      c.record(topic, shownKey, shownValue);
    }
    long n = s.written.incrementAndGet();
    s.perTopic.computeIfAbsent(topic, t -> new AtomicLong()).incrementAndGet();
    if (n == 1) {
      s.firstEventAfter = Duration.between(started, clock.instant());
      onFirstEvent.accept(sinkNode, s.firstEventAfter);
    }
    if (value != null) {
      String id = eventId(topic, rawKey, value);
      if (id != null && s.seen.size() < MAX_REMEMBERED_EVENT_IDS && !s.seen.add(id)) {
        s.duplicates.incrementAndGet();
      }
      long committed = commitMillis(value);
      if (committed >= 0) {
        long now = clock.millis();
        s.read.record(now, polledAtMillis - committed);
        s.latency.record(now, now - committed);
      }
    }
  }

  /**
   * A sink behind transforms read a change event from {@code topic} (before the transforms, which
   * may drop it): counts the edges from that topic into a transform and between transforms on
   * the way to the sink.
   */
  public void read(String sinkNode, String topic, Object key, Object value) {
    Set<String> chain = transformsBefore(sinkNode);
    for (EdgeCounter c : route(new Route("read", sinkNode, topic),
        e -> chain.contains(e.to()) && (isTopic(e.from(), topic) || chain.contains(e.from())))) {
      c.record(topic, key, value);
    }
  }

  private Set<String> transformsBefore(String sinkNode) {
    return transformChains.computeIfAbsent(sinkNode, n -> {
      Set<String> out = new java.util.HashSet<>();
      java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(n));
      while (!todo.isEmpty()) {
        for (Node u : pipeline.upstream(todo.pop())) {
          if (u.kind().category() == Category.TRANSFORM && out.add(u.name())) {
            todo.push(u.name());
          }
        }
      }
      return Set.copyOf(out);
    });
  }

  /** Now on the clock latencies are measured with (epoch millis). */
  public long nowMillis() {
    return clock.millis();
  }

  public void sinkError(String sinkNode, String sentence) {
    Sink s = sinks.get(sinkNode);
    if (s != null) {
      s.errors.incrementAndGet();
      s.lastError = sentence;
    }
  }

  /** Says more about an error {@link #sinkError} already counted (e.g. what became of the event). */
  public void sinkErrorFollowUp(String sinkNode, String sentence) {
    Sink s = sinks.get(sinkNode);
    if (s != null) {
      s.lastError = sentence;
    }
  }

  public List<EdgeStats> edges() {
    List<EdgeStats> out = new ArrayList<>();
    for (EdgeCounter c : edges.values()) {
      out.add(c.snapshot(this::json));
    }
    return out;
  }

  public Map<String, SinkStats> sinks() {
    Map<String, SinkStats> out = new TreeMap<>();
    for (Sink s : sinks.values()) {
      Map<String, Long> per = new HashMap<>();
      s.perTopic.forEach((k, v) -> per.put(k, v.get()));
      LatencySummary l = s.latency.summary(Long.MIN_VALUE);
      out.put(s.node, new SinkStats(s.node, s.kind, s.preview, s.written.get(), per, s.duplicates.get(),
          s.errors.get(), s.firstEventAfter, l.percentile(50), l.percentile(95), l.percentile(99), s.lastError));
    }
    return out;
  }

  /**
   * Change latencies by stage, counting only events measured at or after {@code since}: source
   * commit to Kafka's acknowledgement ({@code "capture"}), and for each sink, commit to its consumer
   * handing the event over ({@code "<sink> read"}) and commit to the write done ({@code "<sink>"}).
   */
  public Map<String, LatencySummary> latencyByStage(Instant since) {
    Map<String, LatencySummary> out = new LinkedHashMap<>();
    recordersByStage().forEach((stage, r) -> out.put(stage, r.summary(since.toEpochMilli())));
    return out;
  }

  /**
   * The same stages as {@link #latencyByStage}, each split by the second (counted from
   * {@code since}) in which its latencies were measured: shows how long a warm-up lasts.
   */
  public Map<String, SortedMap<Long, LatencySummary>> latencyBySecond(Instant since) {
    Map<String, SortedMap<Long, LatencySummary>> out = new LinkedHashMap<>();
    recordersByStage().forEach((stage, r) -> out.put(stage, r.bySecond(since.toEpochMilli())));
    return out;
  }

  /** The latency recorders by stage name, in report order: the capture, then each sink's read and write. */
  private Map<String, LatencyRecorder> recordersByStage() {
    Map<String, LatencyRecorder> out = new LinkedHashMap<>();
    out.put("capture", toKafka);
    for (Sink s : new TreeMap<>(sinks).values()) {
      out.put(s.node + " read", s.read);
      out.put(s.node, s.latency);
    }
    return out;
  }

  /** Compact JSON of a Connect value (a key or a row), for display. */
  public String json(Object connectValue) {
    if (connectValue == null) {
      return null;
    }
    Schema schema = connectValue instanceof Struct s ? s.schema() : null;
    byte[] bytes = render.fromConnectData("render", schema, connectValue);
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * Identifies one change event across redeliveries: topic, key, operation and the source
   * position (PostgreSQL LSN; snapshot reads share an LSN but differ by key).
   */
  static String eventId(String topic, byte[] rawKey, Object value) {
    Object op = Fields.get(value, "op");
    Object source = Fields.get(value, "source");
    if (source == null) {
      return null;
    }
    Object lsn = Fields.get(source, "lsn");
    Object pos = lsn != null ? lsn : Fields.get(source, "ts_ms");
    return topic + '|' + (rawKey == null ? "" : new String(rawKey, StandardCharsets.UTF_8)) + '|' + op + '|' + pos
        + '|' + Fields.get(source, "txId");
  }

  private boolean isKind(String node, Category c) {
    return pipeline.node(node).map(n -> n.kind().category() == c).orElse(false);
  }

  private boolean isTopic(String node, String topic) {
    return pipeline.node(node).filter(n -> n.kind() == NodeKind.TOPIC)
        .map(n -> ConnectorConfigs.topicName(n).equals(topic)).orElse(false);
  }
}
