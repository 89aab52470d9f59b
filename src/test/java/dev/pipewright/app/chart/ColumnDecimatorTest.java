package dev.pipewright.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decimation keeps every pixel column's extremes and costs points in proportion to the width. */
class ColumnDecimatorTest {
  static final Instant T0 = Instant.parse("2026-01-01T12:00:00Z");

  private static SeriesHistory sawtooth(int points) {
    SeriesHistory h = new SeriesHistory(points, Duration.ofSeconds(1), Duration.ofDays(1));
    for (int i = 0; i < points; i++) {
      h.record(T0.plusSeconds(i), Map.of("saw", (double) (i % 7)));
    }
    return h;
  }

  @Test
  void thirtySixHundredPointsOnTwoHundredPixelsBecomeAtMostTwoPerColumn() {
    SeriesHistory h = sawtooth(3600);
    ColumnDecimator.Polyline out = ColumnDecimator.decimate(h, 0, h.timeAt(0), h.timeAt(3599), 0, 200, 10_000,
        new ColumnDecimator.Polyline());
    assertThat(out.size()).isLessThanOrEqualTo(2 * 201).isGreaterThan(200);
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (int i = 0; i < out.size(); i++) {
      min = Math.min(min, out.y(i));
      max = Math.max(max, out.y(i));
      assertThat(out.x(i)).isBetween(0.0, 201.0);
    }
    // every column of 18 points spans the whole tooth: nothing is smoothed away
    assertThat(min).isEqualTo(0.0);
    assertThat(max).isEqualTo(6.0);
    assertThat(out.startsStroke(0)).isTrue();
    assertThat(java.util.stream.IntStream.range(1, out.size()).noneMatch(out::startsStroke)).isTrue();
  }

  @Test
  void fewerPointsThanPixelsAreDrawnOneByOne() {
    SeriesHistory h = sawtooth(50);
    ColumnDecimator.Polyline out = ColumnDecimator.decimate(h, 0, h.timeAt(0), h.timeAt(49), 0, 800, 10_000,
        new ColumnDecimator.Polyline());
    assertThat(out.size()).isEqualTo(50);
    assertThat(out.y(10)).isEqualTo(3.0);
  }

  @Test
  void gapsInTimeAndMissingValuesBreakTheLine() {
    SeriesHistory h = new SeriesHistory(100, Duration.ofSeconds(1), Duration.ofDays(1));
    for (int i = 0; i < 10; i++) {
      h.record(T0.plusSeconds(i), Map.of("a", 1.0));
    }
    for (int i = 60; i < 70; i++) { // the monitor was away for 50 s
      Map<String, Double> row = new HashMap<>();
      if (i != 65) {
        row.put("a", 2.0);
      }
      h.record(T0.plusSeconds(i), row);
    }
    ColumnDecimator.Polyline out = ColumnDecimator.decimate(h, 0, h.timeAt(0), h.timeAt(h.size() - 1), 0, 1000, 10_000,
        new ColumnDecimator.Polyline());
    int strokes = 0;
    for (int i = 0; i < out.size(); i++) {
      strokes += out.startsStroke(i) ? 1 : 0;
    }
    assertThat(strokes).isEqualTo(3);
  }
}
