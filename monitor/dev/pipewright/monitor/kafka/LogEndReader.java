package dev.pipewright.monitor.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.ApiVersions;
import org.apache.kafka.clients.ClientRequest;
import org.apache.kafka.clients.ClientResponse;
import org.apache.kafka.clients.ClientUtils;
import org.apache.kafka.clients.Metadata;
import org.apache.kafka.clients.NetworkClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.internals.ClusterResourceListeners;
import org.apache.kafka.common.message.ListOffsetsRequestData.ListOffsetsPartition;
import org.apache.kafka.common.message.ListOffsetsRequestData.ListOffsetsTopic;
import org.apache.kafka.common.message.ListOffsetsResponseData.ListOffsetsPartitionResponse;
import org.apache.kafka.common.message.ListOffsetsResponseData.ListOffsetsTopicResponse;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.ListOffsetsRequest;
import org.apache.kafka.common.requests.ListOffsetsResponse;
import org.apache.kafka.common.requests.MetadataRequest;
import org.apache.kafka.common.requests.MetadataResponse;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.LogContext;
import org.apache.kafka.common.utils.Time;

/**
 * The log-end offsets of many partitions, in one ListOffsets request per leader, on Kafka's own
 * network client (connections, TLS, SASL, version negotiation, metadata refresh) with none of the
 * consumer's per-partition bookkeeping around it: the requests are built once for a list of
 * partitions and sent again while the list and the cluster's leaders stay the same, and each
 * answer goes straight to a {@link Sink} (docs/decisions/0136). What a consumer's {@code
 * endOffsets} answers (the high watermark, read uncommitted), as Kafka's consumer-groups tool
 * asks for it. Not thread-safe: one poll thread owns it.
 */
final class LogEndReader implements AutoCloseable {
  /** Where each partition's log end goes, in the order of the broker's answer. */
  interface Sink {
    void end(String topic, int partition, long offset);
  }

  private static final long WAIT_STEP_MS = 50;

  private final Time time = Time.SYSTEM;
  private final TopicsMetadata metadata;
  private final Metrics metrics;
  private final NetworkClient client;
  private final long retryBackoffMs;
  /** The partitions read every poll ({@link #track}); only their requests are kept between reads. */
  private List<TopicPartition> tracked;
  /** The requests kept for {@link #tracked}, and the metadata version they were planned on. */
  private Plan trackedPlan;
  private int trackedVersion = -1;

  /** One leader's request: its partitions in request order, and the request, built once. */
  private record Request(List<TopicPartition> partitions, Built builder) {}

  /**
   * Requests by leader, and the partitions whose leader the metadata does not know yet (those the
   * cluster does not have are in neither).
   */
  private record Plan(Map<Node, Request> byLeader, List<TopicPartition> leaderless) {}

  /**
   * A ListOffsets request built once per version and sent again as it is: Kafka's builder makes a
   * new request each time, and the request's constructor walks every partition into a set.
   */
  private static final class Built extends AbstractRequest.Builder<ListOffsetsRequest> {
    private final ListOffsetsRequest.Builder inner;
    private ListOffsetsRequest built;

    Built(ListOffsetsRequest.Builder inner) {
      super(ApiKeys.LIST_OFFSETS, inner.oldestAllowedVersion(), inner.latestAllowedVersion());
      this.inner = inner;
    }

    @Override
    public ListOffsetsRequest build(short version) {
      if (built == null || built.version() != version) {
        built = inner.build(version);
      }
      return built;
    }
  }

