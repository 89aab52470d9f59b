package dev.pipewright.model.connect;

import dev.pipewright.model.Category;
import dev.pipewright.model.Cluster;
import dev.pipewright.model.Converter;
import dev.pipewright.model.Environment;
import dev.pipewright.model.KafkaSecurity;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.PropertySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The one function that turns a capture or sink node into Kafka Connect connector properties.
 * The exporters (Connect JSON, Terraform, Strimzi, Debezium Server) and the local trial all use
 * it, so what the trial runs is what a team deploys. Transform nodes between a capture and its
 * topics become SMTs on the source connector; transform nodes between topics and a sink become
 * SMTs on the sink. Pure: no I/O, no Kafka classes, same input gives the same output.
 */
public final class ConnectorConfigs {

  /** The Debezium release line the exported connectors and the trial were checked against. */
  public static final String DEBEZIUM_LINE = "3.6";

  /** Bootstrap servers used when a cluster has none (the local trial's embedded broker). */
  public static final String LOCAL_BOOTSTRAP = "localhost:9092";

  private static final String JSON_CONVERTER = "org.apache.kafka.connect.json.JsonConverter";
  private static final String STRING_CONVERTER = "org.apache.kafka.connect.storage.StringConverter";

  private ConnectorConfigs() {}

  /**
   * One config per capture node and per sink node, captures first, each group in node order.
   * Names are unique: a node whose derived name clashes with an earlier one gets {@code -2}, …
   */
  public static List<ConnectorConfig> forPipeline(Pipeline p) {
    List<ConnectorConfig> out = new ArrayList<>();
    Map<String, String> names = connectorNames(p);
    for (Node n : connectorNodes(p)) {
      out.add(build(p, n, names.get(n.name())));
    }
    return out;
  }

  /**
   * The config of one capture or sink node; throws {@link IllegalArgumentException} for other
   * kinds. A sink no topic feeds gets a config without {@code topics}; {@link #forPipeline} leaves
   * such sinks out (see {@link #isConnectorNode}).
   */
  public static ConnectorConfig forNode(Pipeline p, Node n) {
    if (n.kind() != NodeKind.DEBEZIUM && !n.kind().isSink()) {
      throw new IllegalArgumentException("'" + n.name() + "' is a " + n.kind().label()
          + "; only captures and sinks become connectors.");
    }
    String name = connectorNames(p).get(n.name());
    return build(p, n, name == null ? slug(n.name()) : name);
  }

  /**
   * True for the nodes that become connectors: Debezium captures, and sinks fed by at least one
   * topic. A store only applications write to (a dual write) has no connector.
   */
  public static boolean isConnectorNode(Pipeline p, Node n) {
    return n.kind() == NodeKind.DEBEZIUM || (n.kind().isSink() && !upstreamTopics(p, n).isEmpty());
  }

  /** Node name to connector name, for every capture and sink of the pipeline. */
  public static Map<String, String> connectorNames(Pipeline p) {
    Map<String, String> names = new HashMap<>();
    Set<String> used = new TreeSet<>();
    for (Node n : connectorNodes(p)) {
      String base = slug(n.name());
      String candidate = base;
      for (int i = 2; used.contains(candidate); i++) {
        candidate = base + "-" + i;
      }
      used.add(candidate);
      names.put(n.name(), candidate);
    }
    return names;
  }

