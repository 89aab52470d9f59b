package dev.pipewright.model.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.model.Cluster;
import dev.pipewright.model.Converter;
import dev.pipewright.model.Credentials;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Environment;
import dev.pipewright.model.KafkaSecurity;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.SecretRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

public class ConnectorConfigsTest {

  static Pipeline trial() {
    Pipeline p = Pipeline.empty("local-trial");
    p = p.withNode(node("shop-db", NodeKind.POSTGRES, Map.of("database", "shop", "user", "postgres",
        "password", "${env:PG_PASSWORD}", "embedded", "true")));
    p = p.withNode(node("shop-cdc", NodeKind.DEBEZIUM, Map.of("topic.prefix", "shop", "heartbeat.interval.ms", "10000")));
    p = p.withNode(node("customers", NodeKind.TOPIC, Map.of("topic", "shop.public.customers")));
    p = p.withNode(node("orders", NodeKind.TOPIC, Map.of("topic", "shop.public.orders")));
    p = p.withNode(node("read-model", NodeKind.JDBC_SINK, Map.of("connection.url",
        "jdbc:postgresql://localhost:5432/readmodel", "connection.username", "postgres",
        "connection.password", "${env:PG_PASSWORD}")));
    p = p.withNode(node("audit-file", NodeKind.JSONL_FILE, Map.of("path", "audit.jsonl")));
    for (String[] e : new String[][] {{"shop-db", "shop-cdc"}, {"shop-cdc", "customers"}, {"shop-cdc", "orders"},
        {"customers", "read-model"}, {"orders", "read-model"}, {"orders", "audit-file"}}) {
      p = p.withEdge(new Edge(e[0], e[1]));
    }
    return p;
  }

  public static Pipeline trialForExport() {
    return trial();
  }

  static Node node(String name, NodeKind kind, Map<String, String> props) {
    return new Node(name, kind, null, props);
  }

  @Test
  void postgresCaptureBecomesDebeziumPostgresConnectorWithDatabaseSettings() {
    ConnectorConfig c = ConnectorConfigs.forNode(trial(), trial().node("shop-cdc").orElseThrow());
    assertThat(c.name()).isEqualTo("shop-cdc");
    assertThat(c.connectorClass()).isEqualTo("io.debezium.connector.postgresql.PostgresConnector");
    assertThat(c.plugin()).isEqualTo("debezium-connector-postgres 3.6");
    assertThat(c.config()).containsEntry("connector.class", c.connectorClass())
        .containsEntry("database.hostname", "localhost")
        .containsEntry("database.port", "5432")
        .containsEntry("database.user", "postgres")
        .containsEntry("database.password", "${env:PG_PASSWORD}")
        .containsEntry("database.dbname", "shop")
        .containsEntry("plugin.name", "pgoutput")
        .containsEntry("slot.name", "debezium")
        .containsEntry("publication.autocreate.mode", "filtered")
        .containsEntry("topic.prefix", "shop")
        .containsEntry("heartbeat.interval.ms", "10000")
        .containsEntry("tasks.max", "1")
        .containsEntry("key.converter", "org.apache.kafka.connect.json.JsonConverter")
        .containsEntry("value.converter.schemas.enable", "true")
        .doesNotContainKeys("embedded", "converter", "database.server.id", "schema.history.internal.kafka.topic");
    assertThat(c.secretKeys()).containsExactly("database.password");
    assertThat(c.sink()).isFalse();
  }

  @Test
  void tablesToCaptureComeFromTheTopicsDrawnAfterTheCapture() {
    ConnectorConfig c = ConnectorConfigs.forNode(trial(), trial().node("shop-cdc").orElseThrow());
    assertThat(c.config()).containsEntry("table.include.list", "public.customers,public.orders");
  }

  @Test
  void explicitTableListWins() {
    Pipeline p = trial().updateNode("shop-cdc", n -> n.withProperty("table.include.list", "public.orders"));
    assertThat(ConnectorConfigs.forNode(p, p.node("shop-cdc").orElseThrow()).config())
        .containsEntry("table.include.list", "public.orders");
  }

