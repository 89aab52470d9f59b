package dev.pipewright.model.lint;

import dev.pipewright.model.Cluster;
import dev.pipewright.model.Converter;
import dev.pipewright.model.Credentials;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Environment;
import dev.pipewright.model.KafkaSecurity;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.Slo;
import dev.pipewright.model.SloKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small pipelines for the lint tests, and one well-designed production pipeline. */
final class TestPipelines {
  private TestPipelines() {}

  static final Cluster PROD_CLUSTER = new Cluster("prod",
      "kafka-1.internal:9093,kafka-2.internal:9093,kafka-3.internal:9093",
      new KafkaSecurity("SASL_SSL", "SCRAM-SHA-512", new Credentials("svc-pipewright", "${env:KAFKA_PASSWORD}"),
          "/etc/kafka/truststore.pem"),
      "https://connect.internal:8083", new Credentials("admin", "${env:CONNECT_PASSWORD}"),
      "https://schema-registry.internal:8081");

  /** A fluent way to draw a pipeline in a test. */
  static final class Builder {
    private Pipeline p;

    Builder(Environment env) {
      p = new Pipeline("test", "", env, Converter.JSON_SCHEMAS,
          List.of(env == Environment.LOCAL ? Cluster.local("local") : PROD_CLUSTER),
          List.of(), List.of(), List.of());
    }

    /** Adds a node with properties given as key, value, key, value, ... */
    Builder node(String name, NodeKind kind, String... kv) {
      Map<String, String> props = new LinkedHashMap<>();
      for (int i = 0; i < kv.length; i += 2) {
        props.put(kv[i], kv[i + 1]);
      }
      p = p.withNodes(append(p.nodes(), new Node(name, kind, null, props)));
      return this;
    }

    /** Edges along a path: a -> b -> c. */
    Builder flow(String... names) {
      for (int i = 0; i + 1 < names.length; i++) {
        p = p.withEdges(append(p.edges(), new Edge(names[i], names[i + 1])));
      }
      return this;
    }

    Builder converter(Converter c) {
      p = p.withConverter(c);
      return this;
    }

    Builder clusters(Cluster... c) {
      p = p.withClusters(List.of(c));
      return this;
    }

    Builder slo(String name, SloKind kind, String target, double threshold, int percentile, double objective) {
      p = p.withSlos(append(p.slos(), new Slo(name, kind, target, threshold, percentile, objective,
          Duration.ofDays(30))));
      return this;
    }

    Pipeline build() {
      return p;
    }

    private static <T> List<T> append(List<T> list, T item) {
      List<T> copy = new ArrayList<>(list);
      copy.add(item);
      return copy;
    }
  }

  static Builder production() {
    return new Builder(Environment.PRODUCTION);
  }

  static Builder local() {
    return new Builder(Environment.LOCAL);
  }

  /** A sound PostgreSQL source, for tests that only care what comes after it. */
  static Builder withPostgres(Builder b, String db) {
    return b.node(db, NodeKind.POSTGRES, "host", "db.internal", "database", "shop", "user", "debezium",
        "password", "${env:SHOP_DB_PASSWORD}", "sslmode", "verify-full");
  }

  /**
   * Capture properties that satisfy every capture rule on PostgreSQL, overridden by {@code extra}
   * (key, value, ...; a null value removes the key).
   */
  static String[] pgCapture(String... extra) {
    Map<String, String> kv = new LinkedHashMap<>();
    kv.put("topic.prefix", "shop");
    kv.put("slot.name", "shop_cdc");
    kv.put("table.include.list", "public.orders,public.customers,public.debezium_heartbeat");
    kv.put("heartbeat.interval.ms", "10000");
    kv.put("heartbeat.action.query",
        "INSERT INTO debezium_heartbeat (id, ts) VALUES (1, now()) ON CONFLICT (id) DO UPDATE SET ts = now()");
    for (int i = 0; i < extra.length; i += 2) {
      if (extra[i + 1] == null) {
        kv.remove(extra[i]);
      } else {
        kv.put(extra[i], extra[i + 1]);
      }
    }
    List<String> flat = new ArrayList<>();
    kv.forEach((k, v) -> {
      flat.add(k);
      flat.add(v);
    });
    return flat.toArray(String[]::new);
  }

