package dev.pipewright.runtime;

import java.util.List;

/**
 * A trial could not start or stopped on an error. The message is for a person: it names what is
 * wrong and how to fix it; {@link #problems()} lists each problem found by a check on its own.
 */
public final class TrialException extends RuntimeException {
  private final TrialPhase phase;
  private final List<String> problems;

  public TrialException(TrialPhase phase, String sentence, Throwable cause) {
    this(phase, List.of(sentence), cause);
  }

  public TrialException(TrialPhase phase, List<String> problems, Throwable cause) {
    super(String.join("\n", problems), cause);
    this.phase = phase;
    this.problems = List.copyOf(problems);
  }

  public TrialPhase phase() {
    return phase;
  }

  public List<String> problems() {
    return problems;
  }
}
