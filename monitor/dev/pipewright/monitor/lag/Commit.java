package dev.pipewright.monitor.lag;

import java.time.Instant;
import java.util.Objects;

/**
 * One committed offset of a partition as Burrow keeps it: the offset, the lag behind the log end
 * when it was seen, and when.
 */
public record Commit(long offset, long lag, Instant at) {
  public Commit {
    Objects.requireNonNull(at, "at");
  }
}
