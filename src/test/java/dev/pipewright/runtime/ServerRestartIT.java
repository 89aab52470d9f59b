package dev.pipewright.runtime;

import static dev.pipewright.runtime.TrialFixtures.customers;
import static dev.pipewright.runtime.TrialFixtures.eventually;
import static dev.pipewright.runtime.TrialFixtures.orders;
import static dev.pipewright.runtime.TrialFixtures.quietly;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.runtime.kafka.EmbeddedKafka;
import dev.pipewright.runtime.pg.EmbeddedPostgres;
import dev.pipewright.runtime.workload.DemoWorkload;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running trial rides out a broker restart and a PostgreSQL restart: the read model still ends equal to the source. */
class ServerRestartIT {

  @TempDir
  Path work;

  @Test
  void brokerAndDatabaseRestartsLoseNothing() throws Exception {
    try (Trial trial = Trial.builder().pipeline(TrialFixtures.localTrial()).workDir(work).build()) {
      trial.start();
      EmbeddedPostgres pg = trial.embeddedPostgres("shop-db").orElseThrow();
      EmbeddedKafka kafka = trial.embeddedKafka().orElseThrow();
      String shop = pg.jdbcUrl("shop");
      String readModel = pg.jdbcUrl("readmodel");

      try (Connection c = pg.connect("shop")) {
        DemoWorkload.mixedBatch(c, 1, 100, 0);
      }
      // changes made while the broker is down wait in the capture until it is back
      kafka.close();
      try (Connection c = pg.connect("shop")) {
        DemoWorkload.mixedBatch(c, 2, 100, 300);
      }
      kafka.start();

      pg.close();
      pg.start();
      try (Connection c = pg.connect("shop")) {
        DemoWorkload.mixedBatch(c, 3, 100, 300);
      }

      boolean same = eventually(Duration.ofSeconds(240), quietly(() ->
          orders(shop, "public.orders").equals(orders(readModel, "shop_public_orders"))
              && customers(shop, "public.customers").equals(customers(readModel, "shop_public_customers"))));
      assertThat(orders(readModel, "shop_public_orders")).isEqualTo(orders(shop, "public.orders"));
      assertThat(customers(readModel, "shop_public_customers")).isEqualTo(customers(shop, "public.customers"));
      assertThat(same).isTrue();
      assertThat(trial.phase()).isEqualTo(TrialPhase.STREAMING);
    }
  }
}
