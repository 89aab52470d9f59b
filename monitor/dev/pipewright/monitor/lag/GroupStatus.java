package dev.pipewright.monitor.lag;

import java.util.Collection;

/** Burrow's status of a consumer group: the worst of its partitions. */
public enum GroupStatus {
  OK, WARN, ERR;

  /** ERR if any partition is STOP, STALL or REWIND; WARN if any is WARN; else OK. */
  public static GroupStatus of(Collection<PartitionStatus> partitions) {
    boolean warn = false;
    for (PartitionStatus p : partitions) {
      if (p.isError()) {
        return ERR;
      }
      warn |= p == PartitionStatus.WARN;
    }
    return warn ? WARN : OK;
  }
}
