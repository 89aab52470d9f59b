package dev.pipewright.monitor.pg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.monitor.Health;
import dev.pipewright.monitor.MutableClock;
import dev.pipewright.runtime.pg.EmbeddedPostgres;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.PGReplicationStream;

/** Replication-slot health against a real PostgreSQL with a real logical-replication consumer. */
class ReplicationSlotCollectorIT {
  @TempDir static Path dir;
  static EmbeddedPostgres pg;

  @BeforeAll
  static void start() throws Exception {
    pg = EmbeddedPostgres.builder().dataDir(dir.resolve("pg")).build().start();
    pg.createDatabaseIfMissing("shop");
    try (Connection c = pg.connect("shop"); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE orders (id serial PRIMARY KEY, note text)");
      s.execute("CREATE PUBLICATION shop_pub FOR TABLE orders");
      s.execute("SELECT pg_create_logical_replication_slot('shop_slot', 'pgoutput')");
    }
  }

  @AfterAll
  static void stop() {
    pg.close();
  }

  static void insertRows(int n) throws Exception {
    try (Connection c = pg.connect("shop"); Statement s = c.createStatement()) {
      s.execute("INSERT INTO orders (note) SELECT repeat('x', 200) FROM generate_series(1, " + n + ")");
    }
  }

  /** A pgoutput consumer on the slot, like Debezium's: reads everything and confirms it. */
  static Connection replicationConnection() throws Exception {
    Properties p = new Properties();
    PGProperty.USER.set(p, EmbeddedPostgres.SUPERUSER);
    PGProperty.REPLICATION.set(p, "database");
    PGProperty.ASSUME_MIN_SERVER_VERSION.set(p, "10");
    PGProperty.PREFER_QUERY_MODE.set(p, "simple");
    return DriverManager.getConnection("jdbc:postgresql://localhost:" + pg.port() + "/shop", p);
  }

  /**
   * Reads the stream up to the commit of the transaction just written (pgoutput's 'C' message),
   * confirming as it goes, and tells the server at once.
   */
  static void consumeTransaction(PGReplicationStream stream) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    boolean committed = false;
    while (!committed) {
      assertThat(System.nanoTime()).as("the transaction's commit within 60 s").isLessThan(deadline);
      ByteBuffer msg = stream.readPending();
      if (msg == null) {
        Thread.sleep(20);
        continue;
      }
      committed = msg.get(msg.position()) == 'C';
      stream.setAppliedLSN(stream.getLastReceiveLSN());
      stream.setFlushedLSN(stream.getLastReceiveLSN());
    }
    stream.forceUpdateStatus();
  }

  @Test
  void slotWhoseConsumerStopsShowsRetainedWalGrowingAsRowsAreWritten() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    try (ReplicationSlotCollector slots = new ReplicationSlotCollector(pg.jdbcUrl("shop"), null, null, clock)) {
      try (Connection rc = replicationConnection()) {
        PGReplicationStream stream = rc.unwrap(PGConnection.class).getReplicationAPI().replicationStream().logical()
            .withSlotName("shop_slot").withSlotOption("proto_version", 1).withSlotOption("publication_names", "shop_pub")
            .withStatusInterval(200, TimeUnit.MILLISECONDS).start();
        insertRows(2000);
        consumeTransaction(stream);
        SlotStatus live = awaitConfirmed(slots);
        assertThat(live.active()).isTrue();
        assertThat(live.plugin()).isEqualTo("pgoutput");
        assertThat(live.walStatus()).isEqualTo("reserved");
        assertThat(live.unconfirmedBytes()).as("the consumer confirmed what it read").isLessThan(64 * 1024);
        stream.close();
      }

      clock.advance(Duration.ofSeconds(10));
      SlotReport stopped = awaitInactive(slots, clock);
      SlotStatus before = stopped.slot("shop_slot").orElseThrow();

      insertRows(20_000);
      clock.advance(Duration.ofSeconds(10));
      SlotReport grown = slots.poll();
      SlotStatus after = grown.slot("shop_slot").orElseThrow();
      // 20,000 rows of ~200 bytes write several MB of WAL the slot now holds back
      assertThat(after.retainedBytes() - before.retainedBytes()).isGreaterThan(4L * 1024 * 1024);
      assertThat(after.growthBytesPerSecond()).isGreaterThan(400_000);
      assertThat(after.safeWalSize()).as("max_slot_wal_keep_size is unlimited").isEqualTo(-1);
      assertThat(grown.health().level()).isEqualTo(Health.Level.AMBER);
      assertThat(grown.health().reason()).contains("shop_slot", "no consumer", "growing");
    }
  }

  /** Polls until the slot's consumer has confirmed nearly all WAL (its status reaches the server asynchronously). */
  static SlotStatus awaitConfirmed(ReplicationSlotCollector slots) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    SlotStatus s = slots.poll().slot("shop_slot").orElseThrow();
    while (s.unconfirmedBytes() >= 64 * 1024 && System.nanoTime() < deadline) {
      Thread.sleep(50);
      s = slots.poll().slot("shop_slot").orElseThrow();
    }
    return s;
  }

  static SlotReport awaitInactive(ReplicationSlotCollector slots, MutableClock clock) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    SlotReport r = slots.poll();
    while (r.slot("shop_slot").orElseThrow().active() && System.nanoTime() < deadline) {
      Thread.sleep(50); // the walsender notices the closed connection asynchronously
      clock.advance(Duration.ofMillis(50));
      r = slots.poll();
    }
    assertThat(r.slot("shop_slot").orElseThrow().active()).isFalse();
    return r;
  }

  @Test
  void serverThatIsDownIsRedWithAReason() {
    // a port nothing listens on
    ReplicationSlotCollector slots = new ReplicationSlotCollector("jdbc:postgresql://localhost:9/shop", "postgres", null,
        new MutableClock(Instant.EPOCH));
    SlotReport r = slots.poll();
    assertThat(r.health().level()).isEqualTo(Health.Level.RED);
    assertThat(r.health().reason()).contains("localhost:9", "unreachable");
  }
}