  /**
   * Every topic node as a topic to create, in node order. Settings not given fall back to the
   * kind's defaults; for a {@link Environment#LOCAL} pipeline the replication defaults drop to
   * 1 (one embedded broker), and schema-history topics default to one partition kept forever,
   * as Debezium requires.
   */
  public static List<TopicSpec> topics(Pipeline p) {
    List<TopicSpec> out = new ArrayList<>();
    boolean local = p.environment() == Environment.LOCAL;
    for (Node t : p.nodesOf(NodeKind.TOPIC)) {
      String role = t.property("role").orElse("data");
      boolean history = role.equals("schema-history");
      int partitions = (int) (t.isSet("partitions") || !history ? t.intProperty("partitions", 1) : 1);
      int rf = (int) (t.isSet("replication.factor") || !local ? t.intProperty("replication.factor", 1) : 1);
      Map<String, String> configs = new TreeMap<>();
      String minIsr = t.property("min.insync.replicas").orElse(null);
      if (!t.isSet("min.insync.replicas") && minIsr != null && Long.parseLong(minIsr) > rf) {
        minIsr = Integer.toString(Math.max(1, rf - 1)); // never above the replicas there are
      }
      putIfPresent(configs, "min.insync.replicas", minIsr);
      String retention = t.isSet("retention.ms") || !history ? t.property("retention.ms").orElse(null) : "-1";
      putIfPresent(configs, "retention.ms", retention);
      if (history && !t.isSet("retention.bytes")) {
        configs.put("retention.bytes", "-1");
      }
      putIfPresent(configs, "cleanup.policy", t.property("cleanup.policy").orElse(null));
      passThrough(t, configs, Set.of());
      out.add(new TopicSpec(topicName(t), partitions, rf, configs));
    }
    return out;
  }

  /** The Kafka topic name of a topic node: its {@code topic} property, else the node name. */
  public static String topicName(Node topic) {
    return topic.property("topic").filter(s -> !s.isBlank()).orElse(topic.name());
  }

  /** A connector name from a node name: lower case letters, digits, '.' and '-' (DNS-1123 safe). */
  public static String slug(String nodeName) {
    String s = nodeName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-")
        .replaceAll("-{2,}", "-").replaceAll("^[.-]+|[.-]+$", "");
    return s.isEmpty() ? "connector" : s;
  }

  // ---- building -----------------------------------------------------------------------------

  private static List<Node> connectorNodes(Pipeline p) {
    List<Node> nodes = new ArrayList<>(p.nodesOf(NodeKind.DEBEZIUM));
    nodes.addAll(p.nodesIn(Category.SINK).stream().filter(n -> isConnectorNode(p, n)).toList());
    return nodes;
  }

  private static ConnectorConfig build(Pipeline p, Node n, String name) {
    Builder b = new Builder();
    String plugin;
    String cls;
    if (n.kind() == NodeKind.DEBEZIUM) {
      Optional<Node> source = p.upstream(n.name()).stream().filter(u -> u.kind().isSource()).findFirst();
      NodeKind sourceKind = source.map(Node::kind).orElse(NodeKind.POSTGRES);
      cls = captureClass(sourceKind);
      plugin = "debezium-connector-" + sourceKind.id() + " " + DEBEZIUM_LINE;
      b.put("connector.class", cls);
      capture(p, n, source, sourceKind, b);
      converters(p, effectiveConverter(p, n), b);
      transforms(p, downstreamTransforms(p, n), b);
    } else {
      cls = sinkClass(n);
      plugin = sinkPlugin(n);
      b.put("connector.class", cls);
      List<String> topics = upstreamTopics(p, n).stream().map(ConnectorConfigs::topicName).toList();
      if (!topics.isEmpty()) {
        b.put("topics", String.join(",", topics));
      }
      b.put("tasks.max", n.property("tasks.max").orElse("1"));
      sink(p, n, b);
      if (n.kind() == NodeKind.JSONL_FILE) {
        // The file receives the JSON text exactly as it is on the topic, one event per line.
        b.put("key.converter", STRING_CONVERTER);
        b.put("value.converter", STRING_CONVERTER);
      } else {
        converters(p, sinkConverter(p, n), b);
      }
      transforms(p, upstreamTransforms(p, n), b);
      errors(p, n, b);
    }
    return new ConnectorConfig(name, cls, b.config, b.secrets, plugin);
  }

  private static String captureClass(NodeKind source) {
    return switch (source) {
      case MYSQL -> "io.debezium.connector.mysql.MySqlConnector";
      case MARIADB -> "io.debezium.connector.mariadb.MariaDbConnector";
      case SQLSERVER -> "io.debezium.connector.sqlserver.SqlServerConnector";
      case MONGODB -> "io.debezium.connector.mongodb.MongoDbConnector";
      default -> "io.debezium.connector.postgresql.PostgresConnector";
    };
  }

