package dev.pipewright.app.chart;

/**
 * Reduces one series of a {@link SeriesHistory} to at most two points per pixel column (the
 * column's lowest and highest value, in the order the line travels), so a line costs draw calls
 * in proportion to the chart's width, not to the points it holds, and covers the same pixels as
 * one through every point.
 * Points further apart than {@code maxGapMillis}, and NaN values, break the line. No JavaFX.
 */
public final class ColumnDecimator {
  private ColumnDecimator() {}

  /** A reusable buffer of points in (pixel x, value y) with a flag where a new stroke starts. */
  public static final class Polyline {
    private double[] x = new double[256];
    private double[] y = new double[256];
    private boolean[] move = new boolean[256];
    private int size;

    public int size() {
      return size;
    }

    public double x(int i) {
      return x[i];
    }

    public double y(int i) {
      return y[i];
    }

    /** True where the line starts afresh (the first point, and after a gap). */
    public boolean startsStroke(int i) {
      return move[i];
    }

    void clear() {
      size = 0;
    }

    void add(double px, double value, boolean newStroke) {
      if (size == x.length) {
        x = java.util.Arrays.copyOf(x, size * 2);
        y = java.util.Arrays.copyOf(y, size * 2);
        move = java.util.Arrays.copyOf(move, size * 2);
      }
      x[size] = px;
      y[size] = value;
      move[size] = newStroke;
      size++;
    }
  }

  /**
   * Fills {@code out} with series {@code series} between {@code t0} and {@code t1} (epoch ms)
   * mapped onto {@code width} pixels starting at {@code x0}. One row on either side of the range is
   * kept so the line runs to the plot's edges. Returns {@code out}.
   */
  public static Polyline decimate(SeriesHistory h, int series, long t0, long t1, double x0, double width,
      long maxGapMillis, Polyline out) {
    out.clear();
    if (h.size() == 0 || t1 <= t0 || width <= 0) {
      return out;
    }
    double scale = width / (t1 - t0);
    int i0 = Math.max(0, h.firstAtOrAfter(t0) - 1);
    int i1 = Math.min(h.size() - 1, h.firstAtOrAfter(t1));
    boolean have = false;
    boolean gap = true;
    boolean startStroke = true;
    long col = 0;
    long prevT = Long.MIN_VALUE;
    double first = 0;
    double min = 0;
    double max = 0;
    for (int i = i0; i <= i1; i++) {
      double v = h.value(series, i);
      if (Double.isNaN(v)) {
        gap = true;
        continue;
      }
      long t = h.timeAt(i);
      if (prevT != Long.MIN_VALUE && t - prevT > maxGapMillis) {
        gap = true;
      }
      prevT = t;
      long c = (long) Math.floor((t - t0) * scale);
      if (have && (c != col || gap)) {
        flush(out, x0 + col + 0.5, first, min, max, startStroke);
        have = false;
      }
      if (!have) {
        col = c;
        first = min = max = v;
        startStroke = gap;
        gap = false;
        have = true;
      } else {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    if (have) {
      flush(out, x0 + col + 0.5, first, min, max, startStroke);
    }
    return out;
  }

  private static void flush(Polyline out, double px, double first, double min, double max, boolean startStroke) {
    if (min == max) {
      out.add(px, min, startStroke);
      return;
    }
    // Two points per column: the line from the previous column lands on the nearer extreme, then
    // the column's whole range is one vertical stroke. Four points (M4: first, min, max, last)
    // would cover the same pixels at twice the rasterising cost.
    double from = startStroke || out.size() == 0 ? first : out.y(out.size() - 1);
    boolean downFirst = Math.abs(from - min) < Math.abs(from - max);
    out.add(px, downFirst ? min : max, startStroke);
    out.add(px, downFirst ? max : min, false);
  }
}
