package dev.pipewright.app.monitor;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the monitor's window shows an instant: the time of day as the charts' axes show it, and the
 * date too when it is not the day of {@code now} (an ISO instant with nanoseconds reads as noise).
 */
final class Times {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private Times() {}

  static String of(Instant t, ZoneId zone, Instant now) {
    boolean sameDay = t.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate());
    return (sameDay ? TIME : DATE_TIME).withZone(zone).format(t);
  }
}
