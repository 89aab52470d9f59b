package dev.pipewright.monitor.kafka;

import dev.pipewright.monitor.Health;
import dev.pipewright.monitor.lag.BurrowEvaluator;
import dev.pipewright.monitor.lag.Commit;
import dev.pipewright.monitor.lag.GroupStatus;
import dev.pipewright.monitor.lag.PartitionStatus;
import dev.pipewright.monitor.lag.TimeLag;
import dev.pipewright.monitor.lag.TimeLagEstimator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumer lag per group, topic and partition, in messages and seconds, with Burrow statuses.
 * Each poll sends a fixed handful of Admin requests whatever the number of groups: one
 * {@code listConsumerGroupOffsets} for all groups at once (batched per coordinator) and one
 * {@code listOffsets(latest)} for all their partitions (batched per leader), sent together when the
 * groups are those of the last poll (docs/decisions/0111), plus the coordinator lookup. Lag in
 * messages is log end minus committed offset, the figure Kafka's consumer-groups tool prints.
 * Optionally reads record timestamps for lag in seconds on the first polls (0112). Not
 * thread-safe: one poll thread owns it.
 */
public final class KafkaLagCollector implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaLagCollector.class);
  private static final long CALL_TIMEOUT_MS = 10_000;

  private final Admin admin;
  private final boolean ownsAdmin;
  private final Clock clock;
  private final String address;
  private final TimeLagEstimator estimator;
  private final BurrowEvaluator burrow;
  private final RecordTimeReader recordTimes;
  /** The groups' commits as they make them, or null to judge from polled offsets alone. */
  private final CommitLogFeed commitLog;
  private boolean commitLogFailureLogged;
  /** The groups of the last poll and a list-offsets request for their partitions. */
  private Set<String> lastGroups = Set.of();
  private Map<TopicPartition, OffsetSpec> lastLatest = Map.of();

  private KafkaLagCollector(Admin admin, boolean ownsAdmin, String address, Clock clock, int samples,
      int burrowWindow, RecordTimeReader recordTimes) {
    this(admin, ownsAdmin, address, clock, samples, burrowWindow, recordTimes, null);
  }

  private KafkaLagCollector(Admin admin, boolean ownsAdmin, String address, Clock clock, int samples,
      int burrowWindow, RecordTimeReader recordTimes, CommitLogFeed commitLog) {
    this.admin = admin;
    this.commitLog = commitLog;
    this.recordTimes = recordTimes;
    this.ownsAdmin = ownsAdmin;
    this.address = address;
    this.clock = clock;
    this.estimator = new TimeLagEstimator(samples);
    this.burrow = new BurrowEvaluator(burrowWindow, Duration.ofMinutes(5));
  }

  /** A collector with its own Admin client built from {@code adminProperties}; closing closes it. */
  public static KafkaLagCollector create(Properties adminProperties, Clock clock) {
    String address = String.valueOf(adminProperties.get("bootstrap.servers"));
    return new KafkaLagCollector(Admin.create(adminProperties), true, address, clock,
        TimeLagEstimator.DEFAULT_SAMPLES, BurrowEvaluator.DEFAULT_WINDOW, null);
  }

  /**
   * As {@link #create(Properties, Clock)}, and a partition whose lag in seconds the estimator can
   * only bound or extrapolate (the first polls, an idle producer) gets it from the timestamp of the
   * record at the committed offset, read with a consumer on the same connection settings: at most
   * {@value #MAX_RECORD_READS} new partitions per poll, for at most {@code readBudget} (the poll
   * returns as soon as all are read), each read once while its committed offset stays put. The
   * reader's requests are counted in {@link KafkaLagReport#requests()}.
   */
  public static KafkaLagCollector create(Properties adminProperties, Clock clock, Duration readBudget) {
    String address = String.valueOf(adminProperties.get("bootstrap.servers"));
    return new KafkaLagCollector(Admin.create(adminProperties), true, address, clock,
        TimeLagEstimator.DEFAULT_SAMPLES, BurrowEvaluator.DEFAULT_WINDOW,
        new RecordTimeReader(adminProperties, readBudget));
  }

  /**
   * As {@link #create(Properties, Clock, Duration)}, and the groups' commits are also read from
   * Kafka's commit log as they happen ({@link CommitLogFeed}), so a group that keeps committing the
   * same offset is told apart from one that stopped committing (Burrow's STALL and STOP). Where the
   * monitor's user may not read {@code __consumer_offsets}, it judges from polled offsets as before.
   */
  public static KafkaLagCollector withCommitLog(Properties adminProperties, Clock clock, Duration readBudget) {
    String address = String.valueOf(adminProperties.get("bootstrap.servers"));
    return new KafkaLagCollector(Admin.create(adminProperties), true, address, clock,
        TimeLagEstimator.DEFAULT_SAMPLES, BurrowEvaluator.DEFAULT_WINDOW,
        new RecordTimeReader(adminProperties, readBudget), CommitLogFeed.start(adminProperties));
  }

  /** Waits until the commit log is read from its end; false without one, on failure or timeout. */
  boolean awaitCommitLog(Duration max) throws InterruptedException {
    return commitLog != null && commitLog.awaitReading(max);
  }

  /** Why the commit log cannot be read (statuses then come from polled offsets), or empty. */
  public Optional<String> commitLogProblem() {
    return commitLog == null ? Optional.empty() : commitLog.failure();
  }

  /** Most partitions whose record timestamp is read in one poll (those with the largest lag first). */
  public static final int MAX_RECORD_READS = 2_000;

  /** A collector over an Admin client the caller owns and closes. */
  public static KafkaLagCollector over(Admin admin, String address, Clock clock) {
    return new KafkaLagCollector(admin, false, address, clock, TimeLagEstimator.DEFAULT_SAMPLES,
        BurrowEvaluator.DEFAULT_WINDOW, null);
  }

  /**
   * Polls the lag of {@code groups} (all consumer groups of the cluster when empty, at the price of
   * one more request). Never throws for a cluster that is down or refuses access: the report is
   * RED with the reason.
   */
  public KafkaLagReport poll(Collection<String> groups) {
    long before = requestsSent();
    try {
      List<GroupLag> result = collect(groups.isEmpty() ? allGroups() : new TreeSet<>(groups));
      Health health = Health.GREEN;
      for (GroupLag g : result) {
        if (g.status() == GroupStatus.ERR) {
          health = Health.amber("consumer group " + g.group() + " is in ERR (a partition stopped, stalled or rewound)");
          break;
        }
      }
      return new KafkaLagReport(clock.instant(), health, result, requestsSent() - before);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      return failed(KafkaErrors.describe(e, address), before);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed("interrupted while polling Kafka at " + address, before);
    } catch (RuntimeException e) {
      return failed(KafkaErrors.describe(e, address), before);
    }
  }

  private KafkaLagReport failed(String reason, long before) {
    return new KafkaLagReport(clock.instant(), Health.red(reason), List.of(), requestsSent() - before);
  }

  private Set<String> allGroups() throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
    Set<String> names = new TreeSet<>();
    for (GroupListing g : admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()
        .get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
      names.add(g.groupId());
    }
    return names;
  }

  private List<GroupLag> collect(Set<String> groups)
      throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
    if (groups.isEmpty()) {
      return List.of();
    }
    Map<String, ListConsumerGroupOffsetsSpec> specs = new LinkedHashMap<>();
    for (String g : groups) {
      specs.put(g, new ListConsumerGroupOffsetsSpec());
    }
    // The log ends of the partitions the same groups had last poll are asked for at the same time
    // as the committed offsets (one round trip instead of two; see docs/decisions/0111). A
    // partition that is new, or whose end was read before a commit beyond it, is asked again after.
    KafkaFuture<Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo>> early =
        groups.equals(lastGroups) && !lastLatest.isEmpty() ? admin.listOffsets(lastLatest).all() : null;
    Map<String, Map<TopicPartition, OffsetAndMetadata>> committed =
        admin.listConsumerGroupOffsets(specs).all().get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = Map.of();
    if (early != null) {
      try {
        ends = early.get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
        // e.g. a topic deleted since the last poll: every end is asked again below
      }
    }
    Set<TopicPartition> partitions = new HashSet<>();
    Map<TopicPartition, OffsetSpec> again = new HashMap<>();
    for (Map<TopicPartition, OffsetAndMetadata> m : committed.values()) {
      for (var e : m.entrySet()) {
        if (e.getValue() != null) {
          TopicPartition tp = e.getKey();
          partitions.add(tp);
          var end = ends.get(tp);
          if (end == null || end.offset() < e.getValue().offset()) {
            again.put(tp, OffsetSpec.latest());
          }
        }
      }
    }
    if (!again.isEmpty()) {
      var more = admin.listOffsets(again).all().get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      ends = new HashMap<>(ends);
      ends.putAll(more);
    }
    boolean unchanged = groups.equals(lastGroups) && partitions.equals(lastLatest.keySet());
    if (!unchanged) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>(partitions.size() * 2);
      for (TopicPartition tp : partitions) {
        latest.put(tp, OffsetSpec.latest());
      }
      lastGroups = Set.copyOf(groups);
      lastLatest = latest;
    }
    Instant at = clock.instant();
    return withRecordTimes(compute(groups, committed, partitions, ends, at, unchanged), at);
  }

  /**
   * Replaces lag seconds that are only a bound or an extrapolation with now minus the timestamp of
   * the record at the committed offset (docs/decisions/0112). One offset per partition per poll:
   * the one furthest behind.
   */
  private List<GroupLag> withRecordTimes(List<GroupLag> groups, Instant at) {
    if (recordTimes == null) {
      return groups;
    }
    List<PartitionLag> vague = new ArrayList<>();
    for (GroupLag g : groups) {
      for (PartitionLag p : g.partitions()) {
        TimeLag.Basis b = p.lagSeconds().basis();
        if (p.lag() > 0 && (b == TimeLag.Basis.LOWER_BOUND || b == TimeLag.Basis.EXTRAPOLATED
            || b == TimeLag.Basis.UNKNOWN)) {
          vague.add(p);
        }
      }
    }
    vague.sort(Comparator.comparingLong(PartitionLag::lag).reversed());
    Map<TopicPartition, Long> wanted = new HashMap<>();
    int unread = 0;
    for (PartitionLag p : vague) {
      TopicPartition tp = new TopicPartition(p.topic(), p.partition());
      if (wanted.containsKey(tp)) {
        continue;
      }
      boolean known = recordTimes.knows(tp, p.committedOffset());
      if (known || unread < MAX_RECORD_READS) {
        wanted.put(tp, p.committedOffset());
        unread += known ? 0 : 1;
      }
    }
    Map<TopicPartition, RecordTimeReader.Stamp> stamps = recordTimes.stamps(wanted);
    if (stamps.isEmpty()) {
      return groups;
    }
    long nowMs = at.toEpochMilli();
    List<GroupLag> out = new ArrayList<>(groups.size());
    for (GroupLag g : groups) {
      List<PartitionLag> parts = new ArrayList<>(g.partitions().size());
      boolean changed = false;
      double maxSeconds = 0;
      for (PartitionLag p : g.partitions()) {
        TopicPartition tp = new TopicPartition(p.topic(), p.partition());
        RecordTimeReader.Stamp s = stamps.get(tp);
        if (s != null && wanted.get(tp) == p.committedOffset()) {
          double seconds = Math.max(0, (nowMs - s.timestampMs()) / 1000.0);
          // a later record than asked for (compacted away or past retention) only bounds the lag
          TimeLag t = new TimeLag(seconds, s.offset() == p.committedOffset()
              ? TimeLag.Basis.RECORD_TIME : TimeLag.Basis.LOWER_BOUND);
          if (t.basis() == TimeLag.Basis.RECORD_TIME || seconds > p.lagSeconds().seconds()) {
            p = new PartitionLag(p.group(), p.topic(), p.partition(), p.committedOffset(), p.logEndOffset(), p.lag(),
                t, p.status(), p.timeToClear());
            changed = true;
          }
        }
        parts.add(p);
        if (p.lagSeconds().known()) {
          maxSeconds = Math.max(maxSeconds, p.lagSeconds().seconds());
        }
      }
      out.add(changed ? new GroupLag(g.group(), g.status(), g.totalLag(), maxSeconds, parts) : g);
    }
    return out;
  }

  /**
   * Our own work on one poll's answers, no I/O: lag, time lag, Burrow statuses. {@code unchanged}
   * says the groups and partitions are those of the last poll, so there is nothing to forget.
   */
  List<GroupLag> compute(Set<String> groups, Map<String, Map<TopicPartition, OffsetAndMetadata>> committed,
      Set<TopicPartition> partitions, Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends, Instant at,
      boolean unchanged) {
    for (TopicPartition tp : partitions) {
      var end = ends.get(tp);
      if (end != null) {
        estimator.recordLogEnd(tp, end.offset(), at);
      }
    }
    boolean fromLog = commitLogReadable();
    if (fromLog) {
      for (CommitLogFeed.GroupCommit c : commitLog.drain(groups)) {
        var end = ends.get(new TopicPartition(c.topic(), c.partition()));
        long lag = end == null ? 0 : Math.max(0, end.offset() - c.offset());
        burrow.add(c.group(), c.topic(), c.partition(), new Commit(c.offset(), lag, c.at()));
      }
    }
    List<GroupLag> out = new ArrayList<>(groups.size());
    for (String g : groups) {
      out.add(groupLag(g, committed.getOrDefault(g, Map.of()), ends, at, fromLog));
    }
    if (!unchanged) {
      estimator.retainOnly(partitions);
      burrow.retainGroups(Set.copyOf(groups));
    }
    return out;
  }

  private boolean commitLogReadable() {
    if (commitLog == null) {
      return false;
    }
    Optional<String> problem = commitLog.failure();
    if (problem.isPresent() && !commitLogFailureLogged) {
      commitLogFailureLogged = true;
      LOG.warn("{}; consumer statuses come from polled offsets, so a group that keeps committing the same offset "
          + "shows as STOP rather than STALL", problem.get());
    }
    return problem.isEmpty();
  }

  private GroupLag groupLag(String group, Map<TopicPartition, OffsetAndMetadata> offsets,
      Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends, Instant at, boolean fromLog) {
    long nowMs = at.toEpochMilli();
    PartitionLag[] parts = new PartitionLag[offsets.size()];
    int n = 0;
    boolean err = false;
    boolean warn = false;
    long total = 0;
    double maxSeconds = 0;
    for (var e : offsets.entrySet()) {
      TopicPartition tp = e.getKey();
      var end = ends.get(tp);
      if (e.getValue() == null || end == null) {
        continue;
      }
      long committedOffset = e.getValue().offset();
      long logEnd = end.offset();
      long lag = logEnd - committedOffset;
      TimeLagEstimator.Reading read = estimator.read(group, tp, committedOffset, nowMs);
      PartitionStatus ps = fromLog
          ? burrow.seedAndJudge(group, tp.topic(), tp.partition(), committedOffset, Math.max(0, lag), at)
          : burrow.observeAndJudge(group, tp.topic(), tp.partition(), committedOffset, Math.max(0, lag), at);
      err |= ps.isError();
      warn |= ps == PartitionStatus.WARN;
      parts[n++] = new PartitionLag(group, tp.topic(), tp.partition(), committedOffset, logEnd, lag, read.lag(), ps,
          read.timeToClear());
      total += Math.max(0, lag);
      if (read.lag().known()) {
        maxSeconds = Math.max(maxSeconds, read.lag().seconds());
      }
    }
    Arrays.sort(parts, 0, n, BY_TOPIC_PARTITION);
    GroupStatus status = err ? GroupStatus.ERR : warn ? GroupStatus.WARN : GroupStatus.OK;
    return new GroupLag(group, status, total, maxSeconds, Arrays.asList(parts).subList(0, n));
  }

  private static final Comparator<PartitionLag> BY_TOPIC_PARTITION =
      Comparator.comparing(PartitionLag::topic).thenComparingInt(PartitionLag::partition);

  /** The requests this collector's clients have sent so far, from their own metrics. */
  public long requestsSent() {
    return adminRequests() + (recordTimes == null ? 0 : recordTimes.requestsSent());
  }

  private long adminRequests() {
    for (Map.Entry<MetricName, ? extends Metric> e : admin.metrics().entrySet()) {
      MetricName n = e.getKey();
      if (n.name().equals("request-total") && n.group().equals("admin-client-metrics")) {
        Object v = e.getValue().metricValue();
        return v instanceof Number num ? num.longValue() : 0;
      }
    }
    return 0;
  }

  @Override
  public void close() {
    if (commitLog != null) {
      commitLog.close();
    }
    if (recordTimes != null) {
      recordTimes.close();
    }
    if (ownsAdmin) {
      admin.close(Duration.ofSeconds(2));
    }
  }
}
