package dev.pipewright.runtime.pg;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The demo shop the local trial seeds into an embedded source database: {@code public.customers}
 * and {@code public.orders} (as in {@code examples/local-trial.yaml}) with a few hundred rows.
 * Orders use {@code REPLICA IDENTITY FULL} so updates and deletes carry the whole row before the
 * change (the trial shows it on the edges); customers keep the default (primary key), enough for
 * sinks that upsert by key.
 */
public final class DemoSchema {
  public static final int SEED_CUSTOMERS = 50;
  public static final int SEED_ORDERS = 200;

  private DemoSchema() {}

  /** Creates and seeds the tables unless {@code public.customers} already exists; true when it seeded. */
  public static boolean createIfMissing(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT to_regclass('public.customers') IS NOT NULL")) {
      rs.next();
      if (rs.getBoolean(1)) {
        return false;
      }
    }
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE public.customers ("
          + "id serial PRIMARY KEY, name text NOT NULL, email text NOT NULL, tier text NOT NULL DEFAULT 'standard')");
      s.execute("CREATE TABLE public.orders ("
          + "id serial PRIMARY KEY, customer_id int NOT NULL, status text NOT NULL, "
          + "total numeric(10,2) NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())");
      s.execute("ALTER TABLE public.orders REPLICA IDENTITY FULL");
      s.execute("INSERT INTO public.customers (name, email, tier) SELECT 'Customer ' || g, "
          + "'customer' || g || '@example.com', (ARRAY['standard','gold','platinum'])[1 + g % 3] "
          + "FROM generate_series(1, " + SEED_CUSTOMERS + ") g");
      s.execute("INSERT INTO public.orders (customer_id, status, total, updated_at) SELECT 1 + g % "
          + SEED_CUSTOMERS + ", (ARRAY['new','paid','shipped'])[1 + g % 3], round((g * 7.31) % 500 + 5, 2), "
          + "now() - (g || ' minutes')::interval FROM generate_series(1, " + SEED_ORDERS + ") g");
      c.commit();
      return true;
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }
}
