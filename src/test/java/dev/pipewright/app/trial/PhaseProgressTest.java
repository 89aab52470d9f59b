package dev.pipewright.app.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.app.trial.PhaseProgress.Row;
import dev.pipewright.app.trial.PhaseProgress.Status;
import dev.pipewright.runtime.TrialPhase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhaseProgressTest {
  private static Duration s(double seconds) {
    return Duration.ofMillis((long) (seconds * 1000));
  }

  private static Status statusOf(List<Row> rows, TrialPhase p) {
    return rows.stream().filter(r -> r.phase() == p).findFirst().orElseThrow().status();
  }

  @Test
  void beforeAnyEventEveryStartPhaseWaits() {
    List<Row> rows = new PhaseProgress().rows(Duration.ZERO);

    assertThat(rows).extracting(Row::phase).containsExactlyElementsOf(PhaseProgress.START_PHASES);
    assertThat(rows).extracting(Row::status).containsOnly(Status.WAITING);
  }

  @Test
  void parallelServerStartsRunTogetherAndShowHowLongTheyHaveRun() {
    PhaseProgress p = new PhaseProgress();
    p.started(TrialPhase.STARTING_POSTGRES, s(0));
    p.started(TrialPhase.STARTING_KAFKA, s(0.1));
    p.completed(TrialPhase.STARTING_POSTGRES, s(3.2));

    List<Row> rows = p.rows(s(5.1));

    assertThat(rows.get(0)).isEqualTo(new Row(TrialPhase.STARTING_POSTGRES, Status.DONE, s(3.2), null));
    assertThat(rows.get(1)).isEqualTo(new Row(TrialPhase.STARTING_KAFKA, Status.RUNNING, s(5.0), null));
    assertThat(statusOf(rows, TrialPhase.PREFLIGHT)).isEqualTo(Status.WAITING);
  }

  @Test
  void streamingAfterEveryPhaseLeavesNothingWaiting() {
    PhaseProgress p = new PhaseProgress();
    for (TrialPhase ph : List.of(TrialPhase.STARTING_POSTGRES, TrialPhase.STARTING_KAFKA, TrialPhase.PREFLIGHT,
        TrialPhase.SNAPSHOT)) {
      p.started(ph, s(1));
      p.completed(ph, s(2));
    }
    p.started(TrialPhase.STREAMING, s(20));

    assertThat(p.isStreaming()).isTrue();
    assertThat(p.rows(s(25)).get(4)).isEqualTo(new Row(TrialPhase.STREAMING, Status.RUNNING, s(5), null));
  }

  @Test
  void anExternalSourceSkipsTheEmbeddedDatabase() {
    PhaseProgress p = new PhaseProgress();
    p.started(TrialPhase.PREFLIGHT, s(0));
    p.completed(TrialPhase.PREFLIGHT, s(0.3));
    p.started(TrialPhase.STARTING_KAFKA, s(0.3));

    List<Row> rows = p.rows(s(2));

    assertThat(statusOf(rows, TrialPhase.STARTING_POSTGRES)).isEqualTo(Status.SKIPPED);
    assertThat(statusOf(rows, TrialPhase.STARTING_KAFKA)).isEqualTo(Status.RUNNING);
  }

  @Test
  void aFailureMarksItsPhaseWithTheSentenceAndStopsTheClockElsewhere() {
    PhaseProgress p = new PhaseProgress();
    p.started(TrialPhase.STARTING_POSTGRES, s(0));
    p.started(TrialPhase.STARTING_KAFKA, s(0));
    p.completed(TrialPhase.STARTING_POSTGRES, s(2));
    p.failed(TrialPhase.STARTING_KAFKA, "Port 9092 is taken. Stop the other broker.");

    List<Row> rows = p.rows(s(4));

    assertThat(rows.get(1).status()).isEqualTo(Status.FAILED);
    assertThat(rows.get(1).note()).isEqualTo("Port 9092 is taken. Stop the other broker.");
    assertThat(statusOf(rows, TrialPhase.PREFLIGHT)).isEqualTo(Status.WAITING);
    assertThat(p.isStreaming()).isFalse();
  }

  @Test
  void stoppingEndsStreamingAndListsTheStopPhases() {
    PhaseProgress p = new PhaseProgress();
    p.started(TrialPhase.STREAMING, s(10));
    p.started(TrialPhase.STOPPING, s(70));
    p.completed(TrialPhase.STOPPING, s(3));
    p.started(TrialPhase.STOPPED, s(73));

    List<Row> rows = p.rows(s(80));

    assertThat(statusOf(rows, TrialPhase.STREAMING)).isEqualTo(Status.DONE);
    assertThat(rows.get(4).elapsed()).isEqualTo(s(60));
    assertThat(rows).extracting(Row::phase).endsWith(TrialPhase.STOPPING, TrialPhase.STOPPED);
    assertThat(statusOf(rows, TrialPhase.STOPPED)).isEqualTo(Status.DONE);
    assertThat(p.isStreaming()).isFalse();
  }
}
