package dev.pipewright.app.chart;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A bounded history of named time series that share one time column: at most one row per
 * {@code resolution} (a second in the dashboard), at most {@code capacity} rows and none older
 * than {@code span} before the newest, so memory stays flat however long it runs. A ring buffer of
 * primitive arrays with no JavaFX; not thread-safe (the dashboard touches it on the FX thread only).
 */
public final class SeriesHistory {
  /** More series than this are ignored, so a cluster with thousands of groups cannot grow it without bound. */
  public static final int MAX_SERIES = 64;

  private final int capacity;
  private final long resolutionMillis;
  private final long spanMillis;
  private final long[] times;
  private final List<String> names = new ArrayList<>();
  private final List<double[]> columns = new ArrayList<>();
  private int start;
  private int size;
  private long revision;

  public SeriesHistory(int capacity, Duration resolution, Duration span) {
    if (capacity < 1 || resolution.toMillis() < 1) {
      throw new IllegalArgumentException("capacity and resolution must be positive");
    }
    this.capacity = capacity;
    this.resolutionMillis = resolution.toMillis();
    this.spanMillis = span.toMillis();
    this.times = new long[capacity];
  }

  /**
   * Records the values of one poll at {@code at}, rounded down to the resolution. A second poll in
   * the same slot overwrites that row's values; a poll older than the newest row is ignored. NaN
   * and absent series are gaps.
   */
  public void record(Instant at, Map<String, Double> values) {
    long t = Math.floorDiv(at.toEpochMilli(), resolutionMillis) * resolutionMillis;
    if (size > 0 && t < timeAt(size - 1)) {
      return;
    }
    if (size == 0 || t > timeAt(size - 1)) {
      append(t);
    }
    int row = slot(size - 1);
    values.forEach((name, v) -> {
      int s = names.indexOf(name);
      if (s < 0 && names.size() < MAX_SERIES) {
        s = names.size();
        names.add(name);
        double[] col = new double[capacity];
        Arrays.fill(col, Double.NaN);
        columns.add(col);
      }
      if (s >= 0) {
        columns.get(s)[row] = v == null ? Double.NaN : v;
      }
    });
    revision++;
  }

  private void append(long t) {
    while (size > 0 && (size == capacity || timeAt(0) <= t - spanMillis)) {
      start = (start + 1) % capacity;
      size--;
    }
    int row = slot(size);
    times[row] = t;
    for (double[] col : columns) {
      col[row] = Double.NaN;
    }
    size++;
  }

  private int slot(int i) {
    return (start + i) % capacity;
  }

  /** Rows held, oldest first. */
  public int size() {
    return size;
  }

  public int capacity() {
    return capacity;
  }

  /** Changes with every record, so a view can tell whether it must redraw. */
  public long revision() {
    return revision;
  }

  /** Epoch milliseconds of row {@code i} (0 the oldest). */
  public long timeAt(int i) {
    return times[slot(i)];
  }

  /** Series names in the order they first appeared. */
  public List<String> names() {
    return List.copyOf(names);
  }

  public int seriesCount() {
    return names.size();
  }

  /** The value of series {@code series} at row {@code i}; NaN for a gap. */
  public double value(int series, int i) {
    return columns.get(series)[slot(i)];
  }

  /** The index of the row nearest in time to {@code epochMillis}; -1 when empty. */
  public int nearest(long epochMillis) {
    if (size == 0) {
      return -1;
    }
    int i = firstAtOrAfter(epochMillis);
    if (i >= size) {
      return size - 1;
    }
    if (i > 0 && epochMillis - timeAt(i - 1) <= timeAt(i) - epochMillis) {
      return i - 1;
    }
    return i;
  }

  /** The first row whose time is at or after {@code epochMillis} ({@link #size()} if none): a binary search. */
  public int firstAtOrAfter(long epochMillis) {
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (timeAt(mid) < epochMillis) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
