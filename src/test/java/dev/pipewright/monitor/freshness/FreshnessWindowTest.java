package dev.pipewright.monitor.freshness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FreshnessWindowTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void percentilesAreNearestRankOverTheWindow() {
    FreshnessWindow w = new FreshnessWindow(Duration.ofMinutes(5), 1000);
    // 100 writes with latencies 10 ms .. 1000 ms
    for (int i = 1; i <= 100; i++) {
      Instant write = T0.plusSeconds(i);
      w.record(write.minusMillis(i * 10L), write);
    }
    Freshness f = w.stats(T0.plusSeconds(100));
    assertThat(f.count()).isEqualTo(100);
    assertThat(f.p50()).isEqualTo(0.5);
    assertThat(f.p95()).isEqualTo(0.95);
    assertThat(f.p99()).isEqualTo(0.99);
    assertThat(f.max()).isEqualTo(1.0);
  }

  @Test
  void writesOlderThanTheSpanLeaveTheWindow() {
    FreshnessWindow w = new FreshnessWindow(Duration.ofSeconds(60), 1000);
    w.record(T0.minusSeconds(30), T0);                      // slow, old
    w.record(T0.plusSeconds(100).minusMillis(200), T0.plusSeconds(100));
    Freshness f = w.stats(T0.plusSeconds(120));
    assertThat(f.count()).isEqualTo(1);
    assertThat(f.p99()).isEqualTo(0.2);
  }

  @Test
  void capacityBoundsTheWindowToTheNewestWrites() {
    FreshnessWindow w = new FreshnessWindow(Duration.ofHours(1), 10);
    for (int i = 0; i < 20; i++) {
      w.record(T0.plusSeconds(i).minusSeconds(i < 10 ? 50 : 1), T0.plusSeconds(i));
    }
    Freshness f = w.stats(T0.plusSeconds(20));
    assertThat(f.count()).isEqualTo(10);
    assertThat(f.max()).isEqualTo(1.0);
  }

  @Test
  void emptyWindowHasNoPercentiles() {
    assertThat(new FreshnessWindow().stats(T0).count()).isZero();
    assertThat(new FreshnessWindow().stats(T0).p99()).isNaN();
  }
}