  @Test
  void jdbcSinkReadsEveryTopicDrawnIntoIt() {
    ConnectorConfig c = ConnectorConfigs.forNode(trial(), trial().node("read-model").orElseThrow());
    assertThat(c.connectorClass()).isEqualTo("io.debezium.connector.jdbc.JdbcSinkConnector");
    assertThat(c.topics()).containsExactly("shop.public.customers", "shop.public.orders");
    assertThat(c.config()).containsEntry("connection.url", "jdbc:postgresql://localhost:5432/readmodel")
        .containsEntry("insert.mode", "upsert").containsEntry("primary.key.mode", "record_key")
        .containsEntry("delete.enabled", "true").containsEntry("collection.name.format", "${topic}");
    assertThat(c.secretKeys()).containsExactly("connection.password");
    assertThat(c.sink()).isTrue();
  }

  @Test
  void fileSinkWritesTheTopicTextAsItIs() {
    ConnectorConfig c = ConnectorConfigs.forNode(trial(), trial().node("audit-file").orElseThrow());
    assertThat(c.connectorClass()).isEqualTo("org.apache.kafka.connect.file.FileStreamSinkConnector");
    assertThat(c.config()).containsEntry("file", "audit.jsonl").containsEntry("topics", "shop.public.orders")
        .containsEntry("value.converter", "org.apache.kafka.connect.storage.StringConverter")
        .doesNotContainKey("include.before");
  }

  @Test
  void forPipelineListsCapturesThenSinksInNodeOrder() {
    assertThat(ConnectorConfigs.forPipeline(trial())).extracting(ConnectorConfig::name)
        .containsExactly("shop-cdc", "read-model", "audit-file");
  }

  @Test
  void connectorNamesAreDnsSafeAndUnique() {
    Pipeline p = trial().withNode(node("Read Model", NodeKind.JSONL_FILE, Map.of("path", "x")))
        .withNode(node("read_model", NodeKind.JSONL_FILE, Map.of("path", "y")))
        .withEdge(new Edge("orders", "Read Model")).withEdge(new Edge("orders", "read_model"));
    assertThat(ConnectorConfigs.forPipeline(p)).extracting(ConnectorConfig::name)
        .containsExactly("shop-cdc", "read-model", "audit-file", "read-model-2", "read-model-3");
    assertThat(ConnectorConfigs.forNode(p, p.node("read_model").orElseThrow()).name()).isEqualTo("read-model-3");
  }

  @Test
  void transformBetweenCaptureAndTopicIsAnSmtOnTheSource() {
    Pipeline p = trial().withoutEdge(new Edge("shop-cdc", "orders"))
        .withNode(node("mask", NodeKind.MASK_FIELD, Map.of("fields", "email")))
        .withEdge(new Edge("shop-cdc", "mask")).withEdge(new Edge("mask", "orders"));
    ConnectorConfig c = ConnectorConfigs.forNode(p, p.node("shop-cdc").orElseThrow());
    assertThat(c.config()).containsEntry("transforms", "mask")
        .containsEntry("transforms.mask.type", "org.apache.kafka.connect.transforms.MaskField$Value")
        .containsEntry("transforms.mask.fields", "email")
        .doesNotContainKey("table.include.list");
    assertThat(ConnectorConfigs.forNode(p, p.node("read-model").orElseThrow()).config()).doesNotContainKey("transforms");
  }

  @Test
  void transformsBetweenTopicAndSinkAreSmtsOnTheSinkInFlowOrder() {
    Pipeline p = trial().withoutEdge(new Edge("orders", "audit-file"))
        .withNode(node("unwrap", NodeKind.EXTRACT_NEW_RECORD_STATE, Map.of("add.fields", "op")))
        .withNode(node("route", NodeKind.TOPIC_REROUTE, Map.of("topic.regex", "shop.public.(.*)",
            "topic.replacement", "all")))
        .withEdge(new Edge("orders", "unwrap")).withEdge(new Edge("unwrap", "route"))
        .withEdge(new Edge("route", "audit-file"));
    ConnectorConfig c = ConnectorConfigs.forNode(p, p.node("audit-file").orElseThrow());
    assertThat(c.config()).containsEntry("transforms", "unwrap,route")
        .containsEntry("transforms.unwrap.type", "io.debezium.transforms.ExtractNewRecordState")
        .containsEntry("transforms.unwrap.add.fields", "op")
        .containsEntry("transforms.unwrap.delete.tombstone.handling.mode", "tombstone")
        .containsEntry("transforms.route.type", "io.debezium.transforms.ByLogicalTableRouter")
        .containsEntry("transforms.route.topic.regex", "shop.public.(.*)")
        .containsEntry("topics", "shop.public.orders");
  }

