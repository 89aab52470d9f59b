package dev.pipewright.runtime;

import static dev.pipewright.runtime.TrialFixtures.customers;
import static dev.pipewright.runtime.TrialFixtures.eventually;
import static dev.pipewright.runtime.TrialFixtures.orders;
import static dev.pipewright.runtime.TrialFixtures.quietly;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.model.Edge;
import dev.pipewright.runtime.pg.EmbeddedPostgres;
import dev.pipewright.runtime.stats.EdgeStats;
import dev.pipewright.runtime.stats.SinkStats;
import dev.pipewright.runtime.util.Loopback;
import dev.pipewright.runtime.workload.DemoWorkload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example local trial end to end: embedded PostgreSQL and Kafka, Debezium, the JDBC and file sinks. */
class LocalTrialIT {

  @TempDir
  Path work;

  @Test
  void readModelEqualsSourceRowForRowAfterMixedWorkload() throws Exception {
    List<String> phases = Collections.synchronizedList(new ArrayList<>());
    Trial trial = Trial.builder().pipeline(TrialFixtures.localTrial()).workDir(work)
        .listener(new TrialListener() {
          @Override
          public void phaseCompleted(TrialPhase phase, Duration took) {
            phases.add(phase.name());
          }
        }).build();
    EmbeddedPostgres pg;
    int kafkaPort;
    try (trial) {
      trial.start();
      assertThat(trial.phase()).isEqualTo(TrialPhase.STREAMING);
      assertThat(phases).contains("STARTING_POSTGRES", "STARTING_KAFKA", "PREFLIGHT", "SNAPSHOT");
      pg = trial.embeddedPostgres("shop-db").orElseThrow();
      kafkaPort = Integer.parseInt(trial.bootstrapServers().substring(trial.bootstrapServers().lastIndexOf(':') + 1));
      String shop = pg.jdbcUrl("shop");
      String readModel = pg.jdbcUrl("readmodel");

      long changed;
      try (Connection c = pg.connect("shop")) {
        changed = DemoWorkload.mixedBatch(c, 7, 300, 1500);
      }
      assertThat(changed).isGreaterThan(3000);

      boolean same = eventually(Duration.ofSeconds(120), quietly(() ->
          orders(shop, "public.orders").equals(orders(readModel, "shop_public_orders"))
              && customers(shop, "public.customers").equals(customers(readModel, "shop_public_customers"))));
      assertThat(orders(readModel, "shop_public_orders")).as("read model orders").isEqualTo(orders(shop, "public.orders"));
      assertThat(customers(readModel, "shop_public_customers")).isEqualTo(customers(shop, "public.customers"));
      assertThat(same).isTrue();
      // the read model is one consumer; the audit file and the cache read the same topics on their own
      assertThat(trial.awaitSinksCaughtUp(Duration.ofSeconds(60))).as("every sink caught up").isTrue();

      TrialSnapshot snap = trial.snapshot();
      EdgeStats intoOrders = edge(snap, "shop-cdc", "shop.public.orders");
      assertThat(intoOrders.total()).isGreaterThanOrEqualTo(changed - 300);
      assertThat(intoOrders.lastEvents()).isNotEmpty();
      assertThat(intoOrders.lastEvents().get(intoOrders.lastEvents().size() - 1).op()).isIn("c", "u", "d", "r");
      SinkStats audit = snap.sinks().get("audit-log");
      assertThat(Files.readAllLines(work.resolve("audit.jsonl"))).hasSizeGreaterThanOrEqualTo((int) audit.written());
      assertThat(audit.firstEventAfter()).isNotNull();
      SinkStats cache = snap.sinks().get("customer-cache");
      assertThat(cache.preview()).isTrue();
      assertThat(cache.written()).isGreaterThanOrEqualTo(50);
    }
    assertThat(trial.phase()).isEqualTo(TrialPhase.STOPPED);
    assertThat(Loopback.listening(pg.port())).as("PostgreSQL closed").isFalse();
    assertThat(Loopback.listening(kafkaPort)).as("Kafka closed").isFalse();
  }

  private static EdgeStats edge(TrialSnapshot s, String from, String to) {
    return s.edges().stream().filter(e -> e.edge().equals(new Edge(from, to))).findFirst().orElseThrow();
  }
}
