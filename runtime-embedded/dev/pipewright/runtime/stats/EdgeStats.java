package dev.pipewright.runtime.stats;

import dev.pipewright.model.Edge;
import java.util.List;

/**
 * What crossed one edge of the pipeline so far: the total number of change events, the recent
 * rate (events per second over the last few seconds) and the last events, newest last. Immutable.
 */
public record EdgeStats(Edge edge, long total, double ratePerSecond, List<EdgeSample> lastEvents) {
  public EdgeStats {
    lastEvents = List.copyOf(lastEvents);
  }
}