  /**
   * @param consumerProperties a plain consumer's connection and security settings
   *     ({@link KafkaClientConfig#consumerProperties}); its {@code client.id} names the client in
   *     the broker's logs and metrics
   */
  LogEndReader(Properties consumerProperties) {
    Properties props = new Properties();
    props.putAll(consumerProperties);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    ConsumerConfig config = new ConsumerConfig(props);
    LogContext log = new LogContext("[" + config.getString(ConsumerConfig.CLIENT_ID_CONFIG) + "] ");
    retryBackoffMs = config.getLong(ConsumerConfig.RETRY_BACKOFF_MS_CONFIG);
    metadata = new TopicsMetadata(retryBackoffMs,
        config.getLong(ConsumerConfig.RETRY_BACKOFF_MAX_MS_CONFIG), config.getLong(ConsumerConfig.METADATA_MAX_AGE_CONFIG),
        log);
    metrics = new Metrics(time);
    try {
      metadata.bootstrap(ClientUtils.parseAndValidateAddresses(config));
      client = ClientUtils.createNetworkClient(config, metrics, "pipewright-lag-ends", log, new ApiVersions(), time, 1,
          metadata, null, null);
    } catch (RuntimeException e) {
      metrics.close();
      metadata.close();
      throw e;
    }
  }

  /**
   * Names the partitions read every poll: their requests are built once and kept while the list
   * (the same object) and the cluster's leaders stay the same, and the metadata covers their topics
   * only (others are added whenever a read asks for them, and forgotten at the next call).
   */
  void track(List<TopicPartition> partitions) {
    tracked = partitions;
    trackedPlan = null;
    metadata.keepOnly(topicsOf(partitions));
  }

  private static Set<String> topicsOf(List<TopicPartition> partitions) {
    Set<String> topics = new HashSet<>();
    String last = null;
    for (TopicPartition tp : partitions) {
      // partitions come grouped by topic, whose name is then one object: skip the set most times
      if (tp.topic() != last) {
        last = tp.topic();
        topics.add(last);
      }
    }
    return topics;
  }

  /** The requests this reader has sent so far (ListOffsets, metadata, version checks). */
  Map<org.apache.kafka.common.MetricName, ? extends org.apache.kafka.common.Metric> metrics() {
    return metrics.metrics();
  }