  @ParameterizedTest
  @CsvSource({
      "mysql, io.debezium.connector.mysql.MySqlConnector, database.include.list",
      "mariadb, io.debezium.connector.mariadb.MariaDbConnector, database.include.list",
      "sqlserver, io.debezium.connector.sqlserver.SqlServerConnector, database.names"})
  void binlogAndSqlServerCapturesCarrySchemaHistorySettings(String kind, String cls, String dbKey) {
    Pipeline p = trial().withNode(new Node("shop-db", NodeKind.fromId(kind).orElseThrow(), null,
        Map.of("database", "shop", "user", "dbz", "password", "${file:/etc/secrets/db.properties:password}")));
    ConnectorConfig c = ConnectorConfigs.forNode(p, p.node("shop-cdc").orElseThrow());
    assertThat(c.connectorClass()).isEqualTo(cls);
    assertThat(c.config()).containsEntry(dbKey, "shop")
        .containsEntry("schema.history.internal.kafka.topic", "schema-history.shop")
        .containsEntry("schema.history.internal.kafka.bootstrap.servers", "localhost:9092")
        .containsEntry("database.password", "${file:/etc/secrets/db.properties:password}")
        .doesNotContainKeys("slot.name", "plugin.name", "database.dbname");
    if (!kind.equals("sqlserver")) {
      assertThat(c.config()).containsKey("database.server.id");
    }
  }

  @Test
  void schemaHistoryOnASecuredClusterGetsClientSettingsWithTheSecretAsReference() {
    Cluster secured = new Cluster("prod", "b1:9093", new KafkaSecurity("SASL_SSL", "SCRAM-SHA-512",
        new Credentials("svc", "${env:KAFKA_PASSWORD}"), "/etc/kafka/truststore.pem"), null, null, null);
    Pipeline p = trial().withClusters(List.of(secured)).withNode(new Node("shop-db", NodeKind.MYSQL, null,
        Map.of("database", "shop", "user", "dbz", "password", "${env:DB}")));
    ConnectorConfig c = ConnectorConfigs.forNode(p, p.node("shop-cdc").orElseThrow());
    assertThat(c.config()).containsEntry("schema.history.internal.kafka.bootstrap.servers", "b1:9093")
        .containsEntry("schema.history.internal.producer.security.protocol", "SASL_SSL")
        .containsEntry("schema.history.internal.consumer.ssl.truststore.type", "PEM");
    assertThat(c.config().get("schema.history.internal.producer.sasl.jaas.config"))
        .contains("ScramLoginModule").contains("password=\"${env:KAFKA_PASSWORD}\"");
    assertThat(c.secretKeys()).contains("schema.history.internal.producer.sasl.jaas.config", "database.password");
    assertThat(c.secretRefs()).containsExactly(SecretRef.env("DB"), SecretRef.env("KAFKA_PASSWORD"));
  }

  @Test
  void mongoCaptureUsesConnectionStringAndCollectionFilters() {
    Pipeline p = trial().withNode(new Node("shop-db", NodeKind.MONGODB, null,
        Map.of("database", "shop", "connection.string", "${env:MONGO_URI}")))
        .updateNode("shop-cdc", n -> n.withProperty("table.include.list", "shop.orders"));
    ConnectorConfig c = ConnectorConfigs.forNode(p, p.node("shop-cdc").orElseThrow());
    assertThat(c.connectorClass()).isEqualTo("io.debezium.connector.mongodb.MongoDbConnector");
    assertThat(c.config()).containsEntry("mongodb.connection.string", "${env:MONGO_URI}")
        .containsEntry("collection.include.list", "shop.orders").doesNotContainKeys("table.include.list",
            "decimal.handling.mode", "database.hostname");
    assertThat(c.secretKeys()).containsExactly("mongodb.connection.string");
  }

