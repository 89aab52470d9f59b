package dev.pipewright.app.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.app.cli.DiffCommand;
import dev.pipewright.exporters.ExportFormat;
import dev.pipewright.exporters.ExportOptions;
import dev.pipewright.exporters.ExportResult;
import dev.pipewright.exporters.Exports;
import dev.pipewright.model.Node;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.connect.ConnectorConfig;
import dev.pipewright.model.connect.ConnectorConfigs;
import dev.pipewright.model.io.PipelineFile;
import dev.pipewright.runtime.kafka.EmbeddedKafka;
import dev.pipewright.runtime.pg.EmbeddedPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The Connect export deployed on a real Kafka Connect worker (a child JVM running the exported
 * worker.properties) against embedded Kafka and PostgreSQL: connectors reach RUNNING, rows
 * inserted at the source land in the read model, every exported config of a plugin the worker
 * has passes the worker's validation, {@code diff} sees a property changed on the cluster, and
 * the secrets the worker resolves from its environment appear in no file and no log line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectExportIT {
  @TempDir
  static Path work;

  static EmbeddedPostgres pg;
  static EmbeddedKafka kafka;
  static ConnectWorker worker;
  static ConnectRestClient rest;
  static Pipeline trial;
  static Path exportDir;
  /** Secret values only the worker's environment holds; PostgreSQL checks them (scram). */
  static final String SHOP_SECRET = "shop-" + java.util.UUID.randomUUID();
  static final String READMODEL_SECRET = "rm-" + java.util.UUID.randomUUID();

  @BeforeAll
  static void startServers() throws Exception {
    pg = EmbeddedPostgres.builder().dataDir(work.resolve("pg")).build().start();
    kafka = EmbeddedKafka.builder().dataDir(work.resolve("kafka")).build().start();
    pg.createDatabaseIfMissing("shop");
    pg.createDatabaseIfMissing("readmodel");
    try (Connection c = pg.connect("shop"); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE public.customers (id int PRIMARY KEY, name text NOT NULL)");
      s.execute("CREATE TABLE public.orders (id int PRIMARY KEY, customer_id int NOT NULL, total numeric(10,2))");
      s.execute("INSERT INTO public.customers VALUES (1, 'Ada'), (2, 'Grace')");
      s.execute("INSERT INTO public.orders VALUES (100, 1, 12.50)");
      // Roles that must log in with a password, so the connectors only work if the worker
      // resolved ${env:SHOP_DB_PASSWORD} and ${env:READMODEL_PASSWORD} to the right values.
      s.execute("CREATE ROLE cdc_user LOGIN SUPERUSER REPLICATION PASSWORD '" + SHOP_SECRET + "'");
      s.execute("CREATE ROLE sink_user LOGIN SUPERUSER PASSWORD '" + READMODEL_SECRET + "'");
    }
    Path hba = pg.dataDir().resolve("pg_hba.conf");
    String rules = "host all cdc_user,sink_user 127.0.0.1/32 scram-sha-256\n"
        + "host all cdc_user,sink_user ::1/128 scram-sha-256\n"
        + "host replication cdc_user 127.0.0.1/32 scram-sha-256\n"
        + "host replication cdc_user ::1/128 scram-sha-256\n";
    Files.writeString(hba, rules + Files.readString(hba));
    try (Connection c = pg.connect("postgres"); Statement s = c.createStatement()) {
      s.execute("SELECT pg_reload_conf()");
    }
    assertThatThrownBy(() -> java.sql.DriverManager.getConnection(
        "jdbc:postgresql://localhost:" + pg.port() + "/shop?user=cdc_user").close())
        .as("cdc_user must need its password").isInstanceOf(java.sql.SQLException.class);
    trial = localTrialOnEmbeddedServers();
    exportDir = work.resolve("export");
    ExportResult r = Exports.export(trial, ExportFormat.CONNECT, ExportOptions.of("local-trial.yaml"), exportDir);
    assertThat(r.errors()).isEmpty();
    worker = ConnectWorker.start(kafka.bootstrapServers(), work, exportDir.resolve("worker.properties"),
        Map.of("SHOP_DB_PASSWORD", SHOP_SECRET, "READMODEL_PASSWORD", READMODEL_SECRET));
    rest = new ConnectRestClient(worker.url());
  }

  /**
   * examples/local-trial.yaml with the addresses of this test's servers. The Redis cache is left
   * out: its plugin is not on the test classpath (it is checked against its documented
   * properties in ConnectorRequiredPropertiesTest instead).
   */
  static Pipeline localTrialOnEmbeddedServers() throws Exception {
    Pipeline p = PipelineFile.load(Path.of("examples/local-trial.yaml")).withoutNode("customer-cache");
    p = p.updateNode("shop-db", n -> n.withProperty("host", "localhost").withProperty("port", Integer.toString(pg.port()))
        .withProperty("user", "cdc_user"));
    p = p.updateNode("orders-read-model", n -> n.withProperty("connection.url",
        "jdbc:postgresql://localhost:" + pg.port() + "/readmodel").withProperty("connection.username", "sink_user"));
    return p.updateNode("audit-log", n -> n.withProperty("path", work.resolve("audit.jsonl").toString()));
  }

  @AfterAll
  static void stopServers() throws Exception {
    if (worker != null) {
      worker.close();
    }
    if (kafka != null) {
      kafka.close();
    }
    if (pg != null) {
      pg.close();
    }
  }

  @Test
  @Order(1)
  void exportedDeployScriptDeploysTheLocalTrialWhichRunsAndCarriesRowsToTheReadModel() throws Exception {
    // deploy.sh as a person runs it: curl against the worker, kafka-topics against the broker
    // (Kafka's own TopicCommand from the test classpath stands in for the kafka-topics.sh script).
    Path kafkaTopics = work.resolve("kafka-topics.sh");
    Files.writeString(kafkaTopics, "#!/bin/sh\nexec \"" + Path.of(System.getProperty("java.home"), "bin", "java")
        + "\" -cp \"$TEST_CLASSPATH\" org.apache.kafka.tools.TopicCommand \"$@\"\n");
    kafkaTopics.toFile().setExecutable(true);
    ProcessBuilder pb = new ProcessBuilder("bash", exportDir.resolve("deploy.sh").toString())
        .redirectErrorStream(true).redirectOutput(work.resolve("deploy.log").toFile());
    pb.environment().put("CONNECT_URL", worker.url());
    pb.environment().put("BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    pb.environment().put("KAFKA_TOPICS", kafkaTopics.toString());
    pb.environment().put("TEST_CLASSPATH", System.getProperty("java.class.path"));
    int exit = pb.start().waitFor();
    String log = Files.readString(work.resolve("deploy.log"));
    assertThat(exit).as(log).isZero();
    assertThat(log).contains("topic shop.public.orders", "topic shop.dlq", "connector shop-cdc",
        "connector orders-read-model", "connector audit-log");
    for (ConnectorConfig c : ConnectorConfigs.forPipeline(trial)) {
      assertThat(rest.connectorConfig(c.name()).orElseThrow()).containsAllEntriesOf(c.config());
    }
    List<ConnectorStatus> statuses = Deployer.awaitRunning(trial, rest, Duration.ofMinutes(3));
    assertThat(statuses).as("connector statuses").allSatisfy(s -> assertThat(s.running()).as(s.toString()).isTrue());

    try (Connection c = pg.connect("shop"); Statement s = c.createStatement()) {
      s.execute("INSERT INTO public.orders VALUES (101, 2, 99.00), (102, 1, 5.25)");
      s.execute("UPDATE public.customers SET name = 'Ada Lovelace' WHERE id = 1");
    }
    Map<Integer, String> orders = awaitRows("orders", 3);
    assertThat(orders).containsKeys(100, 101, 102);
    assertThat(awaitValue("customers", 1, "Ada Lovelace")).isTrue();
    // the file sink is a task of its own: the read model having the row says nothing about it
    assertThat(awaitFileContains(work.resolve("audit.jsonl"), "\"id\":101")).isTrue();
  }

  @Test
  @Order(2)
  void deployingAgainChangesNothingAndKeepsConnectorsRunning() throws Exception {
    List<String> log = new ArrayList<>();
    try (KafkaTopicCreator topics = new KafkaTopicCreator(KafkaTopicCreator.clientProperties(trial.cluster(),
        kafka.bootstrapServers()))) {
      Deployer.deploy(trial, rest, topics, log::add);
    }
    // The Java deployer makes the same calls as deploy.sh: everything exists already.
    assertThat(log).contains("topic shop.public.orders: exists", "topic shop.dlq: exists",
        "connector shop-cdc: updated", "connector orders-read-model: updated", "connector audit-log: updated");
    assertThat(Deployer.awaitRunning(trial, rest, Duration.ofMinutes(2))).allMatch(ConnectorStatus::running);
  }

  @Test
  @Order(3)
  void diffIsCleanAfterDeployAndReportsAPropertyChangedOnTheCluster() throws Exception {
    Path file = work.resolve("local-trial.yaml");
    PipelineFile.save(trial, file);
    assertThat(diff(file)).isZero();
    // The topics deploy.sh created are what the drawing says, too.
    StringWriter clean = new StringWriter();
    assertThat(diff(file, clean, "--bootstrap-servers", kafka.bootstrapServers())).as(clean.toString()).isZero();

    Map<String, String> changed = new TreeMap<>(rest.connectorConfig("orders-read-model").orElseThrow());
    changed.put("batch.size", "1000");
    rest.putConnectorConfig("orders-read-model", changed);
    StringWriter out = new StringWriter();
    assertThat(diff(file, out)).isEqualTo(1);
    assertThat(out.toString().strip())
        .isEqualTo("orders-read-model: batch.size is '500' in the drawing, '1000' on the cluster");

    // The desktop's "Compare with cluster…" shows the same drift as a warning on the drawn node.
    var outcome = dev.pipewright.app.diff.ClusterDiffViewModel.run(trial, file, worker.url());
    assertThat(outcome.failed()).as(String.valueOf(outcome.error())).isFalse();
    assertThat(outcome.findings()).singleElement().satisfies(f -> {
      assertThat(f.ruleId()).isEqualTo("PW-DRIFT");
      assertThat(f.node()).isEqualTo("orders-read-model");
      assertThat(f.field()).isEqualTo("batch.size");
      assertThat(f.message()).isEqualTo("On the cluster, batch.size is '1000'; the drawing says '500'");
      assertThat(f.message() + f.fix()).doesNotContain(READMODEL_SECRET).doesNotContain(SHOP_SECRET);
    });
  }

  @Test
  @Order(5)
  void secretValuesTheWorkerResolvedAppearInNoExportedFileStoredConfigOrLogLine() throws Exception {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(exportDir)) {
      s.filter(Files::isRegularFile).forEach(files::add);
    }
    files.add(worker.log());
    for (Path f : files) {
      String text = Files.readString(f);
      assertThat(text).as(f.toString()).doesNotContain(SHOP_SECRET).doesNotContain(READMODEL_SECRET);
    }
    assertThat(Files.readString(worker.log())).as("the worker ran and logged").contains("shop-cdc");
    for (ConnectorConfig c : ConnectorConfigs.forPipeline(trial)) {
      assertThat(rest.connectorConfig(c.name()).orElseThrow().toString())
          .doesNotContain(SHOP_SECRET).doesNotContain(READMODEL_SECRET);
    }
  }

  @Test
  @Order(4)
  void everyExportedConfigOfAPluginTheWorkerHasPassesItsValidation() throws Exception {
    int checked = 0;
    try (Stream<Path> s = Files.list(Path.of("examples"))) {
      for (Path example : s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        Pipeline p = PipelineFile.load(example);
        for (Node n : p.nodes()) {
          if (!ConnectorConfigs.isConnectorNode(p, n)) {
            continue;
          }
          ConnectorConfig c = ConnectorConfigs.forNode(p, n);
          if (!installed(c.connectorClass())) {
            continue;
          }
          Map<String, String> config = reachable(example, c);
          ConnectRestClient.Validation v = rest.validate(c.connectorClass(), config);
          assertThat(v.errors()).as(example.getFileName() + " " + c.name()).isEmpty();
          assertThat(v.errorCount()).isZero();
          checked++;
        }
      }
    }
    assertThat(checked).as("connectors validated by the worker").isGreaterThanOrEqualTo(8);
  }

  /**
   * The config as the worker stores it on PUT (with its name), its database endpoint (host,
   * port, user, TLS mode) pointed at this test's PostgreSQL because Debezium's validation
   * connects to the database; every other property is validated as exported.
   */
  private static Map<String, String> reachable(Path example, ConnectorConfig c) throws Exception {
    Map<String, String> m = new TreeMap<>(c.config());
    m.put("name", c.name()); // what PUT /connectors/{name}/config adds from the path
    // The worker resolves ${file:…} references while validating; give them a file it can read.
    Path secrets = work.resolve("validate-secrets.properties");
    for (String k : c.secretKeys()) {
      m.put(k, dev.pipewright.exporters.Text.replaceRefs(m.get(k), r -> {
        if ("env".equals(r.provider())) {
          return r.toString();
        }
        try {
          Files.writeString(secrets, r.key() + "=validate-only\n", java.nio.file.StandardOpenOption.CREATE,
              java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        return "${file:" + secrets + ":" + r.key() + "}";
      }));
    }
    if (m.containsKey("database.dbname")) {
      pg.createDatabaseIfMissing(m.get("database.dbname"));
      m.put("database.hostname", "localhost");
      m.put("database.port", Integer.toString(pg.port()));
      m.put("database.user", EmbeddedPostgres.SUPERUSER);
      m.put("database.sslmode", "disable"); // the test's server has no TLS; production examples require it
    }
    return m;
  }

  private static boolean installed(String cls) {
    try {
      Class.forName(cls, false, ConnectExportIT.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private static int diff(Path file) {
    return diff(file, new StringWriter());
  }

  private static int diff(Path file, StringWriter out, String... more) {
    CommandLine cl = new CommandLine(new DiffCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    List<String> args = new ArrayList<>(List.of(file.toString(), "--connect-url", worker.url()));
    args.addAll(List.of(more));
    return cl.execute(args.toArray(String[]::new));
  }

  /** Polls the read model until the table whose name ends with {@code suffix} holds {@code n} rows. */
  private static Map<Integer, String> awaitRows(String suffix, int n) throws Exception {
    Map<Integer, String> rows = Map.of();
    for (int i = 0; i < 600 && rows.size() < n; i++) {
      rows = rows(suffix);
      if (rows.size() < n) {
        Thread.sleep(200);
      }
    }
    return rows;
  }

  private static boolean awaitValue(String suffix, int id, String expected) throws Exception {
    for (int i = 0; i < 600; i++) {
      if (expected.equals(rows(suffix).get(id))) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }

  private static boolean awaitFileContains(Path file, String text) throws Exception {
    for (int i = 0; i < 600; i++) {
      if (Files.exists(file) && Files.readString(file).contains(text)) {
        return true;
      }
      Thread.sleep(200);
    }
    return false;
  }

  private static Map<Integer, String> rows(String suffix) throws Exception {
    Map<Integer, String> out = new TreeMap<>();
    try (Connection c = pg.connect("readmodel"); Statement s = c.createStatement()) {
      String table = null;
      try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables "
          + "WHERE table_schema = 'public' AND table_name LIKE '%" + suffix + "'")) {
        if (rs.next()) {
          table = rs.getString(1);
        }
      }
      if (table == null) {
        return out;
      }
      String second = suffix.equals("orders") ? "customer_id::text" : "name";
      try (ResultSet rs = s.executeQuery("SELECT id, " + second + " FROM \"" + table + "\"")) {
        while (rs.next()) {
          out.put(rs.getInt(1), rs.getString(2));
        }
      }
    }
    return out;
  }
}
