package dev.pipewright.runtime.workload;

import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes the demo shop ({@code public.customers}, {@code public.orders}) at a chosen rate, the way
 * an application would: single-row inserts, updates and deletes, plus now and then a multi-row
 * INSERT, a COPY, and (once) a large transaction. Counts the rows it changed.
 */
public final class DemoWorkload implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoWorkload.class);

  private final String jdbcUrl;
  private final double rate;
  private final long seed;
  private final int largeTransactionRows;
  private final Duration largeTransactionAfter;
  private final AtomicLong changes = new AtomicLong();
  private final AtomicLong statements = new AtomicLong();
  private volatile boolean running;
  private volatile Exception failure;
  private Thread thread;

  private DemoWorkload(Builder b) {
    this.jdbcUrl = b.jdbcUrl;
    this.rate = b.rate;
    this.seed = b.seed;
    this.largeTransactionRows = b.largeTransactionRows;
    this.largeTransactionAfter = b.largeTransactionAfter;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts changing rows in the background. */
  public DemoWorkload start() {
    running = true;
    thread = new Thread(this::run, "demo-workload");
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  /** Rows inserted, updated or deleted so far (committed). */
  public long changes() {
    return changes.get();
  }

  /** The error that stopped the workload, or null. */
  public Exception failure() {
    return failure;
  }

  private void run() {
    Random rnd = new Random(seed);
    try (Connection c = DriverManager.getConnection(jdbcUrl); Statements st = open(c)) {
      long start = System.nanoTime();
      long nextMultiRow = start + Duration.ofSeconds(3).toNanos();
      long nextCopy = start + Duration.ofSeconds(5).toNanos();
      long largeAt = start + largeTransactionAfter.toNanos();
      boolean largeDone = largeTransactionRows <= 0;
      // At high rates commit a few changes together: one fsync per commit caps single-row commits.
      int perTx = (int) Math.max(1, Math.ceil(rate / 100.0));
      while (running) {
        long now = System.nanoTime();
        if (!largeDone && now >= largeAt) {
          changes.addAndGet(largeTransaction(c, largeTransactionRows));
          largeDone = true;
        } else if (now >= nextMultiRow) {
          changes.addAndGet(multiRowInsert(c, rnd, 20));
          nextMultiRow = now + Duration.ofSeconds(3).toNanos();
        } else if (now >= nextCopy) {
          changes.addAndGet(copy(c, rnd, 50));
          nextCopy = now + Duration.ofSeconds(5).toNanos();
        } else {
          long n = 0;
          for (int i = 0; i < perTx; i++) {
            n += st.singleRow(rnd);
          }
          c.commit();
          changes.addAndGet(n);
        }
        // pace by rows changed so far, so bulk statements count towards the rate
        long due = start + (long) (changes.get() / rate * 1e9);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      if (running) {
        failure = e;
        LOG.warn("demo workload stopped: {}", e.getMessage());
      }
    }
  }

  /**
   * Prepared statements and the current id ranges of one connection, so that a single-row change
   * costs one round trip (ids are re-read every few hundred changes).
   */
  static final class Statements implements AutoCloseable {
    private final Connection c;
    private final PreparedStatement insertOrder;
    private final PreparedStatement updateOrder;
    private final PreparedStatement deleteOrder;
    private final PreparedStatement insertCustomer;
    private final PreparedStatement updateCustomer;
    private long maxOrder;
    private long maxCustomer;
    private int sinceRefresh = Integer.MAX_VALUE;

    Statements(Connection c) throws SQLException {
      this.c = c;
      insertOrder = c.prepareStatement("INSERT INTO public.orders (customer_id, status, total) VALUES (?, 'new', ?)");
      updateOrder = c.prepareStatement("UPDATE public.orders SET status = ?, total = ?, updated_at = now() WHERE id = ?");
      deleteOrder = c.prepareStatement("DELETE FROM public.orders WHERE id = ?");
      insertCustomer = c.prepareStatement("INSERT INTO public.customers (name, email, tier) VALUES (?, ?, 'standard')");
      updateCustomer = c.prepareStatement("UPDATE public.customers SET tier = ? WHERE id = ?");
    }

    /** One random single-row change (not committed); returns rows changed. */
    int singleRow(Random rnd) throws SQLException {
      if (sinceRefresh++ >= 200) {
        maxOrder = maxId(c, "orders");
        maxCustomer = maxId(c, "customers");
        sinceRefresh = 0;
      }
      int dice = rnd.nextInt(100);
      if (dice < 40) {
        insertOrder.setLong(1, 1 + rnd.nextInt((int) Math.max(1, maxCustomer)));
        insertOrder.setBigDecimal(2, money(rnd));
        maxOrder++;
        return insertOrder.executeUpdate();
      } else if (dice < 70) {
        updateOrder.setString(1, new String[] {"paid", "shipped", "delivered", "returned"}[rnd.nextInt(4)]);
        updateOrder.setBigDecimal(2, money(rnd));
        updateOrder.setLong(3, 1 + rnd.nextInt((int) Math.max(1, maxOrder)));
        return updateOrder.executeUpdate();
      } else if (dice < 80) {
        deleteOrder.setLong(1, 1 + rnd.nextInt((int) Math.max(1, maxOrder)));
        return deleteOrder.executeUpdate();
      } else if (dice < 90) {
        int n = rnd.nextInt(1_000_000);
        insertCustomer.setString(1, "Customer " + n);
        insertCustomer.setString(2, "c" + n + "@example.com");
        maxCustomer++;
        return insertCustomer.executeUpdate();
      } else {
        updateCustomer.setString(1, new String[] {"standard", "gold", "platinum"}[rnd.nextInt(3)]);
        updateCustomer.setLong(2, 1 + rnd.nextInt((int) Math.max(1, maxCustomer)));
        return updateCustomer.executeUpdate();
      }
    }

    @Override
    public void close() throws SQLException {
      for (PreparedStatement ps : List.of(insertOrder, updateOrder, deleteOrder, insertCustomer, updateCustomer)) {
        ps.close();
      }
    }
  }

  /** One INSERT with {@code rows} VALUES tuples, committed. */
  public static int multiRowInsert(Connection c, Random rnd, int rows) throws SQLException {
    StringBuilder sql = new StringBuilder("INSERT INTO public.orders (customer_id, status, total) VALUES ");
    for (int i = 0; i < rows; i++) {
      sql.append(i == 0 ? "" : ", ").append("(").append(1 + rnd.nextInt(40)).append(", 'new', ")
          .append(money(rnd).toPlainString()).append(")");
    }
    try (Statement s = c.createStatement()) {
      int n = s.executeUpdate(sql.toString());
      c.commit();
      return n;
    }
  }

  /** {@code rows} orders loaded with COPY FROM STDIN, committed. */
  public static int copy(Connection c, Random rnd, int rows) throws SQLException {
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      csv.append(1 + rnd.nextInt(40)).append(",copied,").append(money(rnd).toPlainString()).append('\n');
    }
    try {
      long n = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
          "COPY public.orders (customer_id, status, total) FROM STDIN WITH (FORMAT csv)", new StringReader(csv.toString()));
      c.commit();
      return (int) n;
    } catch (java.io.IOException e) {
      throw new SQLException("COPY failed: " + e.getMessage(), e);
    }
  }

  /** One transaction inserting {@code rows} orders and updating as many, committed. */
  public static int largeTransaction(Connection c, int rows) throws SQLException {
    try (Statement s = c.createStatement()) {
      int n = s.executeUpdate("INSERT INTO public.orders (customer_id, status, total) SELECT 1 + g % 40, 'bulk', "
          + "round((g * 3.17) % 900 + 1, 2) FROM generate_series(1, " + rows + ") g");
      n += s.executeUpdate("UPDATE public.orders SET status = 'bulk-updated', updated_at = now() WHERE id IN "
          + "(SELECT id FROM public.orders WHERE status = 'bulk' ORDER BY id LIMIT " + rows + ")");
      c.commit();
      return n;
    }
  }

  /**
   * A fixed mix touching every kind of change once or more (single-row inserts, updates and
   * deletes, a multi-row INSERT, a COPY and a large transaction), committed; returns rows changed.
   */
  public static long mixedBatch(Connection c, long seed, int singleRowChanges, int largeTransactionRows)
      throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      Random rnd = new Random(seed);
      long n = 0;
      Statements st = new Statements(c);
      for (int i = 0; i < singleRowChanges; i++) {
        n += st.singleRow(rnd);
        c.commit();
        if (i == singleRowChanges / 3) {
          n += multiRowInsert(c, rnd, 25);
        }
        if (i == singleRowChanges / 2) {
          n += copy(c, rnd, 60);
        }
      }
      n += largeTransaction(c, largeTransactionRows);
      st.close();
      return n;
    } finally {
      c.setAutoCommit(auto);
    }
  }

  private static Statements open(Connection c) throws SQLException {
    c.setAutoCommit(false);
    return new Statements(c);
  }

  private static long maxId(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT coalesce(max(id), 1) FROM public." + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static BigDecimal money(Random rnd) {
    return BigDecimal.valueOf(100 + rnd.nextInt(99_900), 2);
  }

  /** Stops after the current statement. */
  @Override
  public void close() {
    running = false;
    if (thread != null) {
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Builds a {@link DemoWorkload}; the JDBC URL is required. */
  public static final class Builder {
    private String jdbcUrl;
    private double rate = 100;
    private long seed = 42;
    private int largeTransactionRows = 2_000;
    private Duration largeTransactionAfter = Duration.ofSeconds(8);

    private Builder() {}

    public Builder jdbcUrl(String url) {
      this.jdbcUrl = url;
      return this;
    }

    /** Rows changed per second (bulk statements included). */
    public Builder rate(double changesPerSecond) {
      this.rate = changesPerSecond;
      return this;
    }

    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /** Rows of the one large transaction (0 for none) and when it runs after the start. */
    public Builder largeTransaction(int rows, Duration after) {
      this.largeTransactionRows = rows;
      this.largeTransactionAfter = after;
      return this;
    }

    public DemoWorkload build() {
      Objects.requireNonNull(jdbcUrl, "jdbcUrl");
      if (rate <= 0) {
        throw new IllegalArgumentException("rate must be positive");
      }
      return new DemoWorkload(this);
    }
  }
}
