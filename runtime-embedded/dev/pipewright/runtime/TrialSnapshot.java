package dev.pipewright.runtime;

import dev.pipewright.runtime.stats.EdgeStats;
import dev.pipewright.runtime.stats.SinkStats;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a person sees of a running trial at one moment: the phase, how long each phase took,
 * the counters and last events of every edge, and each sink's progress. Immutable; poll
 * {@link Trial#snapshot()} for a fresh one.
 *
 * @param sinceStart time since {@link Trial#start()} was called
 * @param phaseTimes completed phases and how long each took, in the order they ran
 * @param failure the sentence explaining a failure, or null
 */
public record TrialSnapshot(
    TrialPhase phase,
    Duration sinceStart,
    Map<TrialPhase, Duration> phaseTimes,
    List<EdgeStats> edges,
    Map<String, SinkStats> sinks,
    String failure) {
  public TrialSnapshot {
    phaseTimes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phaseTimes));
    edges = List.copyOf(edges);
    sinks = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(sinks));
  }

  /** The total of events that crossed edges into sinks, over all sinks. */
  public long eventsDelivered() {
    return sinks.values().stream().mapToLong(SinkStats::written).sum();
  }
}