  @ParameterizedTest
  @CsvSource({
      "elasticsearch, io.confluent.connect.elasticsearch.ElasticsearchSinkConnector, write.method, UPSERT",
      "opensearch, io.aiven.kafka.connect.opensearch.OpensearchSinkConnector, index.write.method, upsert",
      "clickhouse, com.clickhouse.kafka.connect.ClickHouseSinkConnector, hostname, ch.example",
      "redis, com.redis.kafka.connect.RedisSinkConnector, redis.command, HSET"})
  void sinkKindsMapToTheirConnectors(String kind, String cls, String key, String value) {
    Pipeline p = trial().withNode(new Node("search", NodeKind.fromId(kind).orElseThrow(), null,
        Map.of("hostname", "ch.example"))).withEdge(new Edge("orders", "search"));
    ConnectorConfig c = ConnectorConfigs.forNode(p, p.node("search").orElseThrow());
    assertThat(c.connectorClass()).isEqualTo(cls);
    assertThat(c.config()).containsEntry(key, value).containsEntry("topics", "shop.public.orders");
  }

  @Test
  void redisKeyspaceAndSeparatorUseTheConnectorsOwnNames() {
    Pipeline p = trial().withNode(node("cache", NodeKind.REDIS, Map.of("redis.keyspace", "order",
        "redis.password", "${env:REDIS}"))).withEdge(new Edge("orders", "cache"));
    ConnectorConfig c = ConnectorConfigs.forNode(p, p.node("cache").orElseThrow());
    assertThat(c.config()).containsEntry("redis.key", "order").containsEntry("redis.separator", ":")
        .doesNotContainKeys("redis.keyspace", "redis.key.separator");
    assertThat(c.secretKeys()).containsExactly("redis.password");
  }

  @Test
  void lakeNodeIsIcebergOrS3ByItsFormat() {
    Pipeline p = trial().withNode(node("lake", NodeKind.LAKE, Map.of("s3.bucket.name", "dl", "layer", "silver",
        "aws.secret.access.key", "${env:AWS_SECRET}"))).withEdge(new Edge("orders", "lake"));
    ConnectorConfig ice = ConnectorConfigs.forNode(p, p.node("lake").orElseThrow());
    assertThat(ice.connectorClass()).isEqualTo("org.apache.iceberg.connect.IcebergSinkConnector");
    assertThat(ice.config()).containsEntry("iceberg.catalog.warehouse", "s3://dl/silver");
    assertThat(ice.secretKeys()).containsExactly("iceberg.catalog.s3.secret-access-key");
    Pipeline s3 = p.updateNode("lake", n -> n.withProperty("format", "s3-parquet"));
    ConnectorConfig c = ConnectorConfigs.forNode(s3, s3.node("lake").orElseThrow());
    assertThat(c.connectorClass()).isEqualTo("io.confluent.connect.s3.S3SinkConnector");
    assertThat(c.config()).containsEntry("format.class", "io.confluent.connect.s3.format.parquet.ParquetFormat")
        .containsEntry("s3.bucket.name", "dl").containsEntry("topics.dir", "silver");
    assertThat(c.secretKeys()).containsExactly("aws.secret.access.key");
  }

  @Test
  void captureConverterOverrideAlsoDecidesHowItsSinksRead() {
    Pipeline p = trial().withConverter(Converter.JSON).updateNode("shop-cdc",
        n -> n.withProperty("converter", "avro")).withClusters(List.of(new Cluster("local", null, null, null,
        null, "http://localhost:8081")));
    assertThat(ConnectorConfigs.forNode(p, p.node("read-model").orElseThrow()).config())
        .containsEntry("value.converter", "io.confluent.connect.avro.AvroConverter")
        .containsEntry("value.converter.schema.registry.url", "http://localhost:8081")
        .doesNotContainKey("value.converter.schemas.enable");
    Pipeline plain = trial().withConverter(Converter.JSON);
    assertThat(ConnectorConfigs.forNode(plain, plain.node("read-model").orElseThrow()).config())
        .containsEntry("value.converter.schemas.enable", "false");
  }