  /** The connector class of a sink node (lake nodes by their {@code format}). */
  public static String sinkClass(Node n) {
    return switch (n.kind()) {
      case JDBC_SINK -> "io.debezium.connector.jdbc.JdbcSinkConnector";
      case ELASTICSEARCH -> "io.confluent.connect.elasticsearch.ElasticsearchSinkConnector";
      case OPENSEARCH -> "io.aiven.kafka.connect.opensearch.OpensearchSinkConnector";
      case CLICKHOUSE -> "com.clickhouse.kafka.connect.ClickHouseSinkConnector";
      case REDIS -> "com.redis.kafka.connect.RedisSinkConnector";
      case LAKE -> isIceberg(n) ? "org.apache.iceberg.connect.IcebergSinkConnector"
          : "io.confluent.connect.s3.S3SinkConnector";
      case JSONL_FILE -> "org.apache.kafka.connect.file.FileStreamSinkConnector";
      default -> throw new IllegalArgumentException(n.kind().id() + " is not a sink");
    };
  }

  private static String sinkPlugin(Node n) {
    return switch (n.kind()) {
      case JDBC_SINK -> "debezium-connector-jdbc " + DEBEZIUM_LINE;
      case ELASTICSEARCH -> "confluentinc-kafka-connect-elasticsearch 14.1";
      case OPENSEARCH -> "opensearch-connector-for-apache-kafka 3.1";
      case CLICKHOUSE -> "clickhouse-kafka-connect 1.2";
      case REDIS -> "redis-kafka-connect 0.9";
      case LAKE -> isIceberg(n) ? "iceberg-kafka-connect 1.9" : "confluentinc-kafka-connect-s3 10.5";
      case JSONL_FILE -> "connect-file (ships with Apache Kafka, libs/connect-file-*.jar)";
      default -> "";
    };
  }

  private static boolean isIceberg(Node n) {
    return n.property("format").orElse("iceberg").equals("iceberg");
  }

  // ---- capture ------------------------------------------------------------------------------

  private static void capture(Pipeline p, Node capture, Optional<Node> source, NodeKind sourceKind, Builder b) {
    source.ifPresent(s -> database(s, b));
    String sourceId = sourceKind.id();
    boolean mongo = sourceKind == NodeKind.MONGODB;
    for (PropertySpec spec : NodeKind.DEBEZIUM.properties()) {
      String key = spec.key();
      if (key.equals("converter") || !spec.appliesTo(sourceId)) {
        continue;
      }
      if (mongo && key.equals("decimal.handling.mode")) {
        continue;
      }
      String target = mongo ? mongoKey(key) : key;
      capture.property(key).ifPresent(v -> b.put(target, v));
    }
    String prefix = capture.property("topic.prefix").orElse(slug(capture.name()));
    b.put("topic.prefix", prefix);
    String includeKey = mongo ? "collection.include.list" : "table.include.list";
    if (!capture.isSet("table.include.list")) {
      derivedIncludeList(p, capture, prefix, sourceKind).ifPresent(v -> b.put(includeKey, v));
    }
    if (sourceKind == NodeKind.MYSQL || sourceKind == NodeKind.MARIADB) {
      if (!capture.isSet("database.server.id")) {
        // Debezium requires a numeric id unique among the replicas; derive a stable one from the name.
        b.put("database.server.id", Integer.toString(5400 + Math.floorMod(capture.name().hashCode(), 10_000)));
      }
    }
    if (sourceKind == NodeKind.MYSQL || sourceKind == NodeKind.MARIADB || sourceKind == NodeKind.SQLSERVER) {
      schemaHistory(p, capture, prefix, b);
    }
    for (Node t : downstreamTopics(p, capture)) {
      String name = topicName(t);
      if (t.property("role").orElse("data").equals("heartbeat") && name.endsWith("." + prefix)) {
        b.put("topic.heartbeat.prefix", name.substring(0, name.length() - prefix.length() - 1));
      }
    }
    passThrough(capture, b.config, Set.of("converter"));
  }

