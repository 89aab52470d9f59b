package dev.pipewright.monitor.kafka;

import dev.pipewright.monitor.lag.GroupStatus;
import java.util.List;

/**
 * One consumer group at one poll: its Burrow status, total lag in messages, worst lag in seconds
 * and its partitions sorted by topic and partition.
 *
 * @param maxLagSeconds the largest known partition lag in seconds; 0 when none is known
 */
public record GroupLag(String group, GroupStatus status, long totalLag, double maxLagSeconds, List<PartitionLag> partitions) {
  public GroupLag {
    partitions = List.copyOf(partitions);
  }
}
