package dev.pipewright.app.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Axis ticks fall on round numbers and round times. */
class NiceScaleTest {
  @ParameterizedTest
  @CsvSource({
      "0, 9.3, 5, 0, 10, 2",
      "0, 3480, 6, 0, 4000, 1000",
      "0, 0.73, 5, 0, 0.8, 0.2",
      "-12, 41, 5, -20, 60, 20",
      "5, 5, 5, 0, 10, 2"})
  void valueTicksAreOneTwoOrFiveTimesAPowerOfTen(double min, double max, int n, double lo, double hi, double step) {
    NiceScale.Ticks t = NiceScale.values(min, max, n);
    assertThat(t.lo()).isCloseTo(lo, within(1e-12));
    assertThat(t.hi()).isCloseTo(hi, within(1e-12));
    assertThat(t.step()).isCloseTo(step, within(1e-12));
  }

  @ParameterizedTest
  @CsvSource({"2.5, 0.5, 2.5", "3000, 1000, 3000", "25000, 5000, 25k", "2500000, 500000, 2.5M", "0.25, 0.25, 0.25"})
  void tickLabelsAreShort(double v, double step, String text) {
    assertThat(NiceScale.format(v, step)).isEqualTo(text);
  }

  @Test
  void anHourGetsTicksOnWholeTenMinutes() {
    long t0 = Instant.parse("2026-01-01T12:03:17Z").toEpochMilli();
    long t1 = t0 + 3_600_000;
    long step = NiceScale.timeStepSeconds(t1 - t0, 8);
    assertThat(step).isEqualTo(600);
    List<Long> ticks = NiceScale.times(t0, t1, step, ZoneOffset.UTC);
    assertThat(ticks).first().isEqualTo(Instant.parse("2026-01-01T12:10:00Z").toEpochMilli());
    assertThat(ticks).hasSize(6);
  }
}