  private static String mongoKey(String key) {
    return switch (key) {
      case "table.include.list" -> "collection.include.list";
      case "table.exclude.list" -> "collection.exclude.list";
      case "column.exclude.list" -> "field.exclude.list";
      default -> key;
    };
  }

  private static void database(Node s, Builder b) {
    switch (s.kind()) {
      case MONGODB -> {
        s.property("connection.string").ifPresent(v -> b.secret("mongodb.connection.string", v));
        s.property("database").ifPresent(v -> b.put("database.include.list", v));
        passThrough(s, b.config, Set.of());
        return;
      }
      default -> {
        s.property("host").ifPresent(v -> b.put("database.hostname", v));
        s.property("port").ifPresent(v -> b.put("database.port", v));
        s.property("user").ifPresent(v -> b.put("database.user", v));
        s.property("password").ifPresent(v -> b.secret("database.password", v));
      }
    }
    switch (s.kind()) {
      case POSTGRES -> {
        s.property("database").ifPresent(v -> b.put("database.dbname", v));
        s.property("sslmode").ifPresent(v -> b.put("database.sslmode", v));
      }
      case SQLSERVER -> s.property("database").ifPresent(v -> b.put("database.names", v));
      default -> s.property("database").ifPresent(v -> b.put("database.include.list", v));
    }
    passThrough(s, b.config, Set.of());
  }

  /**
   * When the capture names no tables, the topics drawn straight after it say which: a topic
   * {@code <prefix>.public.orders} means table {@code public.orders}.
   */
  private static Optional<String> derivedIncludeList(Pipeline p, Node capture, String prefix, NodeKind source) {
    List<Node> direct = p.downstream(capture.name());
    if (direct.stream().anyMatch(d -> d.kind().category() == Category.TRANSFORM)) {
      return Optional.empty();
    }
    Set<String> tables = new LinkedHashSet<>();
    for (Node d : direct) {
      if (d.kind() != NodeKind.TOPIC || !d.property("role").orElse("data").equals("data")) {
        continue;
      }
      String name = topicName(d);
      if (!name.startsWith(prefix + ".")) {
        return Optional.empty();
      }
      String rest = name.substring(prefix.length() + 1);
      if (source == NodeKind.SQLSERVER && rest.indexOf('.') > 0) {
        rest = rest.substring(rest.indexOf('.') + 1); // <prefix>.<db>.<schema>.<table>
      }
      tables.add(rest);
    }
    return tables.isEmpty() ? Optional.empty() : Optional.of(String.join(",", tables));
  }

  private static void schemaHistory(Pipeline p, Node capture, String prefix, Builder b) {
    String topic = capture.property("schema.history.internal.kafka.topic").orElseGet(() ->
        downstreamTopics(p, capture).stream()
            .filter(t -> t.property("role").orElse("data").equals("schema-history"))
            .map(ConnectorConfigs::topicName).findFirst()
            .orElse("schema-history." + prefix));
    b.put("schema.history.internal.kafka.topic", topic);
    Cluster c = p.cluster();
    b.put("schema.history.internal.kafka.bootstrap.servers", c.embedded() ? LOCAL_BOOTSTRAP : c.bootstrapServers());
    Map<String, String> client = KafkaClientSecurity.withReference(c.security());
    for (String side : List.of("producer", "consumer")) {
      String pre = "schema.history.internal." + side + ".";
      client.forEach((k, v) -> {
        if (k.equals("sasl.jaas.config")) {
          b.secret(pre + k, v);
        } else {
          b.put(pre + k, v);
        }
      });
    }
  }

  // ---- sinks --------------------------------------------------------------------------------

