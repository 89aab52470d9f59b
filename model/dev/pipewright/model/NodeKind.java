package dev.pipewright.model;

import static dev.pipewright.model.Group.ADVANCED;
import static dev.pipewright.model.Group.CONNECTION;
import static dev.pipewright.model.Group.FILTERS;
import static dev.pipewright.model.Group.SNAPSHOT;
import static dev.pipewright.model.PropertyType.BOOLEAN;
import static dev.pipewright.model.PropertyType.ENUM;
import static dev.pipewright.model.PropertyType.INT;
import static dev.pipewright.model.PropertyType.LIST;
import static dev.pipewright.model.PropertyType.SECRET;
import static dev.pipewright.model.PropertyType.STRING;
import static dev.pipewright.model.PropertyType.URL;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every kind of node a pipeline can hold, with its stage, its name in the pipeline file, and the
 * catalogue of its typed properties. Property keys follow the connector a team would deploy
 * (Debezium for captures, Kafka for topics, each sink's usual connector) so the file reads
 * familiar and the exporters map keys one to one.
 */
public enum NodeKind {
  // ---- sources -------------------------------------------------------------------------------
  POSTGRES("postgres", "PostgreSQL", Category.SOURCE,
      "A PostgreSQL database whose changes are captured from its write-ahead log.",
      concat(db("5432"), List.of(
          PropertySpec.of("embedded", BOOLEAN, ADVANCED).label("Embedded for local trial").def("false")
              .doc("The local trial starts an embedded PostgreSQL seeded with the demo schema instead of connecting.").build(),
          PropertySpec.of("sslmode", ENUM, CONNECTION).label("SSL mode").def("prefer")
              .choices("disable", "prefer", "require", "verify-ca", "verify-full").build()))),
  MYSQL("mysql", "MySQL", Category.SOURCE,
      "A MySQL database whose changes are captured from its binlog.", db("3306")),
  MARIADB("mariadb", "MariaDB", Category.SOURCE,
      "A MariaDB database whose changes are captured from its binlog.", db("3306")),
  SQLSERVER("sqlserver", "SQL Server", Category.SOURCE,
      "A SQL Server database with CDC enabled on the captured tables.", db("1433")),
  MONGODB("mongodb", "MongoDB", Category.SOURCE,
      "A MongoDB replica set or sharded cluster whose changes are read from change streams.",
      List.of(
          PropertySpec.of("connection.string", SECRET, CONNECTION).label("Connection string").required()
              .doc("mongodb:// URI; it usually holds credentials, so store it as a reference.").build(),
          PropertySpec.of("database", STRING, CONNECTION).label("Database").required().build())),

  // ---- capture -------------------------------------------------------------------------------
  DEBEZIUM("debezium", "Debezium capture", Category.CAPTURE,
      "A Debezium source connector reading one source database and writing change events to topics.",
      List.of(
          PropertySpec.of("topic.prefix", STRING, CONNECTION).label("Topic prefix").required()
              .doc("Logical name of the source; every topic is named <prefix>.<schema>.<table>.").build(),
          PropertySpec.of("tasks.max", INT, CONNECTION).label("Tasks").def("1").build(),
          PropertySpec.of("plugin.name", ENUM, CONNECTION).label("Logical decoding plugin").def("pgoutput")
              .choices("pgoutput", "decoderbufs").onlyFor("postgres")
              .doc("pgoutput is built into PostgreSQL 10+; decoderbufs needs an extension on the server.").build(),
          PropertySpec.of("slot.name", STRING, CONNECTION).label("Replication slot").def("debezium")
              .onlyFor("postgres").doc("One slot per connector; it holds back WAL until the connector confirms it.").build(),
          PropertySpec.of("publication.name", STRING, CONNECTION).label("Publication").def("dbz_publication")
              .onlyFor("postgres").build(),
          PropertySpec.of("publication.autocreate.mode", ENUM, CONNECTION).label("Publication auto-create")
              .def("filtered").choices("all_tables", "disabled", "filtered", "no_tables").onlyFor("postgres")
              .doc("filtered creates the publication for the included tables only.").build(),
          PropertySpec.of("database.server.id", INT, CONNECTION).label("Server id")
              .onlyFor("mysql", "mariadb").doc("A numeric id unique among the replicas of the MySQL cluster.").build(),
          PropertySpec.of("schema.history.internal.kafka.topic", STRING, CONNECTION).label("Schema history topic")
              .onlyFor("mysql", "mariadb", "sqlserver")
              .doc("Single-partition topic with infinite retention that stores the DDL history.").build(),
          PropertySpec.of("table.include.list", LIST, FILTERS).label("Tables to capture")
              .doc("Comma-separated regular expressions of schema.table names, e.g. public.orders.").build(),
          PropertySpec.of("table.exclude.list", LIST, FILTERS).label("Tables to skip").build(),
          PropertySpec.of("column.exclude.list", LIST, FILTERS).label("Columns to skip")
              .doc("schema.table.column names left out of change events (e.g. personal data).").build(),
          PropertySpec.of("snapshot.mode", ENUM, SNAPSHOT).label("Snapshot mode").def("initial")
              .choices("initial", "initial_only", "no_data", "when_needed", "always", "never").build(),
          PropertySpec.of("snapshot.fetch.size", INT, SNAPSHOT).label("Snapshot fetch size").def("10240").build(),
          PropertySpec.of("heartbeat.interval.ms", INT, ADVANCED).label("Heartbeat interval (ms)").def("0")
              .doc("0 disables heartbeats; on quiet tables the slot then holds WAL back indefinitely.").build(),
          PropertySpec.of("heartbeat.action.query", STRING, ADVANCED).label("Heartbeat action query")
              .onlyFor("postgres").doc("A write run on each heartbeat so the slot advances even if captured tables are idle.").build(),
          PropertySpec.of("converter", ENUM, ADVANCED).label("Converter")
              .choices("json", "json-schemas", "avro", "protobuf")
              .doc("Overrides the pipeline's converter for this connector.").build(),
          PropertySpec.of("tombstones.on.delete", BOOLEAN, ADVANCED).label("Tombstones on delete").def("true").build(),
          PropertySpec.of("decimal.handling.mode", ENUM, ADVANCED).label("Decimal handling").def("precise")
              .choices("precise", "double", "string").build(),
          PropertySpec.of("max.batch.size", INT, ADVANCED).label("Max batch size").def("2048").build(),
          PropertySpec.of("poll.interval.ms", INT, ADVANCED).label("Poll interval (ms)").def("500").build(),
          PropertySpec.of("errors.max.retries", INT, ADVANCED).label("Max retries on errors").def("-1")
              .doc("-1 retries without limit.").build())),

  // ---- topics --------------------------------------------------------------------------------
  TOPIC("topic", "Kafka topic", Category.TOPIC,
      "A Kafka topic (or the topics of one table) carrying change events.",
      List.of(
          PropertySpec.of("topic", STRING, CONNECTION).label("Topic name")
              .doc("The Kafka topic name; defaults to the node name.").build(),
          PropertySpec.of("role", ENUM, CONNECTION).label("Role").def("data")
              .choices("data", "dead-letter", "schema-history", "heartbeat", "outbox").build(),
          PropertySpec.of("partitions", INT, CONNECTION).label("Partitions").def("6").build(),
          PropertySpec.of("replication.factor", INT, CONNECTION).label("Replication factor").def("3").build(),
          PropertySpec.of("min.insync.replicas", INT, ADVANCED).label("Min in-sync replicas").def("2").build(),
          PropertySpec.of("retention.ms", INT, ADVANCED).label("Retention (ms)").def("604800000")
              .doc("-1 keeps records forever.").build(),
          PropertySpec.of("cleanup.policy", ENUM, ADVANCED).label("Cleanup policy").def("delete")
              .choices("delete", "compact", "compact,delete").build())),

  // ---- transforms ----------------------------------------------------------------------------
  EXTRACT_NEW_RECORD_STATE("extract-new-record-state", "Unwrap (new record state)", Category.TRANSFORM,
      "Debezium's ExtractNewRecordState: flattens change events to the row after the change.",
      List.of(
          PropertySpec.of("delete.tombstone.handling.mode", ENUM, ADVANCED).label("Delete handling")
              .def("tombstone").choices("drop", "tombstone", "rewrite", "rewrite-with-tombstone").build(),
          PropertySpec.of("add.fields", LIST, ADVANCED).label("Add fields")
              .doc("Metadata fields to copy into the row, e.g. op,source.ts_ms.").build())),
  OUTBOX_EVENT_ROUTER("outbox-event-router", "Outbox event router", Category.TRANSFORM,
      "Debezium's EventRouter: turns rows of an outbox table into events on per-aggregate topics.",
      List.of(
          PropertySpec.of("table.field.event.id", STRING, ADVANCED).label("Event id column").def("id").build(),
          PropertySpec.of("table.field.event.key", STRING, ADVANCED).label("Event key column").def("aggregateid").build(),
          PropertySpec.of("table.field.event.payload", STRING, ADVANCED).label("Payload column").def("payload").build(),
          PropertySpec.of("route.by.field", STRING, ADVANCED).label("Route by column").def("aggregatetype").build(),
          PropertySpec.of("route.topic.replacement", STRING, ADVANCED).label("Topic name pattern")
              .def("outbox.event.${routedByValue}").build())),
  FILTER("filter", "Filter", Category.TRANSFORM,
      "Debezium's Filter transform: keeps only the events matching a condition.",
      List.of(
          PropertySpec.of("condition", STRING, FILTERS).label("Condition").required()
              .doc("An expression over value, key and topic, e.g. value.op != 'd'.").build(),
          PropertySpec.of("language", ENUM, FILTERS).label("Language").def("jsr223.groovy")
              .choices("jsr223.groovy", "jsr223.graal.js").build())),
  TOPIC_REROUTE("topic-reroute", "Topic reroute", Category.TRANSFORM,
      "Debezium's ByLogicalTableRouter: sends events of several tables to one topic.",
      List.of(
          PropertySpec.of("topic.regex", STRING, FILTERS).label("Topic pattern").required().build(),
          PropertySpec.of("topic.replacement", STRING, FILTERS).label("Replacement").required().build(),
          PropertySpec.of("key.enforce.uniqueness", BOOLEAN, ADVANCED).label("Keep keys unique").def("true").build())),
  MASK_FIELD("mask-field", "Mask fields", Category.TRANSFORM,
      "Kafka's MaskField transform: blanks out sensitive fields.",
      List.of(
          PropertySpec.of("fields", LIST, FILTERS).label("Fields").required().build(),
          PropertySpec.of("replacement", STRING, FILTERS).label("Replacement").build())),

  // ---- sinks ---------------------------------------------------------------------------------
  JDBC_SINK("jdbc-sink", "JDBC read model", Category.SINK,
      "Debezium's JDBC sink: upserts rows into a PostgreSQL, MySQL or SQL Server table.",
      concat(List.of(
          PropertySpec.of("connection.url", URL, CONNECTION).label("JDBC URL").required()
              .doc("e.g. jdbc:postgresql://localhost:5432/readmodel").build(),
          PropertySpec.of("connection.username", STRING, CONNECTION).label("User").build(),
          PropertySpec.of("connection.password", SECRET, CONNECTION).label("Password").build(),
          PropertySpec.of("insert.mode", ENUM, ADVANCED).label("Insert mode").def("upsert")
              .choices("insert", "upsert", "update").build(),
          PropertySpec.of("primary.key.mode", ENUM, ADVANCED).label("Primary key from").def("record_key")
              .choices("none", "kafka", "record_key", "record_value").build(),
          PropertySpec.of("primary.key.fields", LIST, ADVANCED).label("Primary key fields").build(),
          PropertySpec.of("delete.enabled", BOOLEAN, ADVANCED).label("Apply deletes").def("true").build(),
          PropertySpec.of("schema.evolution", ENUM, ADVANCED).label("Schema evolution").def("basic")
              .choices("none", "basic").build(),
          PropertySpec.of("collection.name.format", STRING, ADVANCED).label("Table name format")
              .def("${topic}").build(),
          PropertySpec.of("batch.size", INT, ADVANCED).label("Batch size").def("500").build(),
          PropertySpec.of("use.reduction.buffer", BOOLEAN, ADVANCED).label("Reduce each batch by key")
              .def("true").doc("Keeps only the last change per key in a batch, so a mix of upserts and deletes is "
                  + "written in a few statements instead of a transaction per switch (Debezium's default is "
                  + "false; the local trial measured p99 3.5 s without it, 1.05 s with it).").build()),
          sinkCommon())),
  ELASTICSEARCH("elasticsearch", "Elasticsearch", Category.SINK,
      "An Elasticsearch index per topic, written by the Elasticsearch sink connector.", searchSink()),
  OPENSEARCH("opensearch", "OpenSearch", Category.SINK,
      "An OpenSearch index per topic, written by the OpenSearch sink connector.", searchSink()),
  CLICKHOUSE("clickhouse", "ClickHouse", Category.SINK,
      "ClickHouse tables for analytics, written by ClickHouse's Kafka Connect sink.",
      concat(List.of(
          PropertySpec.of("hostname", STRING, CONNECTION).label("Host").required().build(),
          PropertySpec.of("port", INT, CONNECTION).label("Port").def("8443").build(),
          PropertySpec.of("database", STRING, CONNECTION).label("Database").def("default").build(),
          PropertySpec.of("username", STRING, CONNECTION).label("User").def("default").build(),
          PropertySpec.of("password", SECRET, CONNECTION).label("Password").build(),
          PropertySpec.of("ssl", BOOLEAN, CONNECTION).label("TLS").def("true").build(),
          PropertySpec.of("exactlyOnce", BOOLEAN, ADVANCED).label("Exactly once").def("false").build(),
          PropertySpec.of("topic2TableMap", STRING, ADVANCED).label("Topic to table map")
              .doc("topic1=table1,topic2=table2").build()),
          sinkCommon())),
  REDIS("redis", "Redis cache", Category.SINK,
      "A Redis cache kept up to date by the Redis Kafka Connect sink.",
      concat(List.of(
          PropertySpec.of("redis.uri", URL, CONNECTION).label("Redis URI").required().def("redis://localhost:6379").build(),
          PropertySpec.of("redis.password", SECRET, CONNECTION).label("Password").build(),
          PropertySpec.of("redis.command", ENUM, ADVANCED).label("Command").def("HSET")
              .choices("HSET", "JSONSET", "SET", "DEL", "XADD", "SADD", "ZADD").build(),
          PropertySpec.of("redis.keyspace", STRING, ADVANCED).label("Key prefix").build(),
          PropertySpec.of("redis.key.separator", STRING, ADVANCED).label("Key separator").def(":").build()),
          sinkCommon())),
  LAKE("lake", "S3 / Iceberg lake", Category.SINK,
      "A lake table on object storage: Iceberg tables, or Parquet/JSON files on S3.",
      concat(List.of(
          PropertySpec.of("format", ENUM, CONNECTION).label("Table format").def("iceberg")
              .choices("iceberg", "s3-parquet", "s3-json").build(),
          PropertySpec.of("layer", ENUM, CONNECTION).label("Medallion layer").def("bronze")
              .choices("bronze", "silver", "gold").build(),
          PropertySpec.of("s3.bucket.name", STRING, CONNECTION).label("Bucket").required().build(),
          PropertySpec.of("s3.region", STRING, CONNECTION).label("Region").def("us-east-1").build(),
          PropertySpec.of("aws.access.key.id", STRING, CONNECTION).label("Access key id").build(),
          PropertySpec.of("aws.secret.access.key", SECRET, CONNECTION).label("Secret access key").build(),
          PropertySpec.of("iceberg.catalog.uri", URL, CONNECTION).label("Iceberg REST catalog").build(),
          PropertySpec.of("iceberg.tables", LIST, ADVANCED).label("Iceberg tables").build(),
          PropertySpec.of("flush.size", INT, ADVANCED).label("Records per file").def("10000").build()),
          sinkCommon())),
  JSONL_FILE("jsonl-file", "JSON-lines file", Category.SINK,
      "A local file with one JSON change event per line; handy for trials and debugging.",
      List.of(
          PropertySpec.of("path", STRING, CONNECTION).label("File").required()
              .doc("Relative paths are taken from the trial's work directory.").build(),
          PropertySpec.of("include.before", BOOLEAN, ADVANCED).label("Include row before change").def("true").build())),

  // ---- applications --------------------------------------------------------------------------
  APPLICATION("application", "Application", Category.APPLICATION,
      "A service that writes to databases, stores or topics, or reads topics. Drawn so dual writes show.",
      List.of(
          PropertySpec.of("team", STRING, ADVANCED).label("Owning team").build(),
          PropertySpec.of("description", STRING, ADVANCED).label("Description").build()));

  private final String id;
  private final String label;
  private final Category category;
  private final String description;
  private final List<PropertySpec> properties;

  NodeKind(String id, String label, Category category, String description, List<PropertySpec> props) {
    this.id = id;
    this.label = label;
    this.category = category;
    this.description = description;
    this.properties = List.copyOf(props);
  }

  /** The spelling in the pipeline file and the icon's file name ({@code icons/<id>.svg}). */
  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  public Category category() {
    return category;
  }

  public String description() {
    return description;
  }

  public List<PropertySpec> properties() {
    return properties;
  }

  public Optional<PropertySpec> property(String key) {
    return properties.stream().filter(p -> p.key().equals(key)).findFirst();
  }

  public boolean isSource() {
    return category == Category.SOURCE;
  }

  public boolean isSink() {
    return category == Category.SINK;
  }

  /** Sinks that cannot run on a laptop and run as a labelled preview in the local trial. */
  public boolean previewOnlyInTrial() {
    return isSink() && this != JDBC_SINK && this != JSONL_FILE;
  }

  public static Optional<NodeKind> fromId(String id) {
    return Stream.of(values()).filter(k -> k.id.equals(id)).findFirst();
  }

  private static List<PropertySpec> db(String port) {
    return List.of(
        PropertySpec.of("host", STRING, CONNECTION).label("Host").def("localhost").required().build(),
        PropertySpec.of("port", INT, CONNECTION).label("Port").def(port).required().build(),
        PropertySpec.of("database", STRING, CONNECTION).label("Database").required().build(),
        PropertySpec.of("user", STRING, CONNECTION).label("User").required().build(),
        PropertySpec.of("password", SECRET, CONNECTION).label("Password").required()
            .doc("Stored as a reference: ${env:NAME} or ${file:path:key}.").build());
  }

  private static List<PropertySpec> searchSink() {
    return concat(List.of(
        PropertySpec.of("connection.url", URL, CONNECTION).label("URL").required().def("http://localhost:9200").build(),
        PropertySpec.of("connection.username", STRING, CONNECTION).label("User").build(),
        PropertySpec.of("connection.password", SECRET, CONNECTION).label("Password").build(),
        PropertySpec.of("key.ignore", BOOLEAN, ADVANCED).label("Ignore record key").def("false")
            .doc("false uses the record key as the document id, so updates overwrite the document.").build(),
        PropertySpec.of("schema.ignore", BOOLEAN, ADVANCED).label("Ignore schema").def("true").build(),
        PropertySpec.of("behavior.on.null.values", ENUM, ADVANCED).label("On delete (null value)")
            .def("delete").choices("ignore", "delete", "fail").build(),
        PropertySpec.of("write.method", ENUM, ADVANCED).label("Write method").def("upsert")
            .choices("insert", "upsert").build()),
        sinkCommon());
  }

  private static List<PropertySpec> sinkCommon() {
    return List.of(
        PropertySpec.of("tasks.max", INT, ADVANCED).label("Tasks").def("1").build(),
        PropertySpec.of("errors.tolerance", ENUM, ADVANCED).label("Error tolerance").def("none")
            .choices("none", "all").doc("all skips bad records; pair it with a dead-letter topic.").build(),
        PropertySpec.of("errors.deadletterqueue.topic.name", STRING, ADVANCED).label("Dead-letter topic")
            .doc("Where records that fail go.").build(),
        PropertySpec.of("errors.deadletterqueue.context.headers.enable", BOOLEAN, ADVANCED)
            .label("Error details in dead-letter headers").def("false")
            .doc("Adds the failing stage, class and exception to each dead-letter record's headers.").build());
  }

  @SafeVarargs
  private static List<PropertySpec> concat(List<PropertySpec>... lists) {
    List<PropertySpec> all = new ArrayList<>();
    for (List<PropertySpec> l : lists) {
      all.addAll(l);
    }
    return all;
  }
}
