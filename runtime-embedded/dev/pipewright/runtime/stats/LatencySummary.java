package dev.pipewright.runtime.stats;

import java.time.Duration;

/** Sorted latencies of one stage or sink, answering percentiles; immutable. */
public final class LatencySummary {
  private final long[] sortedMillis;

  LatencySummary(long[] sortedMillis) {
    this.sortedMillis = sortedMillis;
  }

  public int count() {
    return sortedMillis.length;
  }

  /** The {@code p}-th percentile (0-100, nearest rank), or null when there are no latencies. */
  public Duration percentile(double p) {
    int n = sortedMillis.length;
    if (n == 0) {
      return null;
    }
    int idx = (int) Math.ceil(p / 100.0 * n) - 1;
    return Duration.ofMillis(sortedMillis[Math.max(0, Math.min(n - 1, idx))]);
  }

  /** The largest latency, or null when there are none. */
  public Duration max() {
    return sortedMillis.length == 0 ? null : Duration.ofMillis(sortedMillis[sortedMillis.length - 1]);
  }
}