  private static void sink(Pipeline p, Node n, Builder b) {
    switch (n.kind()) {
      case JDBC_SINK -> {
        copy(n, b, "connection.url", "connection.username", "insert.mode", "primary.key.mode",
            "primary.key.fields", "delete.enabled", "schema.evolution", "collection.name.format", "batch.size",
            "use.reduction.buffer");
        n.property("connection.password").ifPresent(v -> b.secret("connection.password", v));
      }
      case ELASTICSEARCH -> {
        copy(n, b, "connection.url", "connection.username", "key.ignore", "schema.ignore");
        n.property("connection.password").ifPresent(v -> b.secret("connection.password", v));
        n.property("behavior.on.null.values").ifPresent(v -> b.put("behavior.on.null.values", v.toUpperCase(Locale.ROOT)));
        n.property("write.method").ifPresent(v -> b.put("write.method", v.toUpperCase(Locale.ROOT)));
      }
      case OPENSEARCH -> {
        copy(n, b, "connection.url", "connection.username", "key.ignore", "schema.ignore", "behavior.on.null.values");
        n.property("connection.password").ifPresent(v -> b.secret("connection.password", v));
        n.property("write.method").ifPresent(v -> b.put("index.write.method", v));
      }
      case CLICKHOUSE -> {
        copy(n, b, "hostname", "port", "database", "username", "ssl", "exactlyOnce", "topic2TableMap");
        n.property("password").ifPresent(v -> b.secret("password", v));
      }
      case REDIS -> {
        copy(n, b, "redis.uri", "redis.command");
        n.property("redis.password").ifPresent(v -> b.secret("redis.password", v));
        n.property("redis.keyspace").ifPresent(v -> b.put("redis.key", v));
        n.property("redis.key.separator").ifPresent(v -> b.put("redis.separator", v));
      }
      case LAKE -> lake(n, b);
      case JSONL_FILE -> n.property("path").ifPresent(v -> b.put("file", v));
      default -> throw new IllegalArgumentException(n.kind().id());
    }
    passThrough(n, b.config, Set.of("converter"));
  }

  private static void lake(Node n, Builder b) {
    String format = n.property("format").orElse("iceberg");
    String layer = n.property("layer").orElse("bronze");
    String bucket = n.property("s3.bucket.name").orElse("");
    if (format.equals("iceberg")) {
      n.property("iceberg.tables").ifPresent(v -> b.put("iceberg.tables", v));
      b.put("iceberg.tables.auto-create-enabled", "true");
      b.put("iceberg.catalog.type", "rest");
      n.property("iceberg.catalog.uri").ifPresent(v -> b.put("iceberg.catalog.uri", v));
      b.put("iceberg.catalog.warehouse", "s3://" + bucket + "/" + layer);
      b.put("iceberg.catalog.io-impl", "org.apache.iceberg.aws.s3.S3FileIO");
      n.property("s3.region").ifPresent(v -> b.put("iceberg.catalog.client.region", v));
      n.property("aws.access.key.id").ifPresent(v -> b.put("iceberg.catalog.s3.access-key-id", v));
      n.property("aws.secret.access.key").ifPresent(v -> b.secret("iceberg.catalog.s3.secret-access-key", v));
    } else {
      b.put("storage.class", "io.confluent.connect.s3.storage.S3Storage");
      b.put("format.class", format.equals("s3-parquet")
          ? "io.confluent.connect.s3.format.parquet.ParquetFormat"
          : "io.confluent.connect.s3.format.json.JsonFormat");
      b.put("s3.bucket.name", bucket);
      n.property("s3.region").ifPresent(v -> b.put("s3.region", v));
      b.put("topics.dir", layer);
      n.property("flush.size").ifPresent(v -> b.put("flush.size", v));
      n.property("aws.access.key.id").ifPresent(v -> b.put("aws.access.key.id", v));
      n.property("aws.secret.access.key").ifPresent(v -> b.secret("aws.secret.access.key", v));
    }
  }

  private static void errors(Pipeline p, Node n, Builder b) {
    n.property("errors.tolerance").ifPresent(tolerance -> {
      b.put("errors.tolerance", tolerance);
      if (tolerance.equals("all")) {
        b.put("errors.log.enable", "true");
      }
    });
    n.property("errors.deadletterqueue.topic.name").filter(s -> !s.isBlank()).ifPresent(dlq -> {
      b.put("errors.deadletterqueue.topic.name", dlq);
      b.put("errors.deadletterqueue.context.headers.enable", "true");
      // Connect creates the DLQ topic with replication 3 unless told; match the drawn topic instead.
      int rf = topics(p).stream().filter(t -> t.name().equals(dlq)).map(TopicSpec::replicationFactor)
          .findFirst().orElse(p.environment() == Environment.LOCAL ? 1 : 3);
      b.put("errors.deadletterqueue.topic.replication.factor", Integer.toString(rf));
    });
  }

