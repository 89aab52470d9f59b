package dev.pipewright.runtime.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
    assertThat(r.percentile(99)).isNull();
    for (int i = 0; i < 25; i++) {
      r.record(i, i);
    }
    assertThat(r.count()).isEqualTo(25);
    assertThat(r.summary(Long.MIN_VALUE).count()).isEqualTo(10);
    assertThat(r.percentile(0)).isEqualTo(Duration.ofMillis(15));
  }
}