  static final String[] SOUND_TOPIC = {"partitions", "6", "replication.factor", "3", "min.insync.replicas", "2"};

  static String[] sink(String dlq, String... extra) {
    List<String> kv = new ArrayList<>(List.of("errors.tolerance", "all", "errors.deadletterqueue.topic.name", dlq,
        "errors.deadletterqueue.context.headers.enable", "true"));
    kv.addAll(List.of(extra));
    return kv.toArray(String[]::new);
  }

  /**
   * What a careful architect would draw: orders from PostgreSQL to a search index and a read
   * model, inventory from MySQL to an Iceberg lake, the orders service writing only its database,
   * secrets as references, replicated topics, dead-letter topics, heartbeats and SLOs.
   */
  static Pipeline wellDesigned() {
    Builder b = production().converter(Converter.AVRO);
    b.node("orders-service", NodeKind.APPLICATION, "team", "checkout");
    withPostgres(b, "shop-db");
    b.node("shop-cdc", NodeKind.DEBEZIUM, pgCapture());
    b.node("shop.public.orders", NodeKind.TOPIC, SOUND_TOPIC);
    b.node("shop.public.customers", NodeKind.TOPIC, SOUND_TOPIC);
    b.node("unwrap", NodeKind.EXTRACT_NEW_RECORD_STATE, "delete.tombstone.handling.mode", "rewrite-with-tombstone");
    b.node("orders-search", NodeKind.ELASTICSEARCH, sink("dlq.orders-search",
        "connection.url", "https://search.internal:9200", "connection.username", "pipewright",
        "connection.password", "${env:SEARCH_PASSWORD}", "tasks.max", "3"));
    b.node("read-model", NodeKind.JDBC_SINK, sink("dlq.read-model",
        "connection.url", "jdbc:postgresql://readmodel.internal:5432/readmodel",
        "connection.username", "pipewright", "connection.password", "${env:READMODEL_PASSWORD}"));
    b.node("inventory-db", NodeKind.MYSQL, "host", "mysql.internal", "database", "inventory", "user", "debezium",
        "password", "${file:/etc/pipewright/secrets.properties:inventory.password}");
    b.node("inventory-cdc", NodeKind.DEBEZIUM, "topic.prefix", "inventory", "database.server.id", "184054",
        "table.include.list", "inventory.products", "schema.history.internal.kafka.topic",
        "schema-history.inventory");
    b.node("schema-history.inventory", NodeKind.TOPIC, "role", "schema-history", "partitions", "1",
        "replication.factor", "3", "min.insync.replicas", "2", "retention.ms", "-1", "cleanup.policy", "delete");
    b.node("inventory.inventory.products", NodeKind.TOPIC, SOUND_TOPIC);
    b.node("lake", NodeKind.LAKE, sink("dlq.lake", "s3.bucket.name", "acme-lake", "format", "iceberg",
        "aws.access.key.id", "AKIAEXAMPLEKEY", "aws.secret.access.key", "${env:AWS_SECRET_ACCESS_KEY}",
        "iceberg.catalog.uri", "https://catalog.internal:8181", "iceberg.tables", "bronze.products"));
    b.flow("orders-service", "shop-db", "shop-cdc", "shop.public.orders", "unwrap", "orders-search");
    b.flow("shop-cdc", "shop.public.customers", "read-model");
    b.flow("shop.public.orders", "read-model");
    b.flow("inventory-db", "inventory-cdc", "inventory.inventory.products", "lake");
    b.flow("inventory-cdc", "schema-history.inventory");
    b.slo("search-fresh", SloKind.FRESHNESS, "orders-search", 5, 99, 0.999);
    b.slo("wal-guard", SloKind.SLOT_WAL_BYTES, "shop-cdc", 5e9, 0, 0.999);
    b.slo("cdc-up", SloKind.CONNECTOR_RUNNING, "inventory-cdc", 0, 0, 0.999);
    return b.build();
  }
}
