package dev.pipewright.runtime;

import static dev.pipewright.runtime.TrialFixtures.customers;
import static dev.pipewright.runtime.TrialFixtures.eventually;
import static dev.pipewright.runtime.TrialFixtures.orders;
import static dev.pipewright.runtime.TrialFixtures.quietly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pipewright.model.Cluster;
import dev.pipewright.model.Pipeline;
import dev.pipewright.runtime.kafka.SecuredKafka;
import dev.pipewright.runtime.pg.EmbeddedPostgres;
import dev.pipewright.runtime.workload.DemoWorkload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example trial against an existing, secured Kafka (SCRAM-SHA-512 over TLS) instead of the
 * embedded broker: every client the trial opens logs in with the cluster's settings, and a wrong
 * password stops the trial in its pre-flight. One broker for the class.
 */
class SecuredKafkaTrialIT {
  @TempDir static Path dir;
  static SecuredKafka kafka;

  @BeforeAll
  static void startBroker() {
    kafka = SecuredKafka.start(dir.resolve("secured"));
  }

  @AfterAll
  static void stop() {
    if (kafka != null) {
      kafka.close();
    }
  }

  private static Pipeline onSecuredCluster(String passwordKey) throws Exception {
    Cluster c = kafka.cluster(SecuredKafka.SASL_TLS, "SCRAM-SHA-512", passwordKey);
    return TrialFixtures.localTrial().withClusters(List.of(c));
  }

  @Test
  void trialStreamsIntoTheSinksThroughASecuredCluster() throws Exception {
    Path work = dir.resolve("trial");
    Trial trial = Trial.builder().pipeline(onSecuredCluster("scram")).workDir(work).build();
    try (trial) {
      trial.start();
      assertThat(trial.phase()).isEqualTo(TrialPhase.STREAMING);
      assertThat(trial.embeddedKafka()).as("no embedded broker").isEmpty();
      assertThat(trial.bootstrapServers()).isEqualTo(kafka.bootstrapServers(SecuredKafka.SASL_TLS));
      EmbeddedPostgres pg = trial.embeddedPostgres("shop-db").orElseThrow();
      try (Connection c = pg.connect("shop")) {
        DemoWorkload.mixedBatch(c, 11, 40, 100);
      }
      String shop = pg.jdbcUrl("shop");
      String readModel = pg.jdbcUrl("readmodel");
      boolean same = eventually(Duration.ofSeconds(90), quietly(() ->
          orders(shop, "public.orders").equals(orders(readModel, "shop_public_orders"))
              && customers(shop, "public.customers").equals(customers(readModel, "shop_public_customers"))));
      assertThat(orders(readModel, "shop_public_orders")).isEqualTo(orders(shop, "public.orders"));
      assertThat(same).isTrue();
      assertThat(trial.awaitSinksCaughtUp(Duration.ofSeconds(30))).isTrue();
    }
    assertThat(trial.phase()).isEqualTo(TrialPhase.STOPPED);
    // the broker holds the sinks' committed offsets: the consumers, too, logged in over SCRAM and TLS
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.plaintextBootstrap()))) {
      Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("connect-orders-read-model")
          .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
      assertThat(committed.values()).anySatisfy(o -> assertThat(o.offset()).isPositive());
    }
    try (Stream<Path> files = Files.walk(work)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
            .doesNotContain(kafka.secret("scram"));
      }
    }
  }

  @Test
  void wrongPasswordFailsThePreflightBeforeAnythingStarts() throws Exception {
    Path work = dir.resolve("refused");
    List<TrialPhase> started = new ArrayList<>();
    Trial trial = Trial.builder().pipeline(onSecuredCluster("wrong")).workDir(work).listener(new TrialListener() {
      @Override
      public void phaseStarted(TrialPhase phase, Duration sinceStart) {
        started.add(phase);
      }
    }).build();

    TrialException e = catchThrowableOfType(TrialException.class, trial::start);

    assertThat(e.phase()).isEqualTo(TrialPhase.PREFLIGHT);
    assertThat(e.getMessage()).contains("Kafka at " + kafka.bootstrapServers(SecuredKafka.SASL_TLS)
            + " rejected the login of user '" + SecuredKafka.SCRAM_USER + "' with SCRAM-SHA-512")
        .contains("Check security.username and the secret behind security.password")
        .doesNotContain(kafka.secret("wrong"));
    assertThat(started).containsExactly(TrialPhase.PREFLIGHT);
    assertThat(Files.exists(work.resolve("postgres"))).as("PostgreSQL never started").isFalse();
  }

  @Test
  void unresolvedPasswordReferenceFailsThePreflightNamingIt() throws Exception {
    Cluster c = kafka.cluster(SecuredKafka.SASL, "PLAIN", "no-such-key");
    Trial trial = Trial.builder().pipeline(TrialFixtures.localTrial().withClusters(List.of(c)))
        .workDir(dir.resolve("unresolved")).build();

    TrialException e = catchThrowableOfType(TrialException.class, trial::start);

    assertThat(e.phase()).isEqualTo(TrialPhase.PREFLIGHT);
    assertThat(e.getMessage()).contains("security.password", kafka.reference("no-such-key"), "did not resolve");
  }
}
