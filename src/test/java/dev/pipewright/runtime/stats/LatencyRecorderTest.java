package dev.pipewright.runtime.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {
  @Test
  void percentilesAreNearestRankOverTheKeptLatencies() {
    LatencyRecorder r = new LatencyRecorder(1_000);
    for (int i = 1; i <= 100; i++) {
      r.record(1_000L + i, i);
    }
    LatencySummary all = r.summary(Long.MIN_VALUE);
    assertThat(all.count()).isEqualTo(100);
    assertThat(all.percentile(50)).isEqualTo(Duration.ofMillis(50));
    assertThat(all.percentile(95)).isEqualTo(Duration.ofMillis(95));
    assertThat(all.percentile(99)).isEqualTo(Duration.ofMillis(99));
    assertThat(all.max()).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void aWarmUpCanBeLeftOutByTheTimeLatenciesWereTaken() {
    LatencyRecorder r = new LatencyRecorder(1_000);
    r.record(1_000, 2_000); // a slow start
    for (int i = 0; i < 99; i++) {
      r.record(5_000 + i, 20);
    }
    assertThat(r.summary(Long.MIN_VALUE).percentile(100)).isEqualTo(Duration.ofMillis(2_000));
    LatencySummary steady = r.summary(5_000);
    assertThat(steady.count()).isEqualTo(99);
    assertThat(steady.max()).isEqualTo(Duration.ofMillis(20));
  }

  @Test
  void onlyTheLastCapacityLatenciesAreKeptAndNoneMeansNoPercentile() {
    LatencyRecorder r = new LatencyRecorder(10);
    assertThat(r.summary(Long.MIN_VALUE).percentile(99)).isNull();
    for (int i = 0; i < 25; i++) {
      r.record(i, i);
    }
    assertThat(r.count()).isEqualTo(25);
    assertThat(r.summary(Long.MIN_VALUE).count()).isEqualTo(10);
    assertThat(r.summary(Long.MIN_VALUE).percentile(0)).isEqualTo(Duration.ofMillis(15));
  }

  @Test
  void bySecondShowsWhenASlowStartEndedAndSkipsQuietSeconds() {
    LatencyRecorder r = new LatencyRecorder(1_000);
    for (int i = 0; i < 40; i++) {
      r.record(10_000 + i * 25, 400 - i * 10); // the first second: catching up
    }
    for (int i = 0; i < 20; i++) {
      r.record(12_000 + i * 50, 15); // the third second; nothing in the second one
    }
    r.record(9_999, 5_000); // before the start: left out

    SortedMap<Long, LatencySummary> bySecond = r.bySecond(10_000);

    assertThat(bySecond.keySet()).containsExactly(0L, 2L);
    assertThat(bySecond.get(0L).count()).isEqualTo(40);
    assertThat(bySecond.get(0L).max()).isEqualTo(Duration.ofMillis(400));
    assertThat(bySecond.get(0L).percentile(50)).isEqualTo(Duration.ofMillis(200));
    assertThat(bySecond.get(2L).count()).isEqualTo(20);
    assertThat(bySecond.get(2L).percentile(99)).isEqualTo(Duration.ofMillis(15));
  }
}
