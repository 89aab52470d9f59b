package dev.pipewright.app.trial;

import dev.pipewright.runtime.TrialPhase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The phase list of the trial panel, driven by {@link dev.pipewright.runtime.TrialListener}
 * events: which phases are waiting, running, done or failed, and for how long. Not thread-safe;
 * the view model feeds it on one thread and publishes {@link #rows} as immutable values.
 */
public final class PhaseProgress {
  /** The phases always listed, in the order a start goes through them. */
  static final List<TrialPhase> START_PHASES = List.of(TrialPhase.STARTING_POSTGRES, TrialPhase.STARTING_KAFKA,
      TrialPhase.PREFLIGHT, TrialPhase.SNAPSHOT, TrialPhase.STREAMING);

  /** Where one phase stands. */
  public enum Status { WAITING, RUNNING, DONE, FAILED, SKIPPED }

  /**
   * One line of the list.
   *
   * @param elapsed how long it took (done), has been running (running), or null (waiting)
   * @param note the failure sentence of a failed phase, else null
   */
  public record Row(TrialPhase phase, Status status, Duration elapsed, String note) {}

  private final Map<TrialPhase, Duration> startedAt = new EnumMap<>(TrialPhase.class);
  private final Map<TrialPhase, Duration> took = new EnumMap<>(TrialPhase.class);
  private TrialPhase failedIn;
  private String failure;

  public void started(TrialPhase phase, Duration sinceStart) {
    startedAt.put(phase, sinceStart);
    took.remove(phase);
  }

  public void completed(TrialPhase phase, Duration tookTime) {
    startedAt.putIfAbsent(phase, Duration.ZERO);
    took.put(phase, tookTime);
  }

  public void failed(TrialPhase phase, String sentence) {
    failedIn = phase;
    failure = sentence;
  }

  public String failure() {
    return failure;
  }

  public boolean isFailed() {
    return failedIn != null;
  }

  /** True once streaming began (and nothing failed). */
  public boolean isStreaming() {
    return failedIn == null && startedAt.containsKey(TrialPhase.STREAMING) && !startedAt.containsKey(TrialPhase.STOPPING);
  }

  /**
   * The rows at {@code now} (time since the trial's start): the start phases always, then
   * stopping and stopped once they happened. A running phase shows how long it has run so far;
   * a start phase that never ran while later ones did (PostgreSQL for an external source) is skipped.
   */
  public List<Row> rows(Duration now) {
    List<TrialPhase> shown = new ArrayList<>(START_PHASES);
    for (TrialPhase p : List.of(TrialPhase.STOPPING, TrialPhase.STOPPED)) {
      if (startedAt.containsKey(p)) {
        shown.add(p);
      }
    }
    int lastReached = -1;
    for (int i = 0; i < shown.size(); i++) {
      if (startedAt.containsKey(shown.get(i))) {
        lastReached = i;
      }
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < shown.size(); i++) {
      TrialPhase p = shown.get(i);
      rows.add(row(p, i < lastReached, now));
    }
    return List.copyOf(rows);
  }

  private Row row(TrialPhase p, boolean laterPhaseReached, Duration now) {
    if (p == failedIn) {
      Duration since = startedAt.get(p);
      return new Row(p, Status.FAILED, since == null ? null : nonNegative(now.minus(since)), failure);
    }
    if (took.containsKey(p)) {
      return new Row(p, Status.DONE, took.get(p), null);
    }
    Duration since = startedAt.get(p);
    if (since == null) {
      return new Row(p, laterPhaseReached ? Status.SKIPPED : Status.WAITING, null, null);
    }
    if (failedIn != null || p == TrialPhase.STOPPED) {
      // a phase cut short by a failure elsewhere, or the final state, is not "running"
      return new Row(p, p == TrialPhase.STOPPED ? Status.DONE : Status.WAITING, null, null);
    }
    if (p == TrialPhase.STREAMING && startedAt.containsKey(TrialPhase.STOPPING)) {
      return new Row(p, Status.DONE, nonNegative(startedAt.get(TrialPhase.STOPPING).minus(since)), null);
    }
    return new Row(p, Status.RUNNING, nonNegative(now.minus(since)), null);
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }
}
