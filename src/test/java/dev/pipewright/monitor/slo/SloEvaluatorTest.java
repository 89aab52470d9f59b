package dev.pipewright.monitor.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pipewright.model.Slo;
import dev.pipewright.model.SloKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SloEvaluatorTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Slo FRESH = new Slo("search-fresh", SloKind.FRESHNESS, "search", 5, 99, 0.999, Duration.ofDays(30));

  private static List<SloStatus> feed(SloEvaluator e, Slo slo, Instant at, double value) {
    return e.observe(at, Map.of(slo.name(), value));
  }

  private static SloStatus run(SloEvaluator e, Slo slo, Instant from, Duration step, int count, double value) {
    SloStatus last = null;
    for (int i = 0; i < count; i++) {
      last = feed(e, slo, from.plus(step.multipliedBy(i)), value).get(0);
    }
    return last;
  }

  @ParameterizedTest(name = "{0} with threshold {1}: value {2} is {3}")
  @CsvSource({
      "FRESHNESS, 5, 4.9, true",
      "FRESHNESS, 5, 5, true",
      "FRESHNESS, 5, 5.1, false",
      "LAG_MESSAGES, 1000, 1001, false",
      "LAG_SECONDS, 30, 12, true",
      "SLOT_WAL_BYTES, 1073741824, 2147483648, false",
      "CONNECTOR_RUNNING, 0, 1, true",
      "CONNECTOR_RUNNING, 0, 0, false",
  })
  void valueIsGoodAtOrBelowTheThresholdOrWhenRunning(SloKind kind, double threshold, double value, boolean good) {
    Slo slo = new Slo("s", kind, "n", threshold, 99, 0.99, Duration.ofDays(1));
    assertThat(SloEvaluator.good(slo, value)).isEqualTo(good);
  }

  @Test
  void fiveBadMinutesAfterTwoGoodHoursPageWithStartTimeAndWhatBreached() {
    SloEvaluator e = new SloEvaluator(List.of(FRESH));
    Duration minute = Duration.ofMinutes(1);
    SloStatus ok = run(e, FRESH, T0, minute, 121, 1.0);
    assertThat(ok.alerts()).isEmpty();
    assertThat(ok.budgetConsumed()).isZero();
    assertThat(ok.state()).isEqualTo(SloStatus.State.MET);

    Instant firstBad = T0.plus(minute.multipliedBy(121));
    SloStatus bad = run(e, FRESH, firstBad, minute, 5, 7.5);
    assertThat(bad.state()).isEqualTo(SloStatus.State.BREACHED);
    assertThat(bad.alerts()).extracting(BurnAlert::severity).containsExactly(AlertSeverity.PAGE, AlertSeverity.TICKET);
    BurnAlert page = bad.alerts().get(0);
    assertThat(page.since()).isEqualTo(firstBad);
    assertThat(page.breached()).contains("freshness p99 of search", "7.50 s now vs threshold 5 s", "1h", "5m");
    // 5 bad minutes of a 43.2-minute budget (0.1 % of 30 days)
    assertThat(bad.budgetConsumed()).isCloseTo(5 / 43.2, within(1e-9));
    assertThat(bad.burnRates().get("1h")).isGreaterThanOrEqualTo(14.4);
  }

  @Test
  void fastBurnStopsSoonAfterRecoveryBecauseOfTheShortWindow() {
    SloEvaluator e = new SloEvaluator(List.of(FRESH));
    Duration minute = Duration.ofMinutes(1);
    run(e, FRESH, T0, minute, 121, 1.0);
    run(e, FRESH, T0.plus(minute.multipliedBy(121)), minute, 5, 9.0);
    SloStatus recovered = run(e, FRESH, T0.plus(minute.multipliedBy(126)), minute, 6, 1.0);
    assertThat(recovered.alerts()).extracting(BurnAlert::severity).doesNotContain(AlertSeverity.PAGE);
    // the long window still remembers the burn: the budget is not given back
    assertThat(recovered.burnRates().get("1h")).isGreaterThanOrEqualTo(14.4);
    assertThat(recovered.budgetConsumed()).isCloseTo(5 / 43.2, within(1e-9));
  }

  @Test
  void onePercentBadForSixHoursOpensATicketButDoesNotPage() {
    SloEvaluator e = new SloEvaluator(List.of(FRESH));
    SloStatus last = null;
    for (int i = 0; i < 6 * 360; i++) {
      last = feed(e, FRESH, T0.plusSeconds(10L * i), i % 100 == 50 ? 8.0 : 1.0).get(0);
    }
    assertThat(last.burnRates().get("6h")).isCloseTo(10.0, within(0.5));
    assertThat(last.alerts()).extracting(BurnAlert::severity).containsExactly(AlertSeverity.TICKET);
  }

  @Test
  void rulesScaleWithTheSloWindow() {
    Slo daily = new Slo("lag", SloKind.LAG_SECONDS, "search", 30, 0, 0.99, Duration.ofDays(1));
    SloStatus s = new SloEvaluator(List.of(daily)).observe(T0, Map.of("lag", 1.0)).get(0);
    // 1 h / 30 d of a day is 2 minutes; 5 m / 30 d of a day is 10 s
    assertThat(s.burnRates()).containsKeys("2m", "10s", "12m", "1m");
  }

  @Test
  void missingValueIsNoDataAndCountsNeitherGoodNorBad() {
    Slo running = new Slo("cdc-up", SloKind.CONNECTOR_RUNNING, "shop-cdc", 0, 0, 0.99, Duration.ofDays(1));
    SloEvaluator e = new SloEvaluator(List.of(running));
    e.observe(T0, Map.of("cdc-up", 1.0));
    SloStatus unknown = e.observe(T0.plusSeconds(60), Map.of()).get(0);
    assertThat(unknown.state()).isEqualTo(SloStatus.State.NO_DATA);
    assertThat(unknown.compliance()).isNaN();
    SloStatus down = e.observe(T0.plusSeconds(120), Map.of("cdc-up", 0.0)).get(0);
    assertThat(down.state()).isEqualTo(SloStatus.State.BREACHED);
    assertThat(down.compliance()).isZero();
  }

  @Test
  void gapLongerThanMaxGapIsNotCounted() {
    SloEvaluator e = new SloEvaluator(List.of(FRESH), BurnPolicy.workbook(), Duration.ofMinutes(5));
    feed(e, FRESH, T0, 9.0);
    SloStatus after = feed(e, FRESH, T0.plus(Duration.ofHours(1)), 9.0).get(0);
    assertThat(after.budgetConsumed()).isZero();
    SloStatus next = feed(e, FRESH, T0.plus(Duration.ofHours(1)).plusSeconds(60), 9.0).get(0);
    assertThat(next.budgetConsumed()).isCloseTo(1 / 43.2, within(1e-9));
  }

  @Test
  void badTimeOlderThanTheWindowNoLongerSpendsBudget() {
    Slo hourly = new Slo("wal", SloKind.SLOT_WAL_BYTES, "shop-cdc", 1000, 0, 0.9, Duration.ofHours(1));
    SloEvaluator e = new SloEvaluator(List.of(hourly));
    SloStatus bad = run(e, hourly, T0, Duration.ofMinutes(1), 7, 5000);
    assertThat(bad.budgetConsumed()).isCloseTo(1.0, within(1e-9)); // 6 bad minutes of a 6-minute budget
    SloStatus later = run(e, hourly, T0.plus(Duration.ofMinutes(7)), Duration.ofMinutes(1), 60, 10);
    assertThat(later.budgetConsumed()).isZero();
    assertThat(later.compliance()).isEqualTo(1.0);
  }

  @Test
  void aWalAlertSaysHowMuchIsHeldInUnitsAPersonReads() {
    Slo wal = new Slo("slot-wal-bounded", SloKind.SLOT_WAL_BYTES, "shop-cdc", 64L << 20, 0, 0.99, Duration.ofDays(1));
    SloEvaluator e = new SloEvaluator(List.of(wal));
    SloStatus bad = run(e, wal, T0, Duration.ofMinutes(1), 30, 75_512_912);
    assertThat(bad.alerts()).isNotEmpty();
    assertThat(bad.alerts().get(0).breached()).contains("(WAL retained by the slot of shop-cdc): 72.0 MiB now vs threshold 64.0 MiB");
  }
}
