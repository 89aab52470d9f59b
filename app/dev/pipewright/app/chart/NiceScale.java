package dev.pipewright.app.chart;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Axis ticks a person reads at a glance: values at 1, 2, 2.5 or 5 times a power of ten, times at
 * whole seconds, minutes or hours of the given zone. Pure functions, no JavaFX.
 */
public final class NiceScale {
  private static final long[] TIME_STEPS_S = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600};

  private NiceScale() {}

  /** A value axis: from {@code lo} to {@code hi} in steps of {@code step}. */
  public record Ticks(double lo, double hi, double step) {
    public List<Double> values() {
      List<Double> out = new ArrayList<>();
      long n = Math.round((hi - lo) / step);
      for (long i = 0; i <= n; i++) {
        out.add(lo + i * step);
      }
      return out;
    }
  }

  /** At most about {@code maxTicks} nice ticks covering {@code [min, max]}; a flat range is widened. */
  public static Ticks values(double min, double max, int maxTicks) {
    if (!(max > min)) {
      // a flat line sits in the middle of a range from zero
      if (min >= 0) {
        max = min == 0 ? 1 : 2 * min;
        min = 0;
      } else {
        min = 2 * min;
        max = 0;
      }
    }
    double step = niceStep((max - min) / Math.max(1, maxTicks));
    double lo = Math.floor(min / step) * step;
    double hi = Math.ceil(max / step) * step;
    return new Ticks(lo == -0.0 ? 0 : lo, hi, step);
  }

  private static double niceStep(double raw) {
    double pow = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / pow;
    double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
    return nice * pow;
  }

  /** A tick label: no more decimals than the step needs, thousands as k and millions as M. */
  public static String format(double v, double step) {
    double a = Math.abs(v);
    if (a >= 1e6 && step >= 1e5) {
      return String.format(Locale.ROOT, "%." + decimals(step / 1e6) + "fM", v / 1e6);
    }
    if (a >= 1e4 && step >= 1e3) {
      return String.format(Locale.ROOT, "%." + decimals(step / 1e3) + "fk", v / 1e3);
    }
    return String.format(Locale.ROOT, "%." + decimals(step) + "f", v);
  }

  private static int decimals(double step) {
    int d = 0;
    while (d < 6 && Math.abs(step * Math.pow(10, d) - Math.rint(step * Math.pow(10, d))) > 1e-9) {
      d++;
    }
    return d;
  }

  /** The step, in seconds, of at most {@code maxTicks} time ticks over {@code spanMillis}. */
  public static long timeStepSeconds(long spanMillis, int maxTicks) {
    for (long s : TIME_STEPS_S) {
      if (spanMillis / (s * 1000.0) <= Math.max(1, maxTicks)) {
        return s;
      }
    }
    return TIME_STEPS_S[TIME_STEPS_S.length - 1];
  }

  /** Tick times (epoch ms) between {@code t0} and {@code t1} on whole multiples of the step in {@code zone}. */
  public static List<Long> times(long t0, long t1, long stepSeconds, ZoneId zone) {
    long step = stepSeconds * 1000;
    long offset = zone.getRules().getOffset(Instant.ofEpochMilli(t0)).getTotalSeconds() * 1000L;
    long first = Math.floorDiv(t0 + offset + step - 1, step) * step - offset;
    List<Long> out = new ArrayList<>();
    for (long t = first; t <= t1; t += step) {
      out.add(t);
    }
    return out;
  }
}