  // ---- converters and transforms -------------------------------------------------------------

  private static Converter effectiveConverter(Pipeline p, Node n) {
    return n.property("converter").flatMap(Converter::fromYaml).orElse(p.converter());
  }

  /** A sink reads what the capture upstream of its topics wrote; otherwise the pipeline's converter. */
  private static Converter sinkConverter(Pipeline p, Node sink) {
    if (sink.isSet("converter")) {
      return effectiveConverter(p, sink);
    }
    for (Node t : upstreamTopics(p, sink)) {
      Optional<Node> capture = captureOf(p, t, new TreeSet<>());
      if (capture.isPresent()) {
        return effectiveConverter(p, capture.get());
      }
    }
    return p.converter();
  }

  private static Optional<Node> captureOf(Pipeline p, Node n, Set<String> seen) {
    if (!seen.add(n.name())) {
      return Optional.empty();
    }
    for (Node u : p.upstream(n.name())) {
      if (u.kind() == NodeKind.DEBEZIUM) {
        return Optional.of(u);
      }
      if (u.kind().category() == Category.TRANSFORM) {
        Optional<Node> c = captureOf(p, u, seen);
        if (c.isPresent()) {
          return c;
        }
      }
    }
    return Optional.empty();
  }

  private static void converters(Pipeline p, Converter c, Builder b) {
    for (String side : List.of("key", "value")) {
      b.put(side + ".converter", c.className());
      if (c.className().equals(JSON_CONVERTER)) {
        b.put(side + ".converter.schemas.enable", Boolean.toString(c == Converter.JSON_SCHEMAS));
      }
      if (c.needsSchemaRegistry() && p.cluster().schemaRegistryUrl() != null) {
        b.put(side + ".converter.schema.registry.url", p.cluster().schemaRegistryUrl());
      }
    }
  }

  private static void transforms(Pipeline p, List<Node> chain, Builder b) {
    if (chain.isEmpty()) {
      return;
    }
    List<String> aliases = new ArrayList<>();
    boolean guardTombstones = false;
    for (Node t : chain) {
      String alias = t.name().replaceAll("[^A-Za-z0-9_-]+", "_");
      aliases.add(alias);
      String pre = "transforms." + alias + ".";
      b.put(pre + "type", transformClass(t.kind()));
      if (t.kind() == NodeKind.MASK_FIELD && !t.properties().containsKey("predicate")) {
        // Kafka's MaskField throws on a tombstone (null value), and a CDC stream carries one after
        // every delete: unguarded, the connector stops at the first delete.
        b.put(pre + "predicate", TOMBSTONE_PREDICATE);
        b.put(pre + "negate", "true");
        guardTombstones = true;
      }
      for (PropertySpec spec : t.kind().properties()) {
        t.property(spec.key()).ifPresent(v -> b.put(pre + spec.key(), v));
      }
      for (Map.Entry<String, String> e : t.properties().entrySet()) {
        if (t.kind().property(e.getKey()).isEmpty()) {
          b.put(pre + e.getKey(), e.getValue());
        }
      }
    }
    b.put("transforms", String.join(",", aliases));
    if (guardTombstones) {
      String declared = b.config.get("predicates");
      b.put("predicates", declared == null || declared.isBlank() ? TOMBSTONE_PREDICATE
          : Arrays.asList(declared.split("\\s*,\\s*")).contains(TOMBSTONE_PREDICATE) ? declared
          : declared + "," + TOMBSTONE_PREDICATE);
      b.put("predicates." + TOMBSTONE_PREDICATE + ".type", "org.apache.kafka.connect.transforms.predicates.RecordIsTombstone");
    }
  }

  /** The predicate that lets tombstones pass a transform which cannot handle them (see {@link #transforms}). */
  static final String TOMBSTONE_PREDICATE = "isTombstone";

