package dev.pipewright.app.trial;

import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;

/** How the trial panel and the canvas write rates, counts and elapsed times, e.g. {@code 120/s · 4,210}. */
public final class RateFormat {
  private RateFormat() {}

  /** An edge label: the recent rate and the total, {@code "120/s · 4,210"}; rates under 10/s keep one decimal. */
  public static String edgeLabel(double ratePerSecond, long total) {
    return rate(ratePerSecond) + " · " + count(total);
  }

  public static String rate(double perSecond) {
    if (perSecond <= 0 || Double.isNaN(perSecond)) {
      return "0/s";
    }
    if (perSecond < 10) {
      return String.format(Locale.ROOT, "%.1f/s", perSecond);
    }
    return count(Math.round(perSecond)) + "/s";
  }

  /** A count with thousands separators, the same on every machine. */
  public static String count(long n) {
    return NumberFormat.getIntegerInstance(Locale.US).format(n);
  }

  /** An elapsed time: {@code 0.4 s}, {@code 12.3 s}, {@code 2 min 05 s}. */
  public static String elapsed(Duration d) {
    if (d == null) {
      return "";
    }
    long ms = Math.max(0, d.toMillis());
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    long s = ms / 1000;
    return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
  }
}
