package dev.pipewright.canvas;

import dev.pipewright.model.Edge;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.Position;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Pipelines the canvas tests draw and edit. */
public final class Pipelines {
  private Pipelines() {}

  /** shop-db -> shop-cdc -> {orders, customers}; orders -> search; customers -> read-model. Laid out by hand. */
  public static Pipeline shop() {
    Pipeline p = Pipeline.empty("shop");
    p = p.withNode(at("shop-db", NodeKind.POSTGRES, 48, 160))
        .withNode(at("shop-cdc", NodeKind.DEBEZIUM, 320, 160))
        .withNode(at("orders", NodeKind.TOPIC, 592, 64))
        .withNode(at("customers", NodeKind.TOPIC, 592, 256))
        .withNode(at("search", NodeKind.ELASTICSEARCH, 864, 64))
        .withNode(at("read-model", NodeKind.JDBC_SINK, 864, 256));
    for (String[] e : new String[][] {{"shop-db", "shop-cdc"}, {"shop-cdc", "orders"}, {"shop-cdc", "customers"},
        {"orders", "search"}, {"customers", "read-model"}}) {
      p = p.withEdge(new Edge(e[0], e[1]));
    }
    return p;
  }

  /** The shop pipeline without any positions, as a hand-written or generated file would be. */
  public static Pipeline shopUnplaced() {
    Pipeline p = shop();
    return p.withNodes(p.nodes().stream().map(n -> n.withPosition(null)).toList());
  }

  public static Node at(String name, NodeKind kind, double x, double y) {
    return new Node(name, kind, new Position(x, y), Map.of());
  }

  /**
   * A legal pipeline of about {@code nodes} nodes with 1.5 edges per node, without positions:
   * groups of database -> capture -> topics -> (transform) -> sinks, with sinks reading two topics.
   */
  public static Pipeline generated(int nodes, long seed) {
    Random rnd = new Random(seed);
    List<Node> ns = new ArrayList<>();
    List<Edge> es = new ArrayList<>();
    NodeKind[] sources = {NodeKind.POSTGRES, NodeKind.MYSQL, NodeKind.SQLSERVER, NodeKind.MONGODB};
    NodeKind[] sinks = {NodeKind.ELASTICSEARCH, NodeKind.JDBC_SINK, NodeKind.CLICKHOUSE, NodeKind.REDIS, NodeKind.LAKE};
    List<String> topics = new ArrayList<>();
    int g = 0;
    while (ns.size() < nodes) {
      String db = "db-" + g;
      String cdc = "cdc-" + g;
      ns.add(Node.of(db, sources[g % sources.length]));
      ns.add(Node.of(cdc, NodeKind.DEBEZIUM));
      es.add(new Edge(db, cdc));
      for (int t = 0; t < 3 && ns.size() < nodes; t++) {
        String topic = "topic-" + g + "-" + t;
        ns.add(Node.of(topic, NodeKind.TOPIC));
        es.add(new Edge(cdc, topic));
        topics.add(topic);
      }
      for (int s = 0; s < 3 && ns.size() < nodes; s++) {
        String sink = "sink-" + g + "-" + s;
        ns.add(Node.of(sink, sinks[rnd.nextInt(sinks.length)]));
        es.add(new Edge(topics.get(topics.size() - 1 - rnd.nextInt(Math.min(3, topics.size()))), sink));
        // A second input from any topic so far: fan-in, and crossings for the layout to reduce.
        String other = topics.get(rnd.nextInt(topics.size()));
        if (!other.equals(es.get(es.size() - 1).from())) {
          es.add(new Edge(other, sink));
        }
      }
      if (ns.size() < nodes && g % 2 == 0) {
        String tf = "unwrap-" + g;
        ns.add(Node.of(tf, NodeKind.EXTRACT_NEW_RECORD_STATE));
        es.add(new Edge(topics.get(topics.size() - 1), tf));
        es.add(new Edge(tf, "sink-" + g + "-0"));
      }
      g++;
    }
    java.util.Set<String> names = new java.util.HashSet<>(ns.stream().map(Node::name).toList());
    es.removeIf(e -> !names.contains(e.from()) || !names.contains(e.to()));
    // Top up with extra topic -> sink fan-in until there are 1.5 edges per node.
    java.util.Set<Edge> present = new java.util.HashSet<>(es);
    List<String> sinkNames = ns.stream().filter(n -> n.kind().isSink()).map(Node::name).toList();
    int target = (int) Math.round(ns.size() * 1.5);
    for (int tries = 0; es.size() < target && !sinkNames.isEmpty() && tries < target * 10; tries++) {
      int si = rnd.nextInt(sinkNames.size());
      // Mostly nearby topics, as real pipelines group by domain.
      int ti = Math.max(0, Math.min(topics.size() - 1, si * topics.size() / sinkNames.size() + rnd.nextInt(9) - 4));
      Edge e = new Edge(topics.get(ti), sinkNames.get(si));
      if (names.contains(e.from()) && present.add(e)) {
        es.add(e);
      }
    }
    return Pipeline.empty("generated-" + nodes).withNodes(ns).withEdges(es);
  }
}