  /** The SMT class of a transform node kind. */
  public static String transformClass(NodeKind kind) {
    return switch (kind) {
      case EXTRACT_NEW_RECORD_STATE -> "io.debezium.transforms.ExtractNewRecordState";
      case OUTBOX_EVENT_ROUTER -> "io.debezium.transforms.outbox.EventRouter";
      case FILTER -> "io.debezium.transforms.Filter";
      case TOPIC_REROUTE -> "io.debezium.transforms.ByLogicalTableRouter";
      case MASK_FIELD -> "org.apache.kafka.connect.transforms.MaskField$Value";
      default -> throw new IllegalArgumentException(kind.id() + " is not a transform");
    };
  }

  // ---- graph walks --------------------------------------------------------------------------

  /** Transforms from a capture towards its topics, in flow order. */
  private static List<Node> downstreamTransforms(Pipeline p, Node from) {
    LinkedHashSet<Node> out = new LinkedHashSet<>();
    walkDown(p, from, out, new LinkedHashSet<>(), new TreeSet<>());
    return List.copyOf(out);
  }

  private static List<Node> downstreamTopics(Pipeline p, Node from) {
    LinkedHashSet<Node> topics = new LinkedHashSet<>();
    walkDown(p, from, new LinkedHashSet<>(), topics, new TreeSet<>());
    return List.copyOf(topics);
  }

  private static void walkDown(Pipeline p, Node n, Set<Node> transforms, Set<Node> topics, Set<String> seen) {
    if (!seen.add(n.name())) {
      return;
    }
    for (Node d : p.downstream(n.name())) {
      if (d.kind() == NodeKind.TOPIC) {
        topics.add(d);
      } else if (d.kind().category() == Category.TRANSFORM) {
        transforms.add(d);
        walkDown(p, d, transforms, topics, seen);
      }
    }
  }

  /** Transforms between a sink's topics and the sink, in flow order (nearest the topic first). */
  private static List<Node> upstreamTransforms(Pipeline p, Node sink) {
    LinkedHashSet<Node> out = new LinkedHashSet<>();
    walkUp(p, sink, out, new LinkedHashSet<>(), new TreeSet<>());
    return List.copyOf(out);
  }

  /** The topic nodes a sink reads, directly or through transforms, in edge order. */
  public static List<Node> upstreamTopics(Pipeline p, Node sink) {
    LinkedHashSet<Node> topics = new LinkedHashSet<>();
    walkUp(p, sink, new LinkedHashSet<>(), topics, new TreeSet<>());
    return List.copyOf(topics);
  }

  private static void walkUp(Pipeline p, Node n, Set<Node> transforms, Set<Node> topics, Set<String> seen) {
    if (!seen.add(n.name())) {
      return;
    }
    for (Node u : p.upstream(n.name())) {
      if (u.kind() == NodeKind.TOPIC) {
        topics.add(u);
      } else if (u.kind().category() == Category.TRANSFORM) {
        walkUp(p, u, transforms, topics, seen);
        transforms.add(u);
      }
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static void copy(Node n, Builder b, String... keys) {
    for (String k : keys) {
      n.property(k).filter(v -> !v.isBlank()).ifPresent(v -> b.put(k, v));
    }
  }

  /** Properties not in the kind's catalogue are connector-specific overrides, passed as they are. */
  private static void passThrough(Node n, Map<String, String> into, Set<String> skip) {
    for (Map.Entry<String, String> e : n.properties().entrySet()) {
      if (n.kind().property(e.getKey()).isEmpty() && !skip.contains(e.getKey())) {
        into.put(e.getKey(), e.getValue());
      }
    }
  }

  private static void putIfPresent(Map<String, String> m, String k, String v) {
    if (v != null && !v.isBlank()) {
      m.put(k, v);
    }
  }

  private static final class Builder {
    final Map<String, String> config = new TreeMap<>();
    final Set<String> secrets = new TreeSet<>();

    void put(String k, String v) {
      config.put(k, v);
    }

    void secret(String k, String v) {
      config.put(k, v);
      secrets.add(k);
    }
  }
}
