package dev.pipewright.model.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.model.Node;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.io.PipelineFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Connectors whose plugins are not on the test classpath (so no worker here can validate them)
 * are checked against the properties their documentation marks required, with no default. The
 * installed ones (PostgreSQL, JDBC sink, file sink) are validated by a real worker in
 * ConnectExportIT.
 */
class ConnectorRequiredPropertiesTest {
  /** Required properties per connector class, from each project's configuration reference. */
  static final Map<String, List<String>> REQUIRED = Map.of(
      // Debezium MySQL/MariaDB reference: hostname, user, server id, topic prefix, schema history.
      "io.debezium.connector.mysql.MySqlConnector", List.of("database.hostname", "database.user",
          "database.server.id", "topic.prefix", "schema.history.internal.kafka.bootstrap.servers",
          "schema.history.internal.kafka.topic"),
      "io.debezium.connector.mariadb.MariaDbConnector", List.of("database.hostname", "database.user",
          "database.server.id", "topic.prefix", "schema.history.internal.kafka.bootstrap.servers",
          "schema.history.internal.kafka.topic"),
      // Debezium SQL Server: hostname, user, database.names, topic prefix, schema history.
      "io.debezium.connector.sqlserver.SqlServerConnector", List.of("database.hostname", "database.user",
          "database.names", "topic.prefix", "schema.history.internal.kafka.bootstrap.servers",
          "schema.history.internal.kafka.topic"),
      // Debezium MongoDB: the connection string and topic prefix.
      "io.debezium.connector.mongodb.MongoDbConnector", List.of("mongodb.connection.string", "topic.prefix"),
      // Confluent Elasticsearch sink and Aiven OpenSearch sink: connection.url (+ topics, from Connect).
      "io.confluent.connect.elasticsearch.ElasticsearchSinkConnector", List.of("connection.url", "topics"),
      "io.aiven.kafka.connect.opensearch.OpensearchSinkConnector", List.of("connection.url", "topics"),
      // ClickHouse sink: hostname (port, database, username have defaults).
      "com.clickhouse.kafka.connect.ClickHouseSinkConnector", List.of("hostname", "topics"),
      // Redis sink: the URI (or host), command.
      "com.redis.kafka.connect.RedisSinkConnector", List.of("redis.uri", "redis.command", "topics"),
      // Confluent S3 sink: bucket, format, storage and flush.size have no defaults.
      "io.confluent.connect.s3.S3SinkConnector", List.of("s3.bucket.name", "format.class", "storage.class",
          "flush.size", "topics"),
      // Iceberg sink: the tables (or dynamic routing) and a catalog.
      "org.apache.iceberg.connect.IcebergSinkConnector", List.of("iceberg.tables", "iceberg.catalog.type",
          "topics"));

  static Stream<Path> examples() throws Exception {
    try (Stream<Path> s = Files.list(Path.of("examples"))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void connectorsWithoutAWorkerHereHaveEveryDocumentedRequiredProperty(Path example) throws Exception {
    Pipeline p = PipelineFile.load(example);
    for (Node n : p.nodes()) {
      if (!ConnectorConfigs.isConnectorNode(p, n)) {
        continue;
      }
      ConnectorConfig c = ConnectorConfigs.forNode(p, n);
      if (installedHere(c.connectorClass())) {
        continue;
      }
      assertThat(REQUIRED).as("documented required properties of " + c.connectorClass())
          .containsKey(c.connectorClass());
      for (String key : REQUIRED.get(c.connectorClass())) {
        assertThat(c.config().get(key)).as(example.getFileName() + " " + c.name() + " " + key).isNotBlank();
      }
      assertThat(c.config()).containsKeys("connector.class", "tasks.max", "key.converter", "value.converter");
    }
  }

  private static boolean installedHere(String cls) {
    try {
      Class.forName(cls, false, ConnectorRequiredPropertiesTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
