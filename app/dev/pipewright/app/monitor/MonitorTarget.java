package dev.pipewright.app.monitor;

import dev.pipewright.model.Node;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.connect.ConnectorConfigs;
import dev.pipewright.monitor.Endpoints;
import dev.pipewright.monitor.Monitor;
import dev.pipewright.monitor.Watchlist;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What the desktop monitor watches: either the running local trial (its embedded broker and
 * PostgreSQL, its sinks' own consumer groups) or the pipeline's own cluster as the file describes
 * it. {@link #open} builds the {@link Monitor}; nothing connects until it is started.
 *
 * @param description shown in the dashboard's title, e.g. "local trial" or "cluster 'prod'"
 * @param endpoints addresses replacing the file's (all null for the pipeline's own cluster)
 * @param trial true when the addresses are the local trial's
 */
public record MonitorTarget(String description, Endpoints endpoints, boolean trial) {
  /** The pipeline's own cluster: bootstrap servers, Connect URL and source JDBC URL from the file. */
  public static MonitorTarget ownCluster(Pipeline p) {
    return new MonitorTarget("cluster '" + p.cluster().name() + "'", new Endpoints(null, null, null), false);
  }

  /**
   * The running local trial: its broker's bootstrap servers and the JDBC URL of its embedded
   * source (null when the source is not embedded); Connect is not involved in a trial.
   */
  public static MonitorTarget localTrial(String bootstrap, String jdbcUrl) {
    return new MonitorTarget("local trial", new Endpoints(bootstrap, null, jdbcUrl), true);
  }

  /**
   * The watchlist for {@code p}: Connect's conventions, except that the trial's sinks consume as
   * {@code connect-<connector name>} (runtime's SinkRunner), the connector name being the exporter's slug.
   */
  public Watchlist watchlist(Pipeline p) {
    Watchlist w = Watchlist.of(p);
    if (!trial) {
      return w;
    }
    Map<String, String> names = ConnectorConfigs.connectorNames(p);
    for (String sink : w.groupsBySink().keySet()) {
      String connector = names.get(sink);
      if (connector != null) {
        w = w.withGroup(sink, "connect-" + connector);
      }
    }
    return w;
  }

  /** A monitor of {@code p} at these addresses; notes say which system is left out and why. */
  public Monitor open(Pipeline p, Duration interval, Consumer<String> notes) {
    return endpoints.monitor(p, watchlist(p), Clock.systemUTC(), interval, notes);
  }

  /** The node a sink group belongs to, for labels (null if the group is not watched). */
  static String sinkOf(Watchlist w, String group) {
    for (Map.Entry<String, String> e : w.groupsBySink().entrySet()) {
      if (e.getValue().equals(group)) {
        return e.getKey();
      }
    }
    return null;
  }

  static String topicOf(Node topicNode) {
    return topicNode.property("topic").orElse(topicNode.name());
  }
}
