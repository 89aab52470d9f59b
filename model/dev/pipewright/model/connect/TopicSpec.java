package dev.pipewright.model.connect;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A Kafka topic to create before the connectors start: name, partitions, replication factor and
 * topic-level configs (sorted). Made by {@link ConnectorConfigs#topics}.
 */
public record TopicSpec(String name, int partitions, int replicationFactor, Map<String, String> configs) {
  public TopicSpec {
    Objects.requireNonNull(name, "name");
    configs = Collections.unmodifiableSortedMap(new TreeMap<>(configs));
  }
}
