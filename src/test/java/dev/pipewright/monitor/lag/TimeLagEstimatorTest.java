package dev.pipewright.monitor.lag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimeLagEstimatorTest {
  private static final TopicPartition TP = new TopicPartition("shop.public.orders", 0);
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static Instant at(double seconds) {
    return T0.plusMillis(Math.round(seconds * 1000));
  }

  /** A producer writing 100 records/s from offset 0, sampled every second for 20 s. */
  private static TimeLagEstimator steady() {
    TimeLagEstimator e = new TimeLagEstimator();
    for (int s = 0; s <= 20; s++) {
      e.recordLogEnd(TP, s * 100L, at(s));
    }
    return e;
  }

  @ParameterizedTest(name = "committed {0} at t=20s is {1} s behind")
  @CsvSource({
      "2000, 0",      // at the log end
      "1900, 1",      // on a sample
      "1850, 1.5",    // between samples
      "0, 20",        // the oldest sample
      "1001, 9.99",
  })
  void steadyProducerLagIsTimeSinceLogEndPassedTheCommittedOffset(long committed, double seconds) {
    assertThat(steady().lag(TP, committed, at(20)).seconds()).isCloseTo(seconds, within(0.001));
  }

  @Test
  void lagKeepsGrowingWithWallTimeWhenNothingIsConsumed() {
    TimeLagEstimator e = steady();
    assertThat(e.lag(TP, 1000, at(30)).seconds()).isCloseTo(20.0, within(0.001));
  }

  @Test
  void idleCaughtUpPartitionIsZeroSecondsNotHours() {
    TimeLagEstimator e = new TimeLagEstimator();
    e.recordLogEnd(TP, 500, at(0));
    for (int m = 1; m <= 600; m++) {
      e.recordLogEnd(TP, 500, at(m * 60));
    }
    TimeLag lag = e.lag(TP, 500, at(36_000));
    assertThat(lag.seconds()).isZero();
    assertThat(lag.basis()).isEqualTo(TimeLag.Basis.CAUGHT_UP);
  }

  @Test
  void firstRecordAfterHoursOfSilenceReadsAsSecondsSinceItArrived() {
    TimeLagEstimator e = new TimeLagEstimator();
    for (int m = 0; m <= 180; m++) {
      e.recordLogEnd(TP, 500, at(m * 60));
    }
    e.recordLogEnd(TP, 501, at(10_801));
    // the record at offset 500 came after the last sample still at 500 (t=10800 s)
    TimeLag lag = e.lag(TP, 500, at(10_805));
    assertThat(lag.seconds()).isCloseTo(5.0, within(0.001));
    assertThat(lag.basis()).isEqualTo(TimeLag.Basis.INTERPOLATED);
  }

  @Test
  void flatRunKeepsOnlyItsFirstAndLastSampleSoTheTableKeepsHistory() {
    TimeLagEstimator e = new TimeLagEstimator(5);
    e.recordLogEnd(TP, 0, at(0));
    e.recordLogEnd(TP, 100, at(1));
    for (int s = 2; s < 100; s++) {
      e.recordLogEnd(TP, 100, at(s));
    }
    assertThat(e.sampleCount(TP)).isEqualTo(3);
    assertThat(e.lag(TP, 50, at(100)).seconds()).isCloseTo(99.5, within(0.001));
  }

  @Test
  void burstIsInterpolatedWithinItsSecond() {
    TimeLagEstimator e = new TimeLagEstimator();
    e.recordLogEnd(TP, 0, at(0));
    e.recordLogEnd(TP, 0, at(10));
    e.recordLogEnd(TP, 10_000, at(11));
    e.recordLogEnd(TP, 10_000, at(60));
    assertThat(e.lag(TP, 5_000, at(60)).seconds()).isCloseTo(49.5, within(0.001));
  }

  @Test
  void offsetOlderThanTheTableIsExtrapolatedAtTheMeanRate() {
    TimeLagEstimator e = new TimeLagEstimator(3);
    for (int s = 0; s <= 10; s++) {
      e.recordLogEnd(TP, s * 10L, at(s));
    }
    // table now holds (80, 8) (90, 9) (100, 10); offset 20 is 6 s before the oldest at 10 rec/s
    TimeLag lag = e.lag(TP, 20, at(10));
    assertThat(lag.basis()).isEqualTo(TimeLag.Basis.EXTRAPOLATED);
    assertThat(lag.seconds()).isCloseTo(8.0, within(0.001));
  }

  @Test
  void offsetOlderThanAStillTableIsALowerBound() {
    TimeLagEstimator e = new TimeLagEstimator();
    e.recordLogEnd(TP, 700, at(100));
    e.recordLogEnd(TP, 700, at(110));
    TimeLag lag = e.lag(TP, 650, at(120));
    assertThat(lag.basis()).isEqualTo(TimeLag.Basis.LOWER_BOUND);
    assertThat(lag.seconds()).isCloseTo(20.0, within(0.001));
  }

  @Test
  void partitionNeverSampledIsUnknown() {
    assertThat(new TimeLagEstimator().lag(TP, 5, at(1)).known()).isFalse();
  }

  @Test
  void logEndGoingBackwardsStartsAFreshTable() {
    TimeLagEstimator e = steady();
    e.recordLogEnd(TP, 10, at(21));
    assertThat(e.sampleCount(TP)).isEqualTo(1);
    assertThat(e.lag(TP, 10, at(22)).seconds()).isZero();
  }

  @Test
  void samplesOutOfTimeOrderAreIgnored() {
    TimeLagEstimator e = steady();
    e.recordLogEnd(TP, 5_000, at(5));
    assertThat(e.lag(TP, 1900, at(20)).seconds()).isCloseTo(1.0, within(0.001));
  }

  @Test
  void retainOnlyForgetsPartitionsThatWentAway() {
    TimeLagEstimator e = steady();
    e.retainOnly(Set.of(new TopicPartition("other", 0)));
    assertThat(e.sampleCount(TP)).isZero();
  }

  @Test
  void timeToClearUsesNetRateOfConsumptionOverProduction() {
    TimeLagEstimator e = steady(); // 100 rec/s produced
    for (int s = 10; s <= 20; s++) {
      e.recordCommitted("g", TP, 500 + (s - 10) * 150L, at(s)); // 150 rec/s consumed
    }
    // committed 2000 at t=20, log end 2000: caught up
    assertThat(e.timeToClear("g", TP, 2000)).contains(Duration.ZERO);
    // lag of 500 records gained on at 50 rec/s: 10 s
    TimeLagEstimator f = steady();
    for (int s = 10; s <= 20; s++) {
      f.recordCommitted("g", TP, (s - 10) * 150L, at(s));
    }
    assertThat(f.timeToClear("g", TP, 1500)).contains(Duration.ofSeconds(10));
  }

  @Test
  void consumerSlowerThanProducerNeverClears() {
    TimeLagEstimator e = steady();
    for (int s = 10; s <= 20; s++) {
      e.recordCommitted("g", TP, (s - 10) * 50L, at(s));
    }
    assertThat(e.timeToClear("g", TP, 500)).isEmpty();
  }

  @Test
  void pollFastPathAgreesWithTheSeparateCalls() {
    TimeLagEstimator slow = new TimeLagEstimator();
    TimeLagEstimator fast = new TimeLagEstimator();
    // a producer at 100 records/s, a consumer at 60/s that falls behind, then catches up
    for (int s = 1; s <= 90; s++) {
      long end = s * 100L;
      long committed = s < 60 ? s * 60L : Math.min(end, 3540 + (s - 59) * 400L);
      slow.recordLogEnd(TP, end, at(s));
      fast.recordLogEnd(TP, end, at(s));
      TimeLag lag = slow.lag(TP, committed, at(s));
      slow.recordCommitted("g", TP, committed, at(s));
      TimeLagEstimator.Reading read = fast.read("g", TP, committed, at(s).toEpochMilli());
      assertThat(read.lag()).as("second %d", s).isEqualTo(lag);
      assertThat(java.util.Optional.ofNullable(read.timeToClear())).as("second %d", s)
          .isEqualTo(slow.timeToClear("g", TP, committed));
    }
  }

  @Test
  void lastTimeAtOrBelowIsTheNewestSampleWhereTheLogEndHadNotPassedTheOffset() {
    TimeLagEstimator.Ring ends = new TimeLagEstimator().newLogEndTable();
    TimeLagEstimator.recordLogEnd(ends, 10, 1_000);
    TimeLagEstimator.recordLogEnd(ends, 10, 2_000);
    TimeLagEstimator.recordLogEnd(ends, 10, 3_000); // a flat run: its last time is kept
    TimeLagEstimator.recordLogEnd(ends, 15, 4_000);
    assertThat(TimeLagEstimator.lastTimeAtOrBelow(ends, 10)).isEqualTo(3_000);
    assertThat(TimeLagEstimator.lastTimeAtOrBelow(ends, 14)).isEqualTo(3_000);
    assertThat(TimeLagEstimator.lastTimeAtOrBelow(ends, 20)).isEqualTo(4_000);
    assertThat(TimeLagEstimator.lastTimeAtOrBelow(ends, 9)).isEqualTo(Long.MIN_VALUE);
  }
}