  @Test
  void deadLetterTopicGetsHeadersAndTheTopicsReplication() {
    Pipeline p = trial().withNode(node("dlq", NodeKind.TOPIC, Map.of("topic", "read-model.dlq", "role", "dead-letter")))
        .updateNode("read-model", n -> n.withProperty("errors.tolerance", "all")
            .withProperty("errors.deadletterqueue.topic.name", "read-model.dlq"));
    assertThat(ConnectorConfigs.forNode(p, p.node("read-model").orElseThrow()).config())
        .containsEntry("errors.tolerance", "all").containsEntry("errors.log.enable", "true")
        .containsEntry("errors.deadletterqueue.context.headers.enable", "true")
        .containsEntry("errors.deadletterqueue.topic.replication.factor", "1");
  }

  @Test
  void localTopicsUseOneReplicaAndProductionTheDrawnDefaults() {
    assertThat(ConnectorConfigs.topics(trial())).extracting(TopicSpec::name, TopicSpec::partitions,
        TopicSpec::replicationFactor).containsExactly(
            org.assertj.core.groups.Tuple.tuple("shop.public.customers", 6, 1),
            org.assertj.core.groups.Tuple.tuple("shop.public.orders", 6, 1));
    assertThat(ConnectorConfigs.topics(trial()).get(0).configs()).containsEntry("min.insync.replicas", "1")
        .containsEntry("cleanup.policy", "delete");
    Pipeline prod = trial().withEnvironment(Environment.PRODUCTION);
    TopicSpec t = ConnectorConfigs.topics(prod).get(0);
    assertThat(t.replicationFactor()).isEqualTo(3);
    assertThat(t.configs()).containsEntry("min.insync.replicas", "2").containsEntry("retention.ms", "604800000");
  }

  @Test
  void schemaHistoryTopicDefaultsToOnePartitionKeptForever() {
    Pipeline p = trial().withNode(node("history", NodeKind.TOPIC, Map.of("role", "schema-history")));
    TopicSpec t = ConnectorConfigs.topics(p).get(2);
    assertThat(t.partitions()).isEqualTo(1);
    assertThat(t.configs()).containsEntry("retention.ms", "-1").containsEntry("retention.bytes", "-1");
  }

  @Test
  void resolvedReplacesReferencesAndNamesTheMissingOneWithoutAValue() {
    ConnectorConfig c = ConnectorConfigs.forNode(trial(), trial().node("shop-cdc").orElseThrow());
    assertThat(c.resolved(r -> Optional.of("s3cret"))).containsEntry("database.password", "s3cret");
    assertThatThrownBy(() -> c.resolved(r -> Optional.empty()))
        .hasMessageContaining("${env:PG_PASSWORD}").hasMessageContaining("database.password");
  }

  @Test
  void topicAndSourceNodesAreNotConnectors() {
    assertThatThrownBy(() -> ConnectorConfigs.forNode(trial(), trial().node("orders").orElseThrow()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("orders");
  }

  @Test
  void storeOnlyApplicationsWriteToHasNoConnector() {
    Pipeline p = trial().withNode(node("search", NodeKind.ELASTICSEARCH, Map.of()))
        .withNode(node("profile-service", NodeKind.APPLICATION, Map.of()))
        .withEdge(new Edge("profile-service", "search"));
    assertThat(ConnectorConfigs.forPipeline(p)).extracting(ConnectorConfig::name).doesNotContain("search");
    assertThat(ConnectorConfigs.isConnectorNode(p, p.node("search").orElseThrow())).isFalse();
    assertThat(ConnectorConfigs.forNode(p, p.node("search").orElseThrow()).topics()).isEmpty();
  }

  @Test
  void unknownPropertiesPassThroughAsConnectorOverrides() {
    Pipeline p = trial().updateNode("shop-cdc", n -> n.withProperty("signal.data.collection", "public.signals"));
    assertThat(ConnectorConfigs.forNode(p, p.node("shop-cdc").orElseThrow()).config())
        .containsEntry("signal.data.collection", "public.signals");
  }
}
