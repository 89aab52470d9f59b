package dev.pipewright.runtime.stats;

import java.time.Duration;
import java.util.Map;

/**
 * How one sink is doing: events written (per topic), duplicates it noticed (the same change event
 * delivered twice, which at-least-once delivery allows), errors, the time from the trial's start
 * to its first event, and end-to-end latency percentiles (source commit to sink write).
 *
 * @param preview true when the sink cannot run locally and only records what it would receive
 * @param firstEventAfter null until the first event arrived
 * @param latencyP50 null until events arrived
 * @param lastError a sentence, or null
 */
public record SinkStats(
    String node,
    String kind,
    boolean preview,
    long written,
    Map<String, Long> writtenPerTopic,
    long duplicates,
    long errors,
    Duration firstEventAfter,
    Duration latencyP50,
    Duration latencyP95,
    Duration latencyP99,
    String lastError) {
  public SinkStats {
    writtenPerTopic = Map.copyOf(writtenPerTopic);
  }
}
