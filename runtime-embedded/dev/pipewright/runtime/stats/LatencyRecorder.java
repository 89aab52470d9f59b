package dev.pipewright.runtime.stats;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

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

  /** The {@code p}-th percentile (0-100) of the kept latencies, or null when none were recorded. */
  public Duration percentile(double p) {
    return summary(Long.MIN_VALUE).percentile(p);
  }

  /**
   * The kept latencies taken at or after {@code sinceMillis}, grouped by the whole second (counted
   * from {@code sinceMillis}) in which each was taken; seconds without a latency are absent.
   */
  public SortedMap<Long, LatencySummary> bySecond(long sinceMillis) {
    Map<Long, long[]> buckets = new HashMap<>();
    Map<Long, Integer> sizes = new HashMap<>();
    synchronized (this) {
      int n = (int) Math.min(count, millis.length);
      for (int i = 0; i < n; i++) {
        if (takenAt[i] >= sinceMillis) {
          long second = (takenAt[i] - sinceMillis) / 1000;
          long[] b = buckets.computeIfAbsent(second, k -> new long[16]);
          int size = sizes.getOrDefault(second, 0);
          if (size == b.length) {
            b = Arrays.copyOf(b, size * 2);
            buckets.put(second, b);
          }
          b[size] = millis[i];
          sizes.put(second, size + 1);
        }
      }
    }
    SortedMap<Long, LatencySummary> out = new TreeMap<>();
    buckets.forEach((second, b) -> {
      long[] copy = Arrays.copyOf(b, sizes.get(second));
      Arrays.sort(copy);
      out.put(second, new LatencySummary(copy));
    });
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
