package dev.pipewright.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pipewright.model.Cluster;
import dev.pipewright.model.Converter;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Environment;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.runtime.pg.EmbeddedPostgres;
import dev.pipewright.runtime.util.Loopback;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Problems with a database the trial does not own are reported, one sentence each, before anything starts. */
class PreflightIT {

  @TempDir
  Path work;

  @Test
  void unreachableDatabaseIsReportedBeforeAnythingStarts() {
    int closedPort = Loopback.freePort();
    Pipeline p = pipeline(closedPort, "public.orders", "shop.public.orders");
    List<TrialPhase> started = new ArrayList<>();
    Trial trial = Trial.builder().pipeline(p).workDir(work.resolve("trial")).listener(new TrialListener() {
      @Override
      public void phaseStarted(TrialPhase phase, java.time.Duration sinceStart) {
        started.add(phase);
      }
    }).build();

    TrialException e = catchThrowableOfType(TrialException.class, trial::start);

    assertThat(e.phase()).isEqualTo(TrialPhase.PREFLIGHT);
    assertThat(e.getMessage()).contains("Cannot connect to PostgreSQL at localhost:" + closedPort + "/shop")
        .contains("Check that the server runs");
    assertThat(started).containsExactly(TrialPhase.PREFLIGHT);
    assertThat(trial.phase()).isEqualTo(TrialPhase.FAILED);
    assertThat(Files.exists(work.resolve("trial").resolve("kafka"))).as("Kafka never started").isFalse();
  }

  @Test
  void tableWithoutKeyForAnUpsertSinkIsReportedBeforeAnythingStarts() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().dataDir(work.resolve("external-pg")).build().start()) {
      pg.createDatabaseIfMissing("shop");
      try (Connection c = pg.connect("shop"); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE public.events (happened_at timestamptz, what text)");
      }
      Pipeline p = pipeline(pg.port(), "public.events", "shop.public.events");
      Trial trial = Trial.builder().pipeline(p).workDir(work.resolve("trial")).build();

      TrialException e = catchThrowableOfType(TrialException.class, trial::start);

      assertThat(e.phase()).isEqualTo(TrialPhase.PREFLIGHT);
      assertThat(e.problems()).hasSize(2);
      assertThat(e.problems().get(0)).contains("public.events has no primary key and no replica identity")
          .contains("REPLICA IDENTITY FULL");
      assertThat(e.problems().get(1)).contains("upsert sink 'read-model'").contains("Add a primary key to public.events");
      assertThat(Files.exists(work.resolve("trial").resolve("kafka"))).as("Kafka never started").isFalse();
    }
  }

  /** An external PostgreSQL source on {@code port}, one capture, one topic and an upsert JDBC sink. */
  private static Pipeline pipeline(int port, String table, String topic) {
    Node db = new Node("shop-db", NodeKind.POSTGRES, null, Map.of("host", "localhost", "port", Integer.toString(port),
        "database", "shop", "user", "postgres", "password", "trusted-locally", "embedded", "false"));
    Node cdc = new Node("shop-cdc", NodeKind.DEBEZIUM, null, Map.of("topic.prefix", "shop", "table.include.list", table));
    Node t = new Node(topic, NodeKind.TOPIC, null, Map.of("replication.factor", "1"));
    Node sink = new Node("read-model", NodeKind.JDBC_SINK, null, Map.of(
        "connection.url", "jdbc:postgresql://localhost:" + port + "/readmodel", "primary.key.mode", "record_key"));
    return new Pipeline("preflight", "", Environment.LOCAL, Converter.JSON_SCHEMAS, List.of(Cluster.local("local")),
        List.of(db, cdc, t, sink), List.of(new Edge("shop-db", "shop-cdc"), new Edge("shop-cdc", topic),
            new Edge(topic, "read-model")), List.of());
  }
}
