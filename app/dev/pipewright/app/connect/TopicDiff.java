package dev.pipewright.app.connect;

import dev.pipewright.model.Pipeline;
import dev.pipewright.model.connect.ConnectorConfig;
import dev.pipewright.model.connect.ConnectorConfigs;
import dev.pipewright.model.connect.TopicSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Drift between the drawn topics and a Kafka cluster: topics drawn but missing, topics under a
 * drawn capture's prefix that the drawing lacks, and partitions, replication factor or configs
 * that differ. A config the cluster sets on a topic is no difference when it equals what the
 * broker would give anyway; a drawn config is compared with the topic's effective value.
 */
public final class TopicDiff {
  private TopicDiff() {}

  /** The kinds of topic drift. */
  public enum Kind {
    /** The drawing has the topic, the cluster does not. */
    NOT_CREATED,
    /** The cluster has a topic under a drawn capture's prefix that the drawing does not have. */
    NOT_DRAWN,
    /** Both say something different for partitions, replication factor or a config. */
    CHANGED,
    /** The drawing sets a config the cluster does not know for the topic. */
    ONLY_IN_DRAWING,
    /** The topic overrides a config the drawing does not set, to a value other than the broker's. */
    ONLY_ON_CLUSTER
  }

  /** One difference; {@code key} is {@code partitions}, {@code replication.factor} or a config name. */
  public record Difference(String topic, String key, Kind kind, String drawn, String cluster) {
    /** One line for people, e.g. {@code topic shop.orders: partitions is 3 in the drawing, 6 on the cluster}. */
    public String describe() {
      String t = "topic " + topic + ": ";
      return switch (kind) {
        case NOT_CREATED -> t + "drawn, but the cluster does not have it";
        case NOT_DRAWN -> t + "the cluster has it, but the drawing does not";
        case CHANGED -> t + key + " is '" + drawn + "' in the drawing, '" + cluster + "' on the cluster";
        case ONLY_IN_DRAWING -> t + key + " = '" + drawn + "' in the drawing, unknown to the cluster";
        case ONLY_ON_CLUSTER -> t + key + " = '" + cluster + "' on the cluster, not in the drawing";
      };
    }
  }

  /**
   * What the cluster holds for one topic.
   *
   * @param effective every config with the value the topic has, wherever it comes from
   * @param overrides the configs set on the topic itself
   * @param inherited for each override, the value the topic would have without it (broker or
   *     default), where the cluster tells
   */
  public record ClusterTopic(String name, int partitions, int replicationFactor, Map<String, String> effective,
      Map<String, String> overrides, Map<String, String> inherited) {
    public ClusterTopic {
      effective = Map.copyOf(effective);
      overrides = Map.copyOf(overrides);
      inherited = Map.copyOf(inherited);
    }
  }

  /** Compares the pipeline's drawn topics with the cluster {@code reader} reads. */
  public static List<Difference> compare(Pipeline p, KafkaTopicReader reader) throws IOException {
    List<TopicSpec> drawn = ConnectorConfigs.topics(p);
    Set<String> names = reader.names();
    Map<String, ClusterTopic> described =
        reader.describe(drawn.stream().map(TopicSpec::name).filter(names::contains).toList());
    return compare(drawn, described, names, capturePrefixes(p));
  }

  /** {@code topic.prefix} plus a dot of every drawn capture: the names its change topics get. */
  public static List<String> capturePrefixes(Pipeline p) {
    return ConnectorConfigs.forPipeline(p).stream().filter(c -> !c.sink())
        .map(ConnectorConfig::config).map(c -> c.get("topic.prefix"))
        .filter(prefix -> prefix != null && !prefix.isBlank()).map(prefix -> prefix + ".").distinct().toList();
  }

  /**
   * Compares every drawn topic with what the cluster holds, and lists the cluster's topics that
   * start with one of {@code prefixes} (a capture's {@code topic.prefix} plus a dot) but are not drawn.
   *
   * @param cluster the cluster's description of each drawn topic it has
   * @param clusterNames every topic name on the cluster
   */
  public static List<Difference> compare(List<TopicSpec> drawn, Map<String, ClusterTopic> cluster,
      Collection<String> clusterNames, Collection<String> prefixes) {
    List<Difference> out = new ArrayList<>();
    Set<String> drawnNames = new TreeSet<>();
    for (TopicSpec d : drawn) {
      drawnNames.add(d.name());
      ClusterTopic c = cluster.get(d.name());
      if (c == null) {
        out.add(new Difference(d.name(), null, Kind.NOT_CREATED, null, null));
      } else {
        out.addAll(compareOne(d, c));
      }
    }
    for (String name : new TreeSet<>(clusterNames)) {
      if (!drawnNames.contains(name) && prefixes.stream().anyMatch(name::startsWith)) {
        out.add(new Difference(name, null, Kind.NOT_DRAWN, null, null));
      }
    }
    return out;
  }

  /** The differences between one drawn topic and what the cluster holds for it. */
  public static List<Difference> compareOne(TopicSpec drawn, ClusterTopic cluster) {
    List<Difference> out = new ArrayList<>();
    if (drawn.partitions() != cluster.partitions()) {
      out.add(new Difference(drawn.name(), "partitions", Kind.CHANGED, Integer.toString(drawn.partitions()),
          Integer.toString(cluster.partitions())));
    }
    if (drawn.replicationFactor() != cluster.replicationFactor()) {
      out.add(new Difference(drawn.name(), "replication.factor", Kind.CHANGED,
          Integer.toString(drawn.replicationFactor()), Integer.toString(cluster.replicationFactor())));
    }
    Map<String, String> keys = new TreeMap<>(drawn.configs());
    cluster.overrides().forEach(keys::putIfAbsent);
    for (String k : keys.keySet()) {
      String d = drawn.configs().get(k);
      if (d != null) {
        String c = cluster.effective().get(k);
        if (c == null) {
          out.add(new Difference(drawn.name(), k, Kind.ONLY_IN_DRAWING, d, null));
        } else if (!ConfigDiff.same(d, c)) {
          out.add(new Difference(drawn.name(), k, Kind.CHANGED, d, c));
        }
      } else {
        String c = cluster.overrides().get(k);
        if (!ConfigDiff.same(c, cluster.inherited().get(k))) {
          out.add(new Difference(drawn.name(), k, Kind.ONLY_ON_CLUSTER, null, c));
        }
      }
    }
    return out;
  }
}
