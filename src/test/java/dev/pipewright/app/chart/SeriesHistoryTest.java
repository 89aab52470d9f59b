package dev.pipewright.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chart history: one row per second, an hour at most, series appearing over time. */
class SeriesHistoryTest {
  static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

  @Test
  void keepsAtMostCapacityRowsDroppingTheOldest() {
    SeriesHistory h = new SeriesHistory(3600, Duration.ofSeconds(1), Duration.ofHours(1));
    for (int i = 0; i < 3650; i++) {
      h.record(T0.plusSeconds(i), Map.of("a", (double) i));
    }
    assertThat(h.size()).isEqualTo(3600);
    assertThat(h.timeAt(0)).isEqualTo(T0.plusSeconds(50).toEpochMilli());
    assertThat(h.value(0, 0)).isEqualTo(50.0);
    assertThat(h.value(0, 3599)).isEqualTo(3649.0);
  }

  @Test
  void pollsInTheSameSecondShareOneRowAndOlderOnesAreIgnored() {
    SeriesHistory h = new SeriesHistory(10, Duration.ofSeconds(1), Duration.ofHours(1));
    h.record(T0.plusMillis(100), Map.of("a", 1.0));
    h.record(T0.plusMillis(900), Map.of("a", 2.0, "b", 5.0));
    h.record(T0.minusSeconds(3), Map.of("a", 9.0));
    assertThat(h.size()).isEqualTo(1);
    assertThat(h.timeAt(0)).isEqualTo(T0.toEpochMilli());
    assertThat(h.value(0, 0)).isEqualTo(2.0);
    assertThat(h.value(1, 0)).isEqualTo(5.0);
  }

  @Test
  void aSeriesThatAppearsLaterHasGapsBeforeAndRowsOlderThanTheSpanGo() {
    SeriesHistory h = new SeriesHistory(100, Duration.ofSeconds(1), Duration.ofSeconds(30));
    for (int i = 0; i < 40; i++) {
      Map<String, Double> row = new HashMap<>();
      row.put("a", (double) i);
      if (i >= 35) {
        row.put("late", -1.0 * i);
      }
      h.record(T0.plusSeconds(i), row);
    }
    assertThat(h.size()).isEqualTo(30);
    assertThat(h.timeAt(0)).isEqualTo(T0.plusSeconds(10).toEpochMilli());
    assertThat(h.names()).containsExactly("a", "late");
    assertThat(h.value(1, 24)).isNaN();
    assertThat(h.value(1, 25)).isEqualTo(-35.0);
  }

  @Test
  void nearestRowIsFoundByTime() {
    SeriesHistory h = new SeriesHistory(10, Duration.ofSeconds(1), Duration.ofHours(1));
    for (int i = 0; i < 5; i++) {
      h.record(T0.plusSeconds(2L * i), Map.of("a", (double) i));
    }
    long t0 = T0.toEpochMilli();
    assertThat(h.nearest(t0 - 10_000)).isZero();
    assertThat(h.nearest(t0 + 2_900)).isEqualTo(1);
    assertThat(h.nearest(t0 + 3_100)).isEqualTo(2);
    assertThat(h.nearest(t0 + 99_000)).isEqualTo(4);
  }

  @Test
  void seriesBeyondTheCapAreIgnored() {
    SeriesHistory h = new SeriesHistory(4, Duration.ofSeconds(1), Duration.ofHours(1));
    Map<String, Double> row = new HashMap<>();
    for (int s = 0; s < SeriesHistory.MAX_SERIES + 10; s++) {
      row.put("g" + s, 1.0);
    }
    h.record(T0, row);
    assertThat(h.seriesCount()).isEqualTo(SeriesHistory.MAX_SERIES);
  }
}
