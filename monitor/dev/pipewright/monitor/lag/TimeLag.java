package dev.pipewright.monitor.lag;

/**
 * An estimated consumer lag in seconds and how it was obtained, so a reader can tell a measured
 * figure from a bound or a guess.
 *
 * @param seconds the lag in seconds; NaN when {@link Basis#UNKNOWN}
 */
public record TimeLag(double seconds, Basis basis) {
  public static final TimeLag UNKNOWN = new TimeLag(Double.NaN, Basis.UNKNOWN);
  public static final TimeLag CAUGHT_UP = new TimeLag(0.0, Basis.CAUGHT_UP);

  /** How the figure was derived; see {@link TimeLagEstimator} for the rules. */
  public enum Basis {
    CAUGHT_UP, INTERPOLATED, EXTRAPOLATED, LOWER_BOUND, UNKNOWN,
    /** Now minus the timestamp of the record at the committed offset, read from the topic. */
    RECORD_TIME
  }

  public boolean known() {
    return basis != Basis.UNKNOWN;
  }
}
