package dev.pipewright.monitor.lag;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer lag in seconds the way kafka-lag-exporter estimates it: per partition a bounded table
 * of (log-end offset, wall time) samples; the time at which the log end passed a committed offset
 * is found by linear interpolation between the two samples around it, and the lag is now minus
 * that time. Not thread-safe: one poll thread owns it.
 *
 * <p>Rules, in order, for a committed offset {@code c} (see docs/decisions/0080):
 * <ol>
 *   <li>no sample yet: {@link TimeLag.Basis#UNKNOWN};
 *   <li>{@code c >= } newest log end: {@link TimeLag.Basis#CAUGHT_UP}, 0 s, however long the
 *       partition has been idle;
 *   <li>a sample at or below {@code c} exists: interpolate between the last such sample and the
 *       next one. A run of equal offsets keeps only its first and last sample, so the lookup lands
 *       on the last moment the log end was still at {@code c}: one new record after hours of
 *       silence reads as seconds, not hours;
 *   <li>{@code c} older than the whole table and the table has seen the log end move: extrapolate
 *       backwards at the table's mean production rate ({@link TimeLag.Basis#EXTRAPOLATED});
 *   <li>{@code c} older than the table and the log end never moved: the record was written before
 *       the first sample, so report now minus that sample's time as a lower bound
 *       ({@link TimeLag.Basis#LOWER_BOUND}).
 * </ol>
 * A log end that goes backwards (topic deleted and recreated) clears the partition's table.
 */
public final class TimeLagEstimator {
  /** kafka-lag-exporter's default table size. */
  public static final int DEFAULT_SAMPLES = 60;
  private static final int COMMIT_SAMPLES = 10;

  private final int maxSamples;
  private final Map<TopicPartition, Ring> logEnds = new HashMap<>();
  private final Map<GroupPartition, Ring> commits = new HashMap<>();

  private record GroupPartition(String group, TopicPartition tp) {}

  public TimeLagEstimator() {
    this(DEFAULT_SAMPLES);
  }

  public TimeLagEstimator(int maxSamples) {
    if (maxSamples < 2) {
      throw new IllegalArgumentException("a lag table needs at least 2 samples, got " + maxSamples);
    }
    this.maxSamples = maxSamples;
  }

  /** Adds a log-end sample taken at {@code at}; samples older than the newest one are ignored. */
  public void recordLogEnd(TopicPartition tp, long logEndOffset, Instant at) {
    logEnds.computeIfAbsent(tp, k -> new Ring(maxSamples)).add(logEndOffset, at.toEpochMilli(), true);
  }

  /** Adds a group's committed-offset sample, used only for the consumption rate behind time-to-clear. */
  public void recordCommitted(String group, TopicPartition tp, long committedOffset, Instant at) {
    commits.computeIfAbsent(new GroupPartition(group, tp), k -> new Ring(COMMIT_SAMPLES))
        .add(committedOffset, at.toEpochMilli(), false);
  }

  /** Forgets partitions not in {@code live}, so memory stays flat when topics or groups go away. */
  public void retainOnly(Set<TopicPartition> live) {
    logEnds.keySet().retainAll(live);
    commits.keySet().removeIf(k -> !live.contains(k.tp()));
  }

  /** How many samples the table of {@code tp} holds now. */
  public int sampleCount(TopicPartition tp) {
    Ring r = logEnds.get(tp);
    return r == null ? 0 : r.size;
  }

  /** The lag in seconds of {@code committedOffset} on {@code tp} at {@code now}. */
  public TimeLag lag(TopicPartition tp, long committedOffset, Instant now) {
    return lag(logEnds.get(tp), committedOffset, now.toEpochMilli());
  }

  /**
   * What one poll learns about one group-partition, with two table look-ups: its lag in seconds
   * (as {@link #lag}), then records the committed sample ({@link #recordCommitted}) and gives the
   * time to clear ({@link #timeToClear}, null when unknown). The poll loop's fast path.
   */
  public Reading read(String group, TopicPartition tp, long committedOffset, long nowMs) {
    Ring le = logEnds.get(tp);
    return read(le == null ? EMPTY : le, commits.computeIfAbsent(new GroupPartition(group, tp),
        k -> new Ring(COMMIT_SAMPLES)), committedOffset, nowMs);
  }

  private static final Ring EMPTY = new Ring(2);

  /**
   * A new log-end table of this estimator's size, for a caller that keeps a partition's tables in
   * its own per-partition state instead of looking them up here by key on every poll (the lag
   * collector). Such tables are the caller's: {@link #retainOnly} and the keyed methods never see them.
   */
  public Ring newLogEndTable() {
    return new Ring(maxSamples);
  }

  /** A new committed-offset table for one group-partition (see {@link #newLogEndTable}). */
  public static Ring newCommitTable() {
    return new Ring(COMMIT_SAMPLES);
  }

  /** As {@link #recordLogEnd(TopicPartition, long, Instant)} on a table the caller keeps. */
  public static void recordLogEnd(Ring logEnds, long logEndOffset, long nowMs) {
    logEnds.add(logEndOffset, nowMs, true);
  }

  /**
   * When the table last saw the log end at or below {@code offset} (a consumer committed there
   * had no lag then), in epoch milliseconds; {@link Long#MIN_VALUE} when it never did.
   */
  public static long lastTimeAtOrBelow(Ring logEnds, long offset) {
    int i = logEnds.lastAtOrBelow(offset);
    return i < 0 ? Long.MIN_VALUE : logEnds.time(i);
  }

  /** As {@link #read(String, TopicPartition, long, long)} on tables the caller keeps. */
  public static Reading read(Ring logEnds, Ring commits, long committedOffset, long nowMs) {
    TimeLag lag = lag(logEnds, committedOffset, nowMs);
    commits.add(committedOffset, nowMs, false);
    return new Reading(lag, timeToClear(logEnds, commits, committedOffset));
  }

  /** Lag in seconds and time to clear (null when unknown) of one group-partition at one poll. */
  public record Reading(TimeLag lag, Duration timeToClear) {}

  private static TimeLag lag(Ring r, long committedOffset, long nowMs) {
    if (r == null || r.size == 0) {
      return TimeLag.UNKNOWN;
    }
    if (committedOffset >= r.newestOffset) {
      return TimeLag.CAUGHT_UP;
    }
    int i = r.lastAtOrBelow(committedOffset);
    double producedAt;
    TimeLag.Basis basis;
    if (i >= 0) {
      // i < size-1 because c < newest offset; the next sample is the first above c.
      producedAt = interpolate(r.offset(i), r.time(i), r.offset(i + 1), r.time(i + 1), committedOffset);
      basis = TimeLag.Basis.INTERPOLATED;
    } else if (r.offset(0) != r.newestOffset) {
      long o0 = r.offset(0);
      long on = r.newestOffset;
      double msPerRecord = (double) (r.newestTime - r.time(0)) / (on - o0);
      producedAt = r.time(0) - (o0 - committedOffset) * msPerRecord;
      basis = TimeLag.Basis.EXTRAPOLATED;
    } else {
      producedAt = r.time(0);
      basis = TimeLag.Basis.LOWER_BOUND;
    }
    double seconds = Math.max(0.0, (nowMs - producedAt) / 1000.0);
    return new TimeLag(seconds, basis);
  }

  /**
   * How long until {@code committedOffset} reaches the log end, at the consumption rate and
   * production rate seen over the recent committed samples. Empty when the consumer is not
   * gaining on the producer (or not enough samples to tell); zero when caught up.
   */
  public Optional<Duration> timeToClear(String group, TopicPartition tp, long committedOffset) {
    return Optional.ofNullable(timeToClear(logEnds.get(tp), commits.get(new GroupPartition(group, tp)), committedOffset));
  }

  private static Duration timeToClear(Ring le, Ring c, long committedOffset) {
    if (le == null || le.size == 0) {
      return null;
    }
    long lag = le.newestOffset - committedOffset;
    if (lag <= 0) {
      return Duration.ZERO;
    }
    if (c == null || c.size < 2) {
      return null;
    }
    long t0 = c.time(0);
    long t1 = c.newestTime;
    double seconds = (t1 - t0) / 1000.0;
    double consumed = (c.newestOffset - c.offset(0)) / seconds;
    double produced = (le.offsetAt(t1) - le.offsetAt(t0)) / seconds;
    double net = consumed - produced;
    if (!(net > 0)) {
      return null;
    }
    return Duration.ofMillis(Math.round(lag / net * 1000));
  }

  private static double interpolate(long o0, long t0, long o1, long t1, long offset) {
    return t0 + (double) (offset - o0) * (t1 - t0) / (o1 - o0);
  }

  /**
   * Samples of one table in time order, offset and time side by side in one primitive array (no
   * boxing: 50,000 partitions x 60 samples; one array, so a poll touches fewer cache lines), with
   * the newest sample also in fields: most polls only compare with it. Opaque outside this class:
   * made by {@link #newLogEndTable}/{@link #newCommitTable}.
   */
  public static final class Ring {
    /** offset of sample i at [2 * slot(i)], its time at [2 * slot(i) + 1] */
    private final long[] samples;
    private final int capacity;
    private int start;
    private int size;
    private long newestOffset;
    private long newestTime;
    /** The sample before the newest has the same offset (a flat run being extended). */
    private boolean flat;

    Ring(int capacity) {
      this.capacity = capacity;
      samples = new long[2 * capacity];
    }

    int size() {
      return size;
    }

    long offset(int i) {
      return samples[2 * slot(i)];
    }

    long time(int i) {
      return samples[2 * slot(i) + 1];
    }

    /** The array index of the {@code i}-th sample (a compare, not a division: it runs per poll per partition). */
    private int slot(int i) {
      int j = start + i;
      return j < capacity ? j : j - capacity;
    }

    void add(long offset, long timeMs, boolean compressFlatRuns) {
      if (size > 0) {
        if (timeMs <= newestTime) {
          return;
        }
        if (offset < newestOffset) {
          start = 0;
          size = 0;
        } else if (compressFlatRuns && flat && offset == newestOffset) {
          samples[2 * slot(size - 1) + 1] = timeMs;
          newestTime = timeMs;
          return;
        }
      }
      flat = size > 0 && offset == newestOffset;
      if (size == capacity) {
        start = start + 1 == capacity ? 0 : start + 1;
        size--;
      }
      int at = 2 * slot(size);
      samples[at] = offset;
      samples[at + 1] = timeMs;
      size++;
      newestOffset = offset;
      newestTime = timeMs;
    }

    /** Index of the last sample whose offset is at most {@code offset}, or -1. */
    int lastAtOrBelow(long offset) {
      int lo = 0;
      int hi = size - 1;
      int found = -1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        if (offset(mid) <= offset) {
          found = mid;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      return found;
    }

    /** The log end at {@code timeMs}, interpolated, clamped to the table's range. */
    double offsetAt(long timeMs) {
      if (timeMs <= time(0)) {
        return offset(0);
      }
      for (int i = 1; i < size; i++) {
        if (timeMs <= time(i)) {
          return offset(i - 1) + (double) (offset(i) - offset(i - 1)) * (timeMs - time(i - 1)) / (time(i) - time(i - 1));
        }
      }
      return newestOffset;
    }
  }
}
