package dev.pipewright.runtime.bench;

import dev.pipewright.model.Pipeline;
import dev.pipewright.model.io.PipelineFile;
import dev.pipewright.runtime.JsonLinesAudit;
import dev.pipewright.runtime.Trial;
import dev.pipewright.runtime.pg.EmbeddedPostgres;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Repeats: run {@code pipewright run} with a workload in a child JVM, kill it with SIGKILL at a
 * random moment after it started streaming, then resume the trial on the same work directory
 * (no workload) until the read model catches up, and report per cycle the rows lost (rows that
 * differ between source and read model after catching up) and the duplicate events the kill
 * caused in the JSON-lines sink. Run with bench/runtime/chaos.sh.
 */
public final class ChaosDriver {
  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]).toAbsolutePath();
    int cycles = Integer.parseInt(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
    Random rnd = new Random(seed);
    Pipeline pipeline = PipelineFile.load(Path.of("examples/local-trial.yaml"));
    Path audit = work.resolve("audit.jsonl");
    long dupBefore = 0;
    long totalLost = 0;
    System.out.println("| cycle | killed after streaming for | source rows | rows lost | duplicate events (this cycle) |");
    System.out.println("|---|---|---|---|---|");
    for (int cycle = 1; cycle <= cycles; cycle++) {
      Path log = work.resolve("child-" + cycle + ".log");
      Files.createDirectories(work);
      Process child = new ProcessBuilder(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
          "-Xmx768m", "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
          "dev.pipewright.app.cli.RunCommand", "examples/local-trial.yaml", "--work-dir", work.toString(),
          "--rate", "300", "--large-tx", cycle % 3 == 0 ? "2000" : "0")
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(400);
      while (System.nanoTime() < deadline && child.isAlive() && !Files.readString(log).contains("Streaming")) {
        Thread.sleep(100);
      }
      long waitMs = 1_000 + rnd.nextInt(20_000);
      Thread.sleep(waitMs);
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);

      long lost;
      long sourceRows;
      try (Trial trial = Trial.builder().pipeline(pipeline).workDir(work).build()) {
        trial.start();
        EmbeddedPostgres pg = trial.embeddedPostgres("shop-db").orElseThrow();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        lost = differences(pg);
        while (lost > 0 && System.nanoTime() < until) {
          Thread.sleep(500);
          lost = differences(pg);
        }
        trial.awaitSinksCaughtUp(java.time.Duration.ofSeconds(30));
        sourceRows = count(pg);
      }
      long dup = JsonLinesAudit.duplicates(audit);
      totalLost += lost;
      System.out.printf(Locale.ROOT, "| %d | %.1f s | %d | %d | %d |%n", cycle, waitMs / 1000.0, sourceRows, lost,
          dup - dupBefore);
      dupBefore = dup;
    }
    System.out.printf(Locale.ROOT, "%d cycles, %d rows lost in total, %d duplicate events in total%n", cycles, totalLost,
        dupBefore);
  }

  private static long count(EmbeddedPostgres pg) throws Exception {
    try (Connection c = pg.connect("shop"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT (SELECT count(*) FROM public.orders) + (SELECT count(*) FROM public.customers)")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Rows present in one side and not the other, or present in both with different values. */
  private static long differences(EmbeddedPostgres pg) {
    try {
      Set<String> src = rows(pg, "shop", "SELECT 'o', id, customer_id, status, total::text, updated_at FROM public.orders "
          + "UNION ALL SELECT 'c', id, 0, name || email, tier, null FROM public.customers");
      Set<String> dst = rows(pg, "readmodel", "SELECT 'o', id, customer_id, status, total::text, updated_at "
          + "FROM shop_public_orders UNION ALL SELECT 'c', id, 0, name || email, tier, null FROM shop_public_customers");
      Set<String> diff = new HashSet<>(src);
      diff.removeAll(dst);
      Set<String> extra = new HashSet<>(dst);
      extra.removeAll(src);
      return diff.size() + extra.size();
    } catch (Exception e) {
      return Long.MAX_VALUE; // tables not there yet
    }
  }

  private static Set<String> rows(EmbeddedPostgres pg, String db, String sql) throws Exception {
    Set<String> out = new HashSet<>();
    try (Connection c = pg.connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          b.append(rs.getString(i)).append('|');
        }
        out.add(b.toString());
      }
    }
    return out;
  }

  private ChaosDriver() {}
}
