package dev.pipewright.runtime.stats;

import java.util.Arrays;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.LongStream;

/**
 * Keeps the last few hundred thousand end-to-end latencies with the time each was taken, and
 * answers percentiles over all of them or over those taken since a moment (to leave out a
 * warm-up). Thread-safe; cheap to record.
 */
public final class LatencyRecorder {
  private final long[] millis;
  private final long[] takenAt;
  private long count;

  public LatencyRecorder(int capacity) {
    this.millis = new long[capacity];
    this.takenAt = new long[capacity];
  }

  /** Records one latency measured now (epoch millis {@code nowMillis}). */
  public synchronized void record(long nowMillis, long latencyMillis) {
    int i = (int) (count % millis.length);
    millis[i] = Math.max(0, latencyMillis);
    takenAt[i] = nowMillis;
    count++;
  }

  public synchronized long count() {
    return count;
  }

  /**
   * The kept latencies taken at or after {@code sinceMillis}, grouped by the whole second (counted
   * from {@code sinceMillis}) in which each was taken; seconds without a latency are absent.
   */
  public SortedMap<Long, LatencySummary> bySecond(long sinceMillis) {
    SortedMap<Long, LongStream.Builder> seconds = new TreeMap<>();
    synchronized (this) {
      int n = (int) Math.min(count, millis.length);
      for (int i = 0; i < n; i++) {
        if (takenAt[i] >= sinceMillis) {
          seconds.computeIfAbsent((takenAt[i] - sinceMillis) / 1000, k -> LongStream.builder()).add(millis[i]);
        }
      }
    }
    SortedMap<Long, LatencySummary> out = new TreeMap<>();
    seconds.forEach((second, b) -> out.put(second, new LatencySummary(b.build().sorted().toArray())));
    return out;
  }

  /** The kept latencies taken at or after {@code sinceMillis} (epoch millis). */
  public LatencySummary summary(long sinceMillis) {
    long[] copy;
    int k = 0;
    // only the copy holds the lock: sorting outside it keeps the sinks that record from waiting
    synchronized (this) {
      int n = (int) Math.min(count, millis.length);
      copy = new long[n];
      for (int i = 0; i < n; i++) {
        if (takenAt[i] >= sinceMillis) {
          copy[k++] = millis[i];
        }
      }
    }
    copy = Arrays.copyOf(copy, k);
    Arrays.sort(copy);
    return new LatencySummary(copy);
  }
}
