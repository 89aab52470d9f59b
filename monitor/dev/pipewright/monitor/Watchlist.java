package dev.pipewright.monitor;

import dev.pipewright.model.Category;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to watch for a pipeline: the consumer group of each sink, the replication slot of each
 * PostgreSQL capture and the connector name of each capture and sink. Derived from the drawing
 * with Kafka Connect's conventions and overridable (the local trial may name groups its own way).
 *
 * @param groupsBySink sink node name to consumer group id
 * @param slotsByCapture capture node name to replication slot name (PostgreSQL sources only)
 * @param connectorsByNode capture or sink node name to connector name
 */
public record Watchlist(Map<String, String> groupsBySink, Map<String, String> slotsByCapture,
    Map<String, String> connectorsByNode) {
  public Watchlist {
    groupsBySink = Map.copyOf(groupsBySink);
    slotsByCapture = Map.copyOf(slotsByCapture);
    connectorsByNode = Map.copyOf(connectorsByNode);
  }

  /**
   * Connect's conventions: a sink connector named after its node consumes as group
   * {@code connect-<name>} unless {@code consumer.override.group.id} says otherwise; a Debezium
   * capture of PostgreSQL uses its {@code slot.name}.
   */
  public static Watchlist of(Pipeline p) {
    Map<String, String> groups = new LinkedHashMap<>();
    Map<String, String> slots = new LinkedHashMap<>();
    Map<String, String> connectors = new LinkedHashMap<>();
    for (Node n : p.nodes()) {
      if (n.kind().category() == Category.SINK) {
        groups.put(n.name(), n.property("consumer.override.group.id").orElse("connect-" + n.name()));
        connectors.put(n.name(), n.name());
      } else if (n.kind() == NodeKind.DEBEZIUM) {
        connectors.put(n.name(), n.name());
        if (p.upstream(n.name()).stream().anyMatch(u -> u.kind() == NodeKind.POSTGRES)) {
          slots.put(n.name(), n.property("slot.name").orElse("debezium"));
        }
      }
    }
    return new Watchlist(groups, slots, connectors);
  }

  /** This watchlist with the sink's group replaced, e.g. by the local trial's own group id. */
  public Watchlist withGroup(String sink, String group) {
    Map<String, String> g = new LinkedHashMap<>(groupsBySink);
    g.put(sink, group);
    return new Watchlist(g, slotsByCapture, connectorsByNode);
  }
}
