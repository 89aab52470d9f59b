package dev.pipewright.monitor.kafka;

import dev.pipewright.monitor.lag.PartitionStatus;
import dev.pipewright.monitor.lag.TimeLag;
import java.time.Duration;
import java.util.Optional;

/**
 * The lag of one consumer group on one partition at one poll.
 *
 * @param lag log-end offset minus committed offset, as Kafka's consumer-groups tool computes it
 * @param timeToClear how long until caught up at the current net rate; null when not gaining
 */
public record PartitionLag(
    String group,
    String topic,
    int partition,
    long committedOffset,
    long logEndOffset,
    long lag,
    TimeLag lagSeconds,
    PartitionStatus status,
    Duration timeToClear) {

  public Optional<Duration> timeToClearOpt() {
    return Optional.ofNullable(timeToClear);
  }
}
