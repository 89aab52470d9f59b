package dev.pipewright.monitor.freshness;

/**
 * Freshness percentiles, in seconds, over a window of sink writes.
 *
 * @param count the writes in the window; the percentiles are NaN when it is 0
 */
public record Freshness(int count, double p50, double p95, double p99, double max) {
  public static final Freshness EMPTY = new Freshness(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /** The 50th, 95th or 99th percentile; other values are refused. */
  public double percentile(int p) {
    return switch (p) {
      case 50 -> p50;
      case 95 -> p95;
      case 99 -> p99;
      default -> throw new IllegalArgumentException("freshness percentile must be 50, 95 or 99, got " + p);
    };
  }
}