  /**
   * Reads the log end of every partition in {@code partitions} into {@code sink}, retrying those
   * whose leader moved or is not known yet. A partition the cluster says it does not have (its
   * topic does not exist, or has fewer partitions) is left out: no call to the sink. Partitions
   * answered before a failure have been given to the sink.
   *
   * @throws TimeoutException if some partitions got no answer within {@code timeoutMs} (a broker
   *     that is down)
   * @throws KafkaException if the cluster refuses the login or the read (the broker's own error)
   * @throws InterruptException if the thread is interrupted (its interrupt flag stays set)
   */
  void read(List<TopicPartition> partitions, long timeoutMs, Sink sink) {
    if (partitions.isEmpty()) {
      return;
    }
    long now = time.milliseconds();
    long deadline = now + timeoutMs;
    metadata.want(partitions);
    Plan plan = planFor(partitions);
    Map<Node, Request> unsent = new LinkedHashMap<>(plan.byLeader());
    Map<String, Request> inFlight = new HashMap<>();
    Waiting waiting = new Waiting();
    waiting.add(plan.leaderless(), now);
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        // the selector returns at once for an interrupted thread: without this the loop would spin
        // until the timeout while the monitor is being closed
        throw new InterruptException("interrupted while reading log ends");
      }
      for (var it = unsent.entrySet().iterator(); it.hasNext(); ) {
        var e = it.next();
        Node node = e.getKey();
        if (client.ready(node, now)) {
          ClientRequest request = client.newClientRequest(node.idString(), e.getValue().builder(), now, true);
          client.send(request, now);
          inFlight.put(node.idString(), e.getValue());
          it.remove();
        } else if (client.authenticationException(node) != null) {
          throw client.authenticationException(node);
        } else if (client.connectionFailed(node)) {
          // the leader may have moved away from a broker that is down: ask the metadata again
          waiting.add(e.getValue().partitions(), now);
          it.remove();
        }
      }
      if (inFlight.isEmpty() && unsent.isEmpty() && waiting.partitions.isEmpty()) {
        return;
      }
      if (now >= deadline) {
        int left = waiting.partitions.size() + inFlight.values().stream().mapToInt(r -> r.partitions().size()).sum()
            + unsent.values().stream().mapToInt(r -> r.partitions().size()).sum();
        throw new TimeoutException("the log ends of " + left + " partitions were not read within " + timeoutMs + " ms");
      }
      for (ClientResponse r : client.poll(Math.min(deadline - now, WAIT_STEP_MS), now)) {
        Request sent = inFlight.remove(r.destination());
        if (sent == null) {
          continue;
        }
        waiting.add(answer(r, sent, sink), now);
      }
      metadata.maybeThrowAnyException();
      now = time.milliseconds();
      if (waiting.due(now)) {
        // ask again, with what could not be sent yet, on the leaders the metadata now names
        List<TopicPartition> again = waiting.take();
        for (Request q : unsent.values()) {
          again.addAll(q.partitions());
        }
        Plan replanned = planFor(again);
        unsent = new LinkedHashMap<>(replanned.byLeader());
        waiting.add(replanned.leaderless(), now);
      }
    }
  }

  /**
   * Partitions of one read to ask again (no leader known, a retriable error, a lost connection):
   * each addition asks the metadata again, and they are planned again once it has changed or the
   * back-off has passed, not at every turn of the loop.
   */
  private final class Waiting {
    private List<TopicPartition> partitions = new ArrayList<>();
    /** The metadata version and the time when the oldest of them started waiting. */
    private int version;
    private long since;

    void add(List<TopicPartition> more, long now) {
      if (more.isEmpty()) {
        return;
      }
      int current = metadata.requestUpdate(false);
      if (partitions.isEmpty()) {
        version = current;
        since = now;
      }
      partitions.addAll(more);
    }

    boolean due(long now) {
      return !partitions.isEmpty() && (metadata.updateVersion() > version || now - since >= retryBackoffMs);
    }

    List<TopicPartition> take() {
      List<TopicPartition> taken = partitions;
      partitions = new ArrayList<>();
      return taken;
    }
  }

  /** Gives the sink every partition answered; returns those to ask again, throws for a refusal. */
  private List<TopicPartition> answer(ClientResponse r, Request sent, Sink sink) {
    if (r.authenticationException() != null) {
      throw r.authenticationException();
    }
    if (r.versionMismatch() != null) {
      throw r.versionMismatch();
    }
    if (r.wasDisconnected() || r.wasTimedOut() || !(r.responseBody() instanceof ListOffsetsResponse body)) {
      return sent.partitions();
    }
    int answered = 0;
    Set<TopicPartition> missed = null;
    for (ListOffsetsTopicResponse t : body.topics()) {
      String topic = t.name();
      for (ListOffsetsPartitionResponse p : t.partitions()) {
        if (p.errorCode() == Errors.NONE.code()) {
          sink.end(topic, p.partitionIndex(), p.offset());
          answered++;
          continue;
        }
        KafkaException e = Errors.forCode(p.errorCode()).exception();
        if (!(e instanceof RetriableException)) {
          throw e;
        }
        missed = missed == null ? new HashSet<>() : missed;
        missed.add(new TopicPartition(topic, p.partitionIndex()));
      }
    }
    if (answered == sent.partitions().size()) {
      return List.of();
    }
    // the rare path: some partitions failed or were left out of the answer
    Set<TopicPartition> failed = missed == null ? Set.of() : missed;
    Set<TopicPartition> got = new HashSet<>();
    for (ListOffsetsTopicResponse t : body.topics()) {
      for (ListOffsetsPartitionResponse p : t.partitions()) {
        TopicPartition tp = new TopicPartition(t.name(), p.partitionIndex());
        if (!failed.contains(tp)) {
          got.add(tp);
        }
      }
    }
    List<TopicPartition> again = new ArrayList<>();
    for (TopicPartition tp : sent.partitions()) {
      if (!got.contains(tp)) {
        again.add(tp);
      }
    }
    return again;
  }

  /**
   * The requests for {@code partitions} by leader, and those whose leader the metadata does not know
   * yet; for the {@link #tracked} list, the kept requests while the metadata is the same.
   */
  private Plan planFor(List<TopicPartition> partitions) {
    int version = metadata.updateVersion();
    if (partitions == tracked && trackedPlan != null && version == trackedVersion) {
      return trackedPlan;
    }
    var cluster = metadata.fetch();
    Map<Node, Map<String, ListOffsetsTopic>> topics = new HashMap<>();
    Map<Node, List<TopicPartition>> byLeader = new HashMap<>();
    List<TopicPartition> none = new ArrayList<>();
    int gone = 0;
    for (TopicPartition tp : partitions) {
      Node leader = cluster.leaderFor(tp);
      if (leader == null) {
        Integer count = cluster.partitionCountForTopic(tp.topic());
        if (metadata.saysMissing(tp.topic()) || count != null && tp.partition() >= count) {
          // left out, as the consumer-groups tool prints "-" for it (a group may keep offsets of a
          // deleted topic); the consumer waited for it until the timeout
          gone++;
        } else {
          none.add(tp);
        }
        continue;
      }
      byLeader.computeIfAbsent(leader, n -> new ArrayList<>()).add(tp);
      topics.computeIfAbsent(leader, n -> new LinkedHashMap<>())
          .computeIfAbsent(tp.topic(), t -> new ListOffsetsTopic().setName(t))
          .partitions().add(new ListOffsetsPartition().setPartitionIndex(tp.partition())
              .setTimestamp(ListOffsetsRequest.LATEST_TIMESTAMP));
    }
    Map<Node, Request> made = new HashMap<>();
    for (var e : byLeader.entrySet()) {
      made.put(e.getKey(), new Request(e.getValue(), new Built(ListOffsetsRequest.Builder
          .forConsumer(false, IsolationLevel.READ_UNCOMMITTED)
          .setTargetTimes(new ArrayList<>(topics.get(e.getKey()).values())))));
    }
    if (gone > 0) {
      // the verdict is the last answer's: ask again soon, so a topic created since is read
      metadata.requestUpdate(false);
    }
    Plan plan = new Plan(made, none);
    if (partitions == tracked) {
      trackedPlan = plan;
      trackedVersion = version;
    }
    return plan;
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (Exception e) {
      // closing a client whose broker is gone: nothing left to release
    }
    metrics.close();
    metadata.close();
  }

  /**
   * Cluster metadata for the topics being read only (a plain {@link Metadata} asks for every topic
   * of the cluster on each refresh).
   */
  private static final class TopicsMetadata extends Metadata {
    private volatile Set<String> topics = Set.of();

    TopicsMetadata(long backoffMs, long backoffMaxMs, long maxAgeMs, LogContext log) {
      super(backoffMs, backoffMaxMs, maxAgeMs, log, new ClusterResourceListeners());
    }

    private List<TopicPartition> covered;

    /** Makes the metadata cover the topics of {@code partitions}, asking the cluster now for new ones. */
    void want(List<TopicPartition> partitions) {
      if (partitions == covered) {
        return;
      }
      Set<String> wanted = topicsOf(partitions);
      if (!topics.containsAll(wanted)) {
        wanted.addAll(topics);
        topics = Set.copyOf(wanted);
        requestUpdateForNewTopics();
      }
      covered = partitions;
    }

    /** From the next refresh on, the metadata covers these topics only; asks for new ones now. */
    void keepOnly(Set<String> wanted) {
      boolean adds = !topics.containsAll(wanted);
      topics = Set.copyOf(wanted);
      covered = null;
      if (adds) {
        requestUpdateForNewTopics();
      }
    }

    /** Topics the last metadata answer named as not existing. */
    private Set<String> missing = Set.of();

    @Override
    public synchronized void update(int requestVersion, MetadataResponse response, boolean isPartialUpdate, long nowMs) {
      super.update(requestVersion, response, isPartialUpdate, nowMs);
      missing = Set.copyOf(response.topicsByError(Errors.UNKNOWN_TOPIC_OR_PARTITION));
    }

    /** Whether the last metadata answer said {@code topic} does not exist. */
    synchronized boolean saysMissing(String topic) {
      return missing.contains(topic);
    }

    @Override
    protected MetadataRequest.Builder newMetadataRequestBuilder() {
      return new MetadataRequest.Builder(new ArrayList<>(topics), false);
    }

    @Override
    protected boolean retainTopic(String topic, boolean isInternal, long nowMs) {
      return topics.contains(topic);
    }
  }
}
