package dev.pipewright.monitor.lag;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BurrowEvaluatorTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /**
   * A window written as "offset/lag" pairs, one commit every 10 s from T0; e.g.
   * {@code 10/5 20/5 30/0}.
   */
  private static List<Commit> window(String spec) {
    List<Commit> commits = new ArrayList<>();
    String[] parts = spec.trim().split("\\s+");
    for (int i = 0; i < parts.length; i++) {
      String[] ol = parts[i].split("/");
      commits.add(new Commit(Long.parseLong(ol[0]), Long.parseLong(ol[1]), T0.plusSeconds(10L * i)));
    }
    return commits;
  }

  @ParameterizedTest(name = "[{0}] lag {1}, {2} s after the last commit: {3}")
  @CsvSource(delimiter = ';', value = {
      // window                            ; current lag ; seconds after last ; status
      "10/5 20/6 30/7 40/8                 ; 8  ; 5   ; WARN",    // moving, lag grows every step
      "10/5 20/0 30/3 40/9                 ; 9  ; 5   ; OK",      // lag reached 0 in the window
      "10/5 10/5 10/5 10/5                 ; 5  ; 5   ; STALL",   // commits, no progress
      "10/5 20/4 30/3 40/2                 ; 2  ; 31  ; STOP",    // silent longer than the 30 s span
      "10/5 20/0 30/3 40/2                 ; 2  ; 31  ; STOP",    // STOP wins over a zero lag earlier
      "10/5 20/4 30/3 40/2                 ; 2  ; 30  ; OK",      // exactly the span is not yet STOP
      "10/5 20/4 15/9 40/2                 ; 2  ; 5   ; REWIND",  // offset went back
      "10/5 20/6 30/7 40/8                 ; 0  ; 500 ; OK",      // caught up now: never an error
      "10/5                                ; 5  ; 59  ; OK",      // one commit, within the minute
      "10/5                                ; 5  ; 61  ; STOP",    // one commit, silent beyond it
  })
  void partitionStatusFollowsBurrowsRules(String spec, long lag, long after, PartitionStatus expected) {
    List<Commit> w = window(spec);
    Instant now = w.get(w.size() - 1).at().plusSeconds(after);
    assertThat(BurrowEvaluator.evaluate(w, lag, now, Duration.ofMinutes(1))).isEqualTo(expected);
  }

  @Test
  void nowIsTakenInWholeSecondsAsBurrowDoesSoSubSecondJitterIsNotStop() {
    List<Commit> w = List.of(new Commit(10, 5, T0.plusMillis(200)), new Commit(20, 4, T0.plusMillis(400)));
    // a 200 ms span; a poll 500 ms after the last commit, in the same second: not yet silent
    assertThat(BurrowEvaluator.evaluate(w, 4, T0.plusMillis(900), Duration.ofMinutes(1))).isEqualTo(PartitionStatus.OK);
    // from the next second on the silence counts as 600 ms: longer than the span
    assertThat(BurrowEvaluator.evaluate(w, 4, T0.plusMillis(1_000), Duration.ofMinutes(1))).isEqualTo(PartitionStatus.STOP);
  }

  @Test
  void aPartitionWhoseLogEndWasAtTheNewestCommitLatelyIsNotStop() {
    // Burrow's exception: a consumer that commits only when it reads was idle, not stopped
    List<Commit> w = window("10/5 20/4 30/3 40/2");
    Instant now = T0.plusSeconds(30 + 31); // silent 31 s, the window spans 30 s
    long nowMs = now.toEpochMilli();
    assertThat(BurrowEvaluator.evaluate(w, 2, now, Duration.ofMinutes(1))).isEqualTo(PartitionStatus.STOP);
    assertThat(BurrowEvaluator.evaluate(w, 2, now, Duration.ofMinutes(1), nowMs - 100_000)).isEqualTo(PartitionStatus.OK);
    assertThat(BurrowEvaluator.evaluate(w, 2, now, Duration.ofMinutes(1), nowMs - 100_001)).isEqualTo(PartitionStatus.STOP);
  }

  @Test
  void steadyLagWhileMovingIsWarnBecauseItNeverDecreases() {
    // Burrow: "offsets increase but lag stays the same or grows between every pair" is WARN
    assertThat(BurrowEvaluator.evaluate(window("10/5 20/5 30/5 40/5"), 5, T0.plusSeconds(35), Duration.ofMinutes(1)))
        .isEqualTo(PartitionStatus.WARN);
  }

  @Test
  void emptyWindowIsOk() {
    assertThat(BurrowEvaluator.evaluate(List.of(), 7, T0, Duration.ofMinutes(1))).isEqualTo(PartitionStatus.OK);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "OK OK OK, OK",
      "OK WARN OK, WARN",
      "WARN STALL, ERR",
      "OK STOP, ERR",
      "REWIND, ERR",
  })
  void groupIsTheWorstOfItsPartitions(String partitions, GroupStatus expected) {
    List<PartitionStatus> ps = new ArrayList<>();
    for (String p : partitions.split(" ")) {
      ps.add(PartitionStatus.valueOf(p));
    }
    assertThat(GroupStatus.of(ps)).isEqualTo(expected);
  }

  @Test
  void pollsThatSeeTheSameOffsetAddNoCommitSoADeadConsumerStops() {
    BurrowEvaluator b = new BurrowEvaluator(10, Duration.ofMinutes(1));
    for (int s = 0; s <= 40; s += 10) {
      b.observe("g", "t", 0, s * 10L, 5 + s, T0.plusSeconds(s));
    }
    for (int s = 42; s <= 81; s++) {
      b.observe("g", "t", 0, 400, 60, T0.plusSeconds(s));
    }
    // the window spans 40 s (commits at 0..40 s); silence beyond that is STOP
    assertThat(b.status("g", "t", 0, 60, T0.plusSeconds(80))).isEqualTo(PartitionStatus.WARN);
    assertThat(b.status("g", "t", 0, 60, T0.plusSeconds(81))).isEqualTo(PartitionStatus.STOP);
  }

  @Test
  void windowKeepsOnlyTheNewestCommits() {
    BurrowEvaluator b = new BurrowEvaluator(3, Duration.ofMinutes(1));
    b.add("g", "t", 0, new Commit(50, 1, T0));        // a rewind that falls out of the window
    b.add("g", "t", 0, new Commit(10, 5, T0.plusSeconds(10)));
    b.add("g", "t", 0, new Commit(20, 4, T0.plusSeconds(20)));
    b.add("g", "t", 0, new Commit(30, 3, T0.plusSeconds(30)));
    assertThat(b.status("g", "t", 0, 3, T0.plusSeconds(31))).isEqualTo(PartitionStatus.OK);
  }

  @Test
  void pollFastPathAgreesWithObserveThenStatus() {
    BurrowEvaluator slow = new BurrowEvaluator(BurrowEvaluator.DEFAULT_WINDOW, Duration.ofMinutes(5));
    BurrowEvaluator fast = new BurrowEvaluator(BurrowEvaluator.DEFAULT_WINDOW, Duration.ofMinutes(5));
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    // moving, then stalled with growing lag, then rewound, then silent for an hour
    long[] offsets = {10, 20, 30, 40, 40, 40, 40, 40, 40, 40, 40, 40, 35, 36, 36, 36, 36};
    for (int i = 0; i < offsets.length + 1; i++) {
      Instant at = t0.plusSeconds(i < offsets.length ? i * 30L : 3600);
      long offset = offsets[Math.min(i, offsets.length - 1)];
      long lag = 100 + i * 5L;
      slow.observe("g", "t", 0, offset, lag, at);
      PartitionStatus expected = slow.status("g", "t", 0, lag, at);
      assertThat(fast.observeAndJudge("g", "t", 0, offset, lag, at)).as("step %d", i).isEqualTo(expected);
    }
  }

  @Test
  void commitsFromTheLogOfTheSameOffsetAreStallWhileSilenceIsStop() {
    BurrowEvaluator b = new BurrowEvaluator(10, Duration.ofMinutes(1));
    BurrowEvaluator.Window w = b.newWindow();
    // the first poll seeds the window; then the group commits offset 40 every 5 s with lag growing
    assertThat(b.seedAndJudge(w, 40, 100, T0)).isEqualTo(PartitionStatus.OK);
    for (int s = 5; s <= 30; s += 5) {
      b.add(w, new Commit(40, 100 + s, T0.plusSeconds(s)));
    }
    // later polls do not add the polled offset again: the window holds only real commits
    assertThat(b.seedAndJudge(w, 40, 140, T0.plusSeconds(31))).isEqualTo(PartitionStatus.STALL);
    // the group stops committing: beyond the window's 30 s span it is STOP
    assertThat(b.seedAndJudge(w, 40, 200, T0.plusSeconds(61))).isEqualTo(PartitionStatus.STOP);
  }

  @Test
  void commitsFromTheLogThatMoveForwardAreOk() {
    BurrowEvaluator b = new BurrowEvaluator(10, Duration.ofMinutes(1));
    BurrowEvaluator.Window w = b.newWindow();
    b.seedAndJudge(w, 10, 50, T0);
    for (int s = 1; s <= 9; s++) {
      b.add(w, new Commit(10 + s * 10L, 50 - s * 4L, T0.plusSeconds(s)));
    }
    assertThat(b.seedAndJudge(w, 100, 14, T0.plusSeconds(10))).isEqualTo(PartitionStatus.OK);
  }

  @Test
  void theFirstLoggedCommitReplacesTheSeedSoAFreshWindowIsNotStop() {
    BurrowEvaluator b = new BurrowEvaluator(10, Duration.ofMinutes(1));
    BurrowEvaluator.Window w = b.newWindow();
    b.seedAndJudge(w, 20, 100, T0);
    // committed 100 ms after the poll that seeded the window; the next poll comes a second later
    b.add(w, new Commit(35, 85, T0.plusMillis(100)));
    assertThat(b.seedAndJudge(w, 35, 85, T0.plusSeconds(1))).isEqualTo(PartitionStatus.OK);
  }

  @Test
  void aGroupAheadOfTheLogIsNotStopAndTheLoggedCommitTakesThePlaceOfThePolledOne() {
    BurrowEvaluator b = new BurrowEvaluator(10, Duration.ofMinutes(1));
    BurrowEvaluator.Window w = b.newWindow();
    b.seedAndJudge(w, 10, 90, T0);
    b.add(w, new Commit(10, 90, T0));
    b.add(w, new Commit(20, 80, T0.plusSeconds(10)));
    // the group committed 30 at 21 s; at 25 s the poll reads it but the log has not shown it yet:
    // judged by the log's newest commit (silent 15 s, span 10 s) it would be STOP
    assertThat(b.seedAndJudge(w, 30, 70, T0.plusSeconds(25))).isEqualTo(PartitionStatus.OK);
    // the log shows it, and one before it: their own times replace the poll's (kept, the
    // stand-in 30 followed by the logged 25 would read as a rewind)
    b.add(w, new Commit(25, 75, T0.plusSeconds(18)));
    b.add(w, new Commit(30, 70, T0.plusSeconds(21)));
    assertThat(b.seedAndJudge(w, 30, 70, T0.plusSeconds(41))).isEqualTo(PartitionStatus.OK);
    assertThat(b.seedAndJudge(w, 30, 70, T0.plusSeconds(43))).as("silent 22 s, span 21 s").isEqualTo(PartitionStatus.STOP);
  }

  @Test
  void aPolledOffsetAtOrBelowTheLogsNewestAddsNothing() {
    BurrowEvaluator b = new BurrowEvaluator(10, Duration.ofMinutes(1));
    BurrowEvaluator.Window w = logged10And20(b);
    b.add(w, new Commit(30, 70, T0.plusSeconds(11)));
    // the log read commits the group's answer did not show yet (an open transaction's, or the
    // coordinator a moment behind its log): not a rewind
    assertThat(b.seedAndJudge(w, 20, 80, T0.plusSeconds(11))).isEqualTo(PartitionStatus.OK);
    assertThat(b.seedAndJudge(w, 25, 75, T0.plusSeconds(11))).isEqualTo(PartitionStatus.OK);
    assertThat(b.seedAndJudge(w, 30, 70, T0.plusSeconds(12))).isEqualTo(PartitionStatus.OK);
  }

  @Test
  void aFullWindowGivesTheSameCommitsWhetherOrNotAPolledOffsetStoodInFirst() {
    BurrowEvaluator b = new BurrowEvaluator(3, Duration.ofMinutes(1));
    BurrowEvaluator.Window w = b.newWindow();
    BurrowEvaluator.Window plain = b.newWindow();
    for (int s = 0; s < 3; s++) {
      b.add(w, new Commit(10 + s * 10L, 50, T0.plusSeconds(s * 10L)));
      b.add(plain, new Commit(10 + s * 10L, 50, T0.plusSeconds(s * 10L)));
    }
    b.seedAndJudge(w, 45, 35, T0.plusSeconds(35)); // pushes the oldest out of the full ring
    b.add(w, new Commit(40, 40, T0.plusSeconds(30)));
    b.add(plain, new Commit(40, 40, T0.plusSeconds(30)));
    // both hold 20, 30, 40 (span 20 s): OK 20 s after the newest, STOP a second later
    assertThat(b.seedAndJudge(w, 40, 40, T0.plusSeconds(50))).isEqualTo(PartitionStatus.OK);
    assertThat(b.seedAndJudge(plain, 40, 40, T0.plusSeconds(50))).isEqualTo(PartitionStatus.OK);
    assertThat(b.seedAndJudge(w, 40, 40, T0.plusSeconds(51))).isEqualTo(PartitionStatus.STOP);
    assertThat(b.seedAndJudge(plain, 40, 40, T0.plusSeconds(51))).isEqualTo(PartitionStatus.STOP);
  }

  @Test
  void whileTheLogShowsNothingThePolledOffsetsStandInSoAGroupThatThenStopsIsStop() {
    BurrowEvaluator b = new BurrowEvaluator(10, Duration.ofMinutes(1));
    BurrowEvaluator.Window w = logged10And20(b);
    // the group keeps moving; each poll's offset stands in at its poll time, as polled entries do
    for (int s = 15; s <= 25; s += 5) {
      assertThat(b.seedAndJudge(w, 20 + s, 80 - s, T0.plusSeconds(s))).as("%d s", s).isEqualTo(PartitionStatus.OK);
    }
    // then it stops at 45: span 0..25 s, so silence beyond 25 s after the last sighting is STOP
    assertThat(b.seedAndJudge(w, 45, 55, T0.plusSeconds(50))).isEqualTo(PartitionStatus.OK);
    assertThat(b.seedAndJudge(w, 45, 55, T0.plusSeconds(51))).isEqualTo(PartitionStatus.STOP);
  }

  /** A window the log filled with offset 10 at T0 (lag 90) and 20 ten seconds later (lag 80). */
  private static BurrowEvaluator.Window logged10And20(BurrowEvaluator b) {
    BurrowEvaluator.Window w = b.newWindow();
    b.add(w, new Commit(10, 90, T0));
    b.add(w, new Commit(20, 80, T0.plusSeconds(10)));
    return w;
  }
}
