package dev.pipewright.app.attach;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.model.Category;
import dev.pipewright.model.Cluster;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Environment;
import dev.pipewright.model.KafkaSecurity;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.connect.ConnectorConfigs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns what a running Kafka Connect cluster reports ({@code GET /connectors?expand=info&expand=status})
 * and the topics of its broker into a drawing: a source and a capture node per Debezium source
 * connector, a node per topic it writes, a sink node per sink connector (kind by connector class)
 * and the edges between them. Secret settings become {@code ${env:…}} references; their values are
 * never copied. Pure: no network, so it is tested on recorded JSON.
 */
public final class ConnectImport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SECRET = Pattern.compile(".*(password|secret|token|credentials|api\\.key|connection\\.string|sasl\\.jaas\\.config)$");
  private static final List<String> DROPPED = List.of("connector.class", "name", "tasks.max", "topics", "topics.regex");

  /** The drawing and what could not be imported (a sink class Pipewright does not know, say). */
  public record Result(Pipeline pipeline, List<String> notes) {
    public Result {
      notes = List.copyOf(notes);
    }
  }

  private ConnectImport() {}

  /**
   * @param connectorsJson the body of {@code GET /connectors?expand=info&expand=status}
   * @param topics the broker's topic names (internal ones are ignored)
   */
  public static Result fromConnect(String name, String bootstrap, String connectUrl, String connectorsJson,
      Collection<String> topics) throws IOException {
    return fromConnect(name, new Cluster("attached", bootstrap, KafkaSecurity.PLAINTEXT, connectUrl, null, null),
        connectorsJson, topics);
  }

  /**
   * @param cluster where the pipeline runs, kept as given on the drawing: its security and
   *     Connect credentials hold references, so saving the drawing writes no secret
   * @param connectorsJson the body of {@code GET /connectors?expand=info&expand=status}
   * @param topics the broker's topic names (internal ones are ignored)
   */
  public static Result fromConnect(String name, Cluster cluster, String connectorsJson, Collection<String> topics)
      throws IOException {
    JsonNode root = JSON.readTree(connectorsJson);
    List<String> notes = new ArrayList<>();
    List<String> userTopics = topics.stream().filter(t -> !t.startsWith("_")).sorted().toList();
    Map<String, Node> nodes = new LinkedHashMap<>();
    List<Edge> edges = new ArrayList<>();
    Map<String, JsonNode> sources = new TreeMap<>();
    Map<String, JsonNode> sinks = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode info = e.getValue().path("info");
      String type = info.path("type").asText(e.getValue().path("status").path("type").asText(""));
      (type.equals("sink") ? sinks : sources).put(e.getKey(), info.path("config"));
    }
    for (Map.Entry<String, JsonNode> e : sources.entrySet()) {
      Map<String, String> cfg = strings(e.getValue());
      NodeKind sourceKind = sourceKind(cfg.getOrDefault("connector.class", ""));
      if (sourceKind == null) {
        notes.add("Connector '" + e.getKey() + "' (" + cfg.get("connector.class") + ") is not a Debezium source; left out");
        continue;
      }
      String capture = e.getKey();
      String db = cfg.getOrDefault("database.dbname", capture + "-db");
      String sourceName = nodes.containsKey(db) ? capture + "-db" : db;
      Map<String, String> sp = new TreeMap<>();
      put(sp, "host", cfg.get("database.hostname"));
      put(sp, "port", cfg.get("database.port"));
      put(sp, "database", cfg.get("database.dbname"));
      put(sp, "user", cfg.get("database.user"));
      if (cfg.containsKey("database.password")) {
        sp.put("password", envRef(capture, "database.password"));
      }
      nodes.put(sourceName, new Node(sourceName, sourceKind, null, sp));
      Map<String, String> cp = new TreeMap<>();
      cfg.forEach((k, v) -> {
        if (!DROPPED.contains(k) && !k.startsWith("database.")) {
          cp.put(k, secret(k) ? envRef(capture, k) : v);
        }
      });
      nodes.put(capture, new Node(capture, NodeKind.DEBEZIUM, null, cp));
      edges.add(new Edge(sourceName, capture));
      String prefix = cfg.getOrDefault("topic.prefix", cfg.getOrDefault("database.server.name", capture));
      List<String> written = new ArrayList<>();
      String tables = cfg.get("table.include.list");
      if (tables != null && !tables.isBlank() && !tables.contains("*")) {
        for (String t : tables.split(",")) {
          written.add(prefix + "." + t.trim());
        }
      } else {
        userTopics.stream().filter(t -> t.startsWith(prefix + ".")).forEach(written::add);
      }
      for (String t : written) {
        topicNode(nodes, t);
        edges.add(new Edge(capture, t));
      }
    }
    for (Map.Entry<String, JsonNode> e : sinks.entrySet()) {
      Map<String, String> cfg = strings(e.getValue());
      NodeKind kind = sinkKind(cfg.getOrDefault("connector.class", ""));
      if (kind == null) {
        notes.add("Sink '" + e.getKey() + "' uses " + cfg.get("connector.class") + ", which Pipewright does not know; left out");
        continue;
      }
      String sink = nodes.containsKey(e.getKey()) ? e.getKey() + "-sink" : e.getKey();
      Map<String, String> p = new TreeMap<>();
      cfg.forEach((k, v) -> {
        if (!DROPPED.contains(k)) {
          p.put(k, secret(k) ? envRef(e.getKey(), k) : v);
        }
      });
      nodes.put(sink, new Node(sink, kind, null, p));
      List<String> from = new ArrayList<>();
      if (cfg.containsKey("topics")) {
        for (String t : cfg.get("topics").split(",")) {
          if (!t.isBlank()) {
            from.add(t.trim());
          }
        }
      } else if (cfg.containsKey("topics.regex")) {
        Pattern re = Pattern.compile(cfg.get("topics.regex"));
        userTopics.stream().filter(t -> re.matcher(t).matches()).forEach(from::add);
      }
      for (String t : from) {
        topicNode(nodes, t);
        edges.add(new Edge(t, sink));
      }
    }
    Pipeline p = Pipeline.empty(name).withEnvironment(Environment.PRODUCTION).withClusters(List.of(cluster))
        .withNodes(List.copyOf(nodes.values())).withEdges(edges.stream().distinct().toList());
    return new Result(p, notes);
  }

  private static void topicNode(Map<String, Node> nodes, String topic) {
    Node existing = nodes.get(topic);
    if (existing == null) {
      nodes.put(topic, Node.of(topic, NodeKind.TOPIC));
    } else if (existing.kind().category() != Category.TOPIC) {
      nodes.put(topic + "-topic", new Node(topic + "-topic", NodeKind.TOPIC, null, Map.of("topic", topic)));
    }
  }

  static NodeKind sourceKind(String cls) {
    String c = cls.toLowerCase(Locale.ROOT);
    if (!c.startsWith("io.debezium.connector.")) {
      return null;
    }
    if (c.contains(".postgresql.")) {
      return NodeKind.POSTGRES;
    } else if (c.contains(".mysql.")) {
      return NodeKind.MYSQL;
    } else if (c.contains(".mariadb.")) {
      return NodeKind.MARIADB;
    } else if (c.contains(".sqlserver.")) {
      return NodeKind.SQLSERVER;
    } else if (c.contains(".mongodb.")) {
      return NodeKind.MONGODB;
    }
    return null;
  }

  /** The sink kind whose connector class the exporters write is {@code cls}; null if none. */
  static NodeKind sinkKind(String cls) {
    for (NodeKind k : NodeKind.values()) {
      if (k.category() != Category.SINK) {
        continue;
      }
      if (k == NodeKind.LAKE) {
        if (cls.equals("org.apache.iceberg.connect.IcebergSinkConnector") || cls.equals("io.confluent.connect.s3.S3SinkConnector")) {
          return k;
        }
        continue;
      }
      try {
        if (ConnectorConfigs.sinkClass(Node.of("x", k)).equals(cls)) {
          return k;
        }
      } catch (IllegalArgumentException notAConnector) {
        // a sink kind without a Connect connector of its own
      }
    }
    return null;
  }

  private static boolean secret(String key) {
    return SECRET.matcher(key.toLowerCase(Locale.ROOT)).matches();
  }

  /** An environment variable named after connector and key, e.g. {@code ${env:SHOP_CDC_DATABASE_PASSWORD}}. */
  static String envRef(String connector, String key) {
    return "${env:" + (connector + "_" + key).toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_") + "}";
  }

  private static Map<String, String> strings(JsonNode config) {
    Map<String, String> out = new TreeMap<>();
    config.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (v != null) {
      m.put(k, v);
    }
  }
}
