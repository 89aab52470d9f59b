package dev.pipewright.runtime;

import static dev.pipewright.runtime.TrialFixtures.customers;
import static dev.pipewright.runtime.TrialFixtures.eventually;
import static dev.pipewright.runtime.TrialFixtures.orders;
import static dev.pipewright.runtime.TrialFixtures.quietly;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.runtime.pg.EmbeddedPostgres;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trial killed with SIGKILL in the middle of a workload (a child JVM running {@code pipewright
 * run}) and started again on the same work directory loses nothing: the read model ends equal to
 * the source. Duplicates, which at-least-once delivery allows, are counted and reported.
 */
class KillAndResumeIT {

  @TempDir
  Path work;

  @Test
  void killedTrialResumesWithZeroRowsLost() throws Exception {
    Path log = work.resolve("child.log");
    Process child = new ProcessBuilder(javaBin(), "-Xmx768m", "-cp", System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "dev.pipewright.app.cli.RunCommand", "examples/local-trial.yaml",
        "--work-dir", work.toString(), "--rate", "300")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Path audit = work.resolve("audit.jsonl");
    try {
      // kill it while the workload runs and every sink is busy
      boolean streaming = eventually(Duration.ofSeconds(300), () -> JsonLinesAudit.lines(audit) > 1500);
      assertThat(streaming).as("child trial streams; its log:%n%s", tail(log)).isTrue();
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(child.isAlive()).isFalse();
    long linesAtKill = JsonLinesAudit.lines(audit);

    Trial trial = Trial.builder().pipeline(TrialFixtures.localTrial()).workDir(work).build();
    try (trial) {
      trial.start();
      EmbeddedPostgres pg = trial.embeddedPostgres("shop-db").orElseThrow();
      String shop = pg.jdbcUrl("shop");
      String readModel = pg.jdbcUrl("readmodel");
      boolean same = eventually(Duration.ofSeconds(180), quietly(() ->
          orders(shop, "public.orders").equals(orders(readModel, "shop_public_orders"))
              && customers(shop, "public.customers").equals(customers(readModel, "shop_public_customers"))));
      assertThat(orders(readModel, "shop_public_orders")).as("orders after kill -9 and resume")
          .isEqualTo(orders(shop, "public.orders"));
      assertThat(customers(readModel, "shop_public_customers")).isEqualTo(customers(shop, "public.customers"));
      assertThat(same).isTrue();
      assertThat(trial.awaitSinksCaughtUp(Duration.ofSeconds(60))).isTrue();
    }
    long duplicates = JsonLinesAudit.duplicates(audit);
    System.out.printf("kill -9 after %d audit lines: 0 rows lost, %d duplicate events in the audit file%n",
        linesAtKill, duplicates);
  }

  private static String tail(Path f) {
    try {
      List<String> l = Files.readAllLines(f);
      return String.join("\n", l.subList(Math.max(0, l.size() - 30), l.size()));
    } catch (Exception e) {
      return "(no log)";
    }
  }

  private static String javaBin() {
    return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
  }
}
