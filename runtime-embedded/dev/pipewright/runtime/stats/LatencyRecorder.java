package dev.pipewright.runtime.stats;

import java.time.Duration;
import java.util.Arrays;

/**
 * Keeps the last few hundred thousand end-to-end latencies (source commit to sink write) and
 * answers percentiles over them. Thread-safe; cheap to record.
 */
public final class LatencyRecorder {
  private final long[] millis;
  private long count;

  public LatencyRecorder(int capacity) {
    this.millis = new long[capacity];
  }

  public synchronized void record(long latencyMillis) {
    millis[(int) (count % millis.length)] = Math.max(0, latencyMillis);
    count++;
  }

  public synchronized long count() {
    return count;
  }

  /** The {@code p}-th percentile (0-100) of the kept latencies, or null when none were recorded. */
  public synchronized Duration percentile(double p) {
    int n = (int) Math.min(count, millis.length);
    if (n == 0) {
      return null;
    }
    long[] copy = Arrays.copyOf(millis, n);
    Arrays.sort(copy);
    int idx = (int) Math.ceil(p / 100.0 * n) - 1;
    return Duration.ofMillis(copy[Math.max(0, Math.min(n - 1, idx))]);
  }
}
