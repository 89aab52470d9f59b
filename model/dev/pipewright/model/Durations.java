package dev.pipewright.model;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes the short durations of the pipeline file: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 30d}. */
public final class Durations {
  private static final Pattern P = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

  private Durations() {}

  public static Optional<Duration> parse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    Matcher m = P.matcher(s.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    return Optional.of(switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    });
  }

  /** The shortest exact spelling, e.g. 30 days is {@code 30d}, 90 seconds {@code 90s}. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms % 86_400_000 == 0 && ms > 0) {
      return ms / 86_400_000 + "d";
    }
    if (ms % 3_600_000 == 0 && ms > 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0 && ms > 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
