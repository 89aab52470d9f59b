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
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumer lag per group, topic and partition, in messages and seconds, with Burrow statuses.
 * Each poll sends a fixed handful of requests whatever the number of groups: one Admin
 * {@code listConsumerGroupOffsets} for all groups at once (batched per coordinator) and one
 * ListOffsets per leader for all their partitions, from the collector's own {@link LogEndReader}
 * (docs/decisions/0132, 0136), sent together when the groups are those of the last poll
 * (docs/decisions/0111), plus the coordinator lookup. Lag in messages is log end minus committed
 * offset, the figure Kafka's consumer-groups tool prints. Optionally reads record timestamps for
 * lag in seconds on the first polls (0112). Not thread-safe: one poll thread owns it.
 */
public final class KafkaLagCollector implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaLagCollector.class);
  private static final long CALL_TIMEOUT_MS = 10_000;

  private final Admin admin;
  private final LogEndReader endReader;
  /** How long the log ends may take: the Admin's API timeout, at most the collector's own cap. */
  private final long endsTimeoutMs;
  private final Clock clock;
  private final String address;
  private final TimeLagEstimator estimator;
  private final BurrowEvaluator burrow;
  private final RecordTimeReader recordTimes;
  /** The groups' commits as they make them, or null to judge from polled offsets alone. */
  private final CommitLogFeed commitLog;
  private boolean commitLogFailureLogged;
  /** Commits a failed poll drained from the log, for the next poll to judge. */
  private List<CommitLogFeed.GroupCommit> carried = List.of();
  private final Metric adminRequests;
  private final Metric endReaderRequests;
  /**
   * All a poll keeps, by partition and by group-partition: one look-up per group-partition reaches
   * its tables and window (the keyed maps of the estimator and Burrow took four).
   */
  private final Map<TopicPartition, PartitionSlot> partitionSlots = new HashMap<>();
  private final Map<String, GroupSlots> groupSlots = new HashMap<>();
  /** The partition slots by topic, indexed by partition number: where a log-end answer lands. */
  private Map<String, PartitionSlot[]> slotsByTopic = Map.of();
  /** The partition slots in an array, walked once per poll. */
  private PartitionSlot[] allPartitions = new PartitionSlot[0];
  private String lastTopic;
  private PartitionSlot[] lastTopicSlots;
  private long pollNo;
  /** The groups of the last poll and their partitions, whose log ends the next poll asks early. */
  private Set<String> lastGroups = Set.of();
  private List<TopicPartition> lastPartitions = List.of();

  /** A partition's log-end samples and the log end read this poll. */
  private static final class PartitionSlot {
    final TopicPartition tp;
    final TimeLagEstimator.Ring logEnds;
    long end;
    long endPoll = -1;
    long seenPoll = -1;
    long againPoll = -1;

    PartitionSlot(TopicPartition tp, TimeLagEstimator.Ring logEnds) {
      this.tp = tp;
      this.logEnds = logEnds;
    }
  }

  /** A group-partition's committed offset this poll, its commit samples and Burrow window. */
  private static final class Slot {
    final PartitionSlot partition;
    final TimeLagEstimator.Ring commits = TimeLagEstimator.newCommitTable();
    final BurrowEvaluator.Window window;
    long committed;
    long seenPoll = -1;

    Slot(PartitionSlot partition, BurrowEvaluator.Window window) {
      this.partition = partition;
      this.window = window;
    }
  }

  /** A group's slots, and the same in topic-partition order (the report's), rebuilt when they change. */
  private static final class GroupSlots {
    final Map<TopicPartition, Slot> byPartition = new HashMap<>();
    Slot[] sorted = new Slot[0];
  }

  private KafkaLagCollector(Properties clientProperties, String address, Clock clock, int samples,
      int burrowWindow, RecordTimeReader recordTimes, boolean readCommitLog) {
    this.admin = Admin.create(clientProperties);
    try {
      this.endReader = new LogEndReader(KafkaClientConfig.consumerProperties(clientProperties, "pipewright-lag-ends"));
    } catch (RuntimeException e) {
      admin.close(Duration.ZERO);
      throw e;
    }
    this.endsTimeoutMs = Math.min(CALL_TIMEOUT_MS,
        Long.parseLong(clientProperties.getProperty("default.api.timeout.ms", String.valueOf(CALL_TIMEOUT_MS))));
    this.recordTimes = recordTimes;
    this.address = address;
    this.clock = clock;
    this.estimator = new TimeLagEstimator(samples);
    this.burrow = new BurrowEvaluator(burrowWindow, Duration.ofMinutes(5));
    this.adminRequests = requestTotal(admin.metrics(), "admin-client-metrics");
    this.endReaderRequests = requestTotal(endReader.metrics(), "pipewright-lag-ends-metrics");
    // last, so a client that cannot be built leaves no thread behind
    this.commitLog = readCommitLog ? CommitLogFeed.start(clientProperties) : null;
  }

  /**
   * A collector with its own clients built from {@code adminProperties} (an Admin client, and a
   * log-end reader with the same connection and security settings); closing closes them.
   */
  public static KafkaLagCollector create(Properties adminProperties, Clock clock) {
    String address = String.valueOf(adminProperties.get("bootstrap.servers"));
    return new KafkaLagCollector(adminProperties, address, clock, TimeLagEstimator.DEFAULT_SAMPLES,
        BurrowEvaluator.DEFAULT_WINDOW, null, false);
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
    return new KafkaLagCollector(adminProperties, address, clock, TimeLagEstimator.DEFAULT_SAMPLES,
        BurrowEvaluator.DEFAULT_WINDOW, new RecordTimeReader(adminProperties, readBudget), false);
  }

  /**
   * As {@link #create(Properties, Clock, Duration)}, and the groups' commits are also read from
   * Kafka's commit log as they happen ({@link CommitLogFeed}), so a group that keeps committing the
   * same offset is told apart from one that stopped committing (Burrow's STALL and STOP). Where the
   * monitor's user may not read {@code __consumer_offsets}, it judges from polled offsets as before.
   */
  public static KafkaLagCollector withCommitLog(Properties adminProperties, Clock clock, Duration readBudget) {
    String address = String.valueOf(adminProperties.get("bootstrap.servers"));
    return new KafkaLagCollector(adminProperties, address, clock, TimeLagEstimator.DEFAULT_SAMPLES,
        BurrowEvaluator.DEFAULT_WINDOW, new RecordTimeReader(adminProperties, readBudget), true);
  }

  /**
   * Waits until the commit log is read from its end (commits made before then are not seen);
   * false without one, on failure or timeout.
   */
  public boolean awaitCommitLog(Duration max) throws InterruptedException {
    return commitLog != null && commitLog.awaitReading(max);
  }

  /** Why the commit log cannot be read (statuses then come from polled offsets), or empty. */
  public Optional<String> commitLogProblem() {
    return commitLog == null ? Optional.empty() : commitLog.failure();
  }

  /** Most partitions whose record timestamp is read in one poll (those with the largest lag first). */
  public static final int MAX_RECORD_READS = 2_000;

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
    // The log is drained before the committed offsets are asked for, so a polled offset beyond
    // what the log showed means the log is behind the group, not the other way round (0138).
    Optional<List<CommitLogFeed.GroupCommit>> logged = loggedCommits(groups);
    try {
      ask(groups, specs);
    } catch (ExecutionException | InterruptedException | java.util.concurrent.TimeoutException | RuntimeException e) {
      // a failed poll keeps what it drained for the next one: losing commits would turn a
      // stalled group into a stopped one once the cluster answers again
      logged.ifPresent(this::carryOver);
      throw e;
    }
    Instant at = clock.instant();
    return withRecordTimes(judge(groups, at, logged), at);
  }

  /** Asks the cluster for this poll's committed offsets and log ends, into the slots. */
  private void ask(Set<String> groups, Map<String, ListConsumerGroupOffsetsSpec> specs)
      throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
    // The log ends of the partitions the same groups had last poll are asked for at the same time
    // as the committed offsets (one round trip instead of two; see docs/decisions/0111), on the
    // reader's own connection so the broker works on both at once (0132), each answer landing in
    // its slot (0136). A partition that is new, or whose end was read before a commit beyond it,
    // is asked again after.
    KafkaFuture<Map<String, Map<TopicPartition, OffsetAndMetadata>>> offsets = admin.listConsumerGroupOffsets(specs).all();
    pollNo++;
    if (groups.equals(lastGroups) && !lastPartitions.isEmpty()) {
      try {
        endReader.read(lastPartitions, endsTimeoutMs, this::setEnd);
      } catch (KafkaException e) {
        // e.g. a topic deleted since the last poll: every end not read is asked again below
      }
    }
    Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = offsets.get(CALL_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    List<TopicPartition> again = place(groups, committed);
    if (!again.isEmpty()) {
      endReader.read(again, endsTimeoutMs, this::setEnd);
    }
  }

  /** Sets this poll's log end on the partition's slot, if it has one. */
  private void setEnd(String topic, int partition, long offset) {
    if (topic != lastTopic) {
      // answers come topic by topic with one name object each: one look-up per topic
      lastTopicSlots = slotsByTopic.get(topic);
      lastTopic = topic;
    }
    PartitionSlot p = lastTopicSlots != null && partition >= 0 && partition < lastTopicSlots.length
        ? lastTopicSlots[partition] : null;
    if (p != null) {
      p.end = offset;
      p.endPoll = pollNo;
    }
  }

  /**
   * Puts this poll's committed offsets in their slots (made for new group-partitions, dropped for
   * gone ones) and gives the partitions whose log end is still to ask: not read yet this poll, or
   * read below a committed offset this poll is the first to see (the end may have been read before
   * that commit: 0111, 0132).
   */
  private List<TopicPartition> place(Set<String> groups, Map<String, Map<TopicPartition, OffsetAndMetadata>> committed) {
    List<TopicPartition> again = new ArrayList<>();
    List<PartitionSlot> seen = new ArrayList<>(partitionSlots.size());
    boolean changed = !groups.equals(lastGroups);
    for (String g : groups) {
      GroupSlots gs = groupSlots.computeIfAbsent(g, k -> new GroupSlots());
      int n = 0;
      boolean added = false;
      for (var e : committed.getOrDefault(g, Map.of()).entrySet()) {
        if (e.getValue() == null) {
          continue;
        }
        long offset = e.getValue().offset();
        Slot s = gs.byPartition.get(e.getKey());
        // an offset an earlier poll already read was committed before this poll's log ends were
        // read, so an end below it is the truth (a commit beyond the log end), not a race
        boolean readBefore = s != null && s.committed == offset;
        if (s == null) {
          s = new Slot(partitionSlots.computeIfAbsent(e.getKey(), tp -> new PartitionSlot(tp, estimator.newLogEndTable())),
              burrow.newWindow());
          gs.byPartition.put(e.getKey(), s);
          added = true;
        }
        s.committed = offset;
        s.seenPoll = pollNo;
        n++;
        PartitionSlot p = s.partition;
        if (p.seenPoll != pollNo) {
          p.seenPoll = pollNo;
          seen.add(p);
        }
        if ((p.endPoll != pollNo || (p.end < offset && !readBefore)) && p.againPoll != pollNo) {
          p.againPoll = pollNo;
          again.add(p.tp);
        }
      }
      if (added || n != gs.byPartition.size()) {
        gs.byPartition.values().removeIf(s -> s.seenPoll != pollNo);
        gs.sorted = gs.byPartition.values().toArray(new Slot[0]);
        Arrays.sort(gs.sorted, BY_TOPIC_PARTITION);
        changed = true;
      }
    }
    if (changed || seen.size() != partitionSlots.size()) {
      // forget what no polled group has any more, so memory stays flat when topics or groups go
      groupSlots.keySet().retainAll(groups);
      partitionSlots.values().removeIf(p -> p.seenPoll != pollNo);
      List<TopicPartition> partitions = new ArrayList<>(seen.size());
      seen.forEach(p -> partitions.add(p.tp));
      lastGroups = Set.copyOf(groups);
      lastPartitions = partitions;
      indexByTopic();
      endReader.track(partitions);
    }
    return again;
  }

  /** Rebuilds {@link #slotsByTopic} from the partition slots. */
  private void indexByTopic() {
    Map<String, Integer> sizes = new HashMap<>();
    for (PartitionSlot p : partitionSlots.values()) {
      sizes.merge(p.tp.topic(), p.tp.partition() + 1, Math::max);
    }
    Map<String, PartitionSlot[]> index = new HashMap<>();
    sizes.forEach((t, n) -> index.put(t, new PartitionSlot[n]));
    for (PartitionSlot p : partitionSlots.values()) {
      index.get(p.tp.topic())[p.tp.partition()] = p;
    }
    slotsByTopic = index;
    allPartitions = partitionSlots.values().toArray(new PartitionSlot[0]);
    lastTopic = null;
    lastTopicSlots = null;
  }

  private static final Comparator<Slot> BY_TOPIC_PARTITION =
      Comparator.comparing((Slot s) -> s.partition.tp.topic()).thenComparingInt(s -> s.partition.tp.partition());

  /**
   * Our own work on one poll's answers, no I/O: lag, time lag, Burrow statuses, from the slots
   * {@link #place} filled.
   */
  private List<GroupLag> judge(Set<String> groups, Instant at, Optional<List<CommitLogFeed.GroupCommit>> logged) {
    long nowMs = at.toEpochMilli();
    for (PartitionSlot p : allPartitions) {
      if (p.endPoll == pollNo) {
        TimeLagEstimator.recordLogEnd(p.logEnds, p.end, nowMs);
      }
    }
    boolean fromLog = logged.isPresent();
    logged.ifPresent(this::addLoggedCommits);
    List<GroupLag> out = new ArrayList<>(groups.size());
    for (String group : groups) {
      Slot[] slots = groupSlots.get(group).sorted;
      List<PartitionLag> parts = new ArrayList<>(slots.length);
      boolean err = false;
      boolean warn = false;
      long total = 0;
      double maxSeconds = 0;
      for (Slot s : slots) {
        PartitionSlot p = s.partition;
        if (p.endPoll != pollNo) {
          continue;
        }
        long lag = p.end - s.committed;
        TimeLagEstimator.Reading read = TimeLagEstimator.read(p.logEnds, s.commits, s.committed, nowMs);
        // only a partition with lag can be STOP, and only then is its log-end table searched
        long caughtUpAt = lag > 0 ? TimeLagEstimator.lastTimeAtOrBelow(p.logEnds, s.committed)
            : BurrowEvaluator.NEVER_CAUGHT_UP;
        PartitionStatus ps = fromLog ? burrow.seedAndJudge(s.window, s.committed, Math.max(0, lag), at, caughtUpAt)
            : burrow.observeAndJudge(s.window, s.committed, Math.max(0, lag), at, caughtUpAt);
        err |= ps.isError();
        warn |= ps == PartitionStatus.WARN;
        parts.add(new PartitionLag(group, p.tp.topic(), p.tp.partition(), s.committed, p.end, lag, read.lag(), ps,
            read.timeToClear()));
        total += Math.max(0, lag);
        if (read.lag().known()) {
          maxSeconds = Math.max(maxSeconds, read.lag().seconds());
        }
      }
      GroupStatus status = err ? GroupStatus.ERR : warn ? GroupStatus.WARN : GroupStatus.OK;
      out.add(new GroupLag(group, status, total, maxSeconds, parts));
    }
    return out;
  }

  /**
   * One poll's own work on given answers, no I/O (for the CPU micro-benchmark): {@code ends} stands
   * for both the early and the second log-end answers.
   */
  List<GroupLag> compute(Set<String> groups, Map<String, Map<TopicPartition, OffsetAndMetadata>> committed,
      Map<TopicPartition, Long> ends, Instant at) {
    pollNo++;
    ends.forEach((tp, end) -> setEnd(tp.topic(), tp.partition(), end));
    if (!place(groups, committed).isEmpty()) {
      ends.forEach((tp, end) -> setEnd(tp.topic(), tp.partition(), end));
    }
    return judge(groups, at, loggedCommits(groups));
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

  /**
   * The commits of {@code groups} the log showed since the last poll that judged them, oldest
   * first; empty to judge from polled offsets.
   */
  private Optional<List<CommitLogFeed.GroupCommit>> loggedCommits(Set<String> groups) {
    if (!commitLogReadable()) {
      carried = List.of();
      return Optional.empty();
    }
    List<CommitLogFeed.GroupCommit> drained = commitLog.drain(groups);
    if (carried.isEmpty()) {
      return Optional.of(drained);
    }
    List<CommitLogFeed.GroupCommit> all = new ArrayList<>(carried.size() + drained.size());
    all.addAll(carried);
    all.addAll(drained);
    carried = List.of();
    return Optional.of(all);
  }

  /** Keeps commits a failed poll drained, the newest {@link CommitLogFeed#CAPACITY} of them, as the feed would. */
  private void carryOver(List<CommitLogFeed.GroupCommit> commits) {
    carried = commits.size() <= CommitLogFeed.CAPACITY ? commits
        : List.copyOf(commits.subList(commits.size() - CommitLogFeed.CAPACITY, commits.size()));
  }

  /** Adds commits the log showed to the windows of the polled group-partitions. */
  private void addLoggedCommits(List<CommitLogFeed.GroupCommit> commits) {
    for (CommitLogFeed.GroupCommit c : commits) {
      GroupSlots g = groupSlots.get(c.group());
      Slot s = g == null ? null : g.byPartition.get(new TopicPartition(c.topic(), c.partition()));
      if (s != null) {
        long lag = s.partition.endPoll == pollNo ? Math.max(0, s.partition.end - c.offset()) : 0;
        burrow.add(s.window, new Commit(c.offset(), lag, c.at()));
      }
    }
  }

  /** The requests this collector's clients have sent so far, from their own metrics. */
  public long requestsSent() {
    return count(adminRequests) + count(endReaderRequests) + (recordTimes == null ? 0 : recordTimes.requestsSent());
  }

  private static Metric requestTotal(Map<MetricName, ? extends Metric> metrics, String group) {
    for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
      if (e.getKey().name().equals("request-total") && e.getKey().group().equals(group)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static long count(Metric m) {
    return m != null && m.metricValue() instanceof Number n ? n.longValue() : 0;
  }

  @Override
  public void close() {
    if (commitLog != null) {
      commitLog.close();
    }
    if (recordTimes != null) {
      recordTimes.close();
    }
    endReader.close();
    admin.close(Duration.ofSeconds(2));
  }
}
