package dev.pipewright.monitor;

import java.util.Locale;

/** A byte count as a person reads it: {@code 512 B}, {@code 72.0 MiB}, {@code 1.5 GiB} (powers of 1,024). */
public final class Bytes {
  private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

  private Bytes() {}

  public static String human(long b) {
    if (b < 1024) {
      return b + " B";
    }
    double v = b;
    int u = -1;
    while (v >= 1024 && u < UNITS.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.1f %s", v, UNITS[u]);
  }
}
