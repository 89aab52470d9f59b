package dev.pipewright.monitor.freshness;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * End-to-end freshness: the time from a change's commit at the source ({@code source.ts_ms}) to
 * its write at the sink, over a sliding window bounded by age and by count. Percentiles are exact
 * (nearest rank over a sorted copy of the window) because the window is small; HdrHistogram is
 * not a compile dependency and cannot drop old values (docs/decisions/0082). Thread-safe: a sink
 * thread records while the poll thread reads.
 */
public final class FreshnessWindow {
  /** Default bounds: the last five minutes, at most 10,000 writes. */
  public static final Duration DEFAULT_SPAN = Duration.ofMinutes(5);
  public static final int DEFAULT_CAPACITY = 10_000;

  private final Duration span;
  private final long[] writtenAt;
  private final long[] latencyMs;
  private int start;
  private int size;

  public FreshnessWindow() {
    this(DEFAULT_SPAN, DEFAULT_CAPACITY);
  }

  public FreshnessWindow(Duration span, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.span = span;
    this.writtenAt = new long[capacity];
    this.latencyMs = new long[capacity];
  }

  /**
   * Records one sink write of a change committed at {@code sourceCommit}. A sink clock behind the
   * source's gives a negative difference; it is kept as 0 rather than dropped so counts stay true.
   */
  public synchronized void record(Instant sourceCommit, Instant sinkWrite) {
    long latency = Math.max(0, sinkWrite.toEpochMilli() - sourceCommit.toEpochMilli());
    if (size == writtenAt.length) {
      start = (start + 1) % writtenAt.length;
      size--;
    }
    int at = (start + size) % writtenAt.length;
    writtenAt[at] = sinkWrite.toEpochMilli();
    latencyMs[at] = latency;
    size++;
  }

  /** The percentiles of the writes made in the span before {@code now}. */
  public synchronized Freshness stats(Instant now) {
    long from = now.toEpochMilli() - span.toMillis();
    long[] values = new long[size];
    int n = 0;
    for (int i = 0; i < size; i++) {
      int at = (start + i) % writtenAt.length;
      if (writtenAt[at] > from && writtenAt[at] <= now.toEpochMilli()) {
        values[n++] = latencyMs[at];
      }
    }
    if (n == 0) {
      return Freshness.EMPTY;
    }
    Arrays.sort(values, 0, n);
    return new Freshness(n, rank(values, n, 50), rank(values, n, 95), rank(values, n, 99), values[n - 1] / 1000.0);
  }

  /** Nearest-rank percentile, in seconds. */
  private static double rank(long[] sorted, int n, int percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * n) - 1;
    return sorted[Math.max(0, Math.min(n - 1, index))] / 1000.0;
  }
}
