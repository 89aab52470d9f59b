package dev.pipewright.monitor.lag;

/** Burrow's status of one partition of a consumer group, judged over a window of commits. */
public enum PartitionStatus {
  /** Caught up at some point in the window, or making progress. */
  OK,
  /** Offsets move but the lag never shrinks: the consumer falls behind. */
  WARN,
  /** Commits arrive but the offset does not move while there is lag. */
  STALL,
  /** No commit for longer than the window spans, with lag outstanding. */
  STOP,
  /** The committed offset went backwards within the window. */
  REWIND;

  /** Whether this status puts the group in ERR. */
  public boolean isError() {
    return this == STALL || this == STOP || this == REWIND;
  }
}
