package dev.pipewright.runtime;

import dev.pipewright.model.Pipeline;
import dev.pipewright.model.io.PipelineFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Shared helpers of the trial's integration tests: the example pipeline and table comparisons. */
final class TrialFixtures {
  private TrialFixtures() {}

  static Pipeline localTrial() throws Exception {
    return PipelineFile.load(Path.of("examples/local-trial.yaml"));
  }

  /** Every row of the demo orders table in a comparable form, ordered by id. */
  static List<String> orders(String jdbcUrl, String table) throws SQLException {
    return rows(jdbcUrl, "SELECT id, customer_id, status, total::text, "
        + "(extract(epoch FROM updated_at) * 1000000)::bigint FROM " + table + " ORDER BY id");
  }

  static List<String> customers(String jdbcUrl, String table) throws SQLException {
    return rows(jdbcUrl, "SELECT id, name, email, tier FROM " + table + " ORDER BY id");
  }

  static List<String> rows(String jdbcUrl, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) {
          b.append(i == 1 ? "" : "|").append(rs.getString(i));
        }
        out.add(b.toString());
      }
    }
    return out;
  }

  /** Polls {@code condition} until it holds or {@code max} passed; the caller asserts afterwards. */
  static boolean eventually(Duration max, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(250);
    }
    return condition.getAsBoolean();
  }

  /** A condition that treats a failing query (e.g. a table not created yet) as "not yet". */
  static BooleanSupplier quietly(SqlCondition c) {
    return () -> {
      try {
        return c.test();
      } catch (SQLException e) {
        return false;
      }
    };
  }

  interface SqlCondition {
    boolean test() throws SQLException;
  }
}
