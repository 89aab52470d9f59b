package dev.pipewright.runtime;

import java.time.Duration;

/**
 * Hears a trial's progress. Called from the trial's threads; implementations hand the values to
 * their own thread (the app's view model does, the CLI prints). All methods default to nothing.
 */
public interface TrialListener {
  /** A phase began; {@code sinceStart} is the time since {@link Trial#start()} was called. */
  default void phaseStarted(TrialPhase phase, Duration sinceStart) {}

  /** A phase ended successfully after {@code took}. */
  default void phaseCompleted(TrialPhase phase, Duration took) {}

  /** The trial failed while in {@code phase}; {@code sentence} says what happened and what to do. */
  default void failed(TrialPhase phase, String sentence) {}

  /** A sink wrote its first change event, {@code sinceStart} after the start. */
  default void firstEventInSink(String sinkNode, Duration sinceStart) {}

  TrialListener NONE = new TrialListener() {};
}
