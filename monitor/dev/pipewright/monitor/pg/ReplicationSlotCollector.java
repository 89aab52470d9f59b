package dev.pipewright.monitor.pg;

import dev.pipewright.monitor.Health;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Watches the replication slots of one PostgreSQL server: {@code active}, {@code wal_status},
 * {@code safe_wal_size}, the WAL each slot holds back and how fast that grows between polls, so
 * the monitor can warn before the disk fills. Keeps one JDBC connection and reopens it after a
 * failure. Not thread-safe: one poll thread owns it.
 */
public final class ReplicationSlotCollector implements AutoCloseable {
  static final String QUERY = """
      select slot_name, coalesce(plugin, '') as plugin, coalesce(database, '') as database, active,
             coalesce(wal_status, '') as wal_status, safe_wal_size,
             pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint as retained,
             coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn), 0)::bigint as unconfirmed
      from pg_replication_slots order by slot_name""";

  private final String jdbcUrl;
  private final Properties connectProps;
  private final Clock clock;
  private final Map<String, Previous> previous = new HashMap<>();
  private Connection connection;

  private record Previous(long retained, Instant at) {}

  /**
   * @param user database user (needs {@code pg_monitor} or superuser to read slots)
   * @param password the resolved password, used to connect and not kept beyond the driver's copy
   */
  public ReplicationSlotCollector(String jdbcUrl, String user, String password, Clock clock) {
    this.jdbcUrl = jdbcUrl;
    this.clock = clock;
    this.connectProps = new Properties();
    if (user != null) {
      connectProps.setProperty("user", user);
    }
    if (password != null) {
      connectProps.setProperty("password", password);
    }
    // Fail fast when the server is down instead of the driver's unbounded defaults.
    connectProps.setProperty("connectTimeout", "3");
    connectProps.setProperty("socketTimeout", "10");
    connectProps.setProperty("ApplicationName", "pipewright-monitor");
  }

  /** Reads every slot; a server that is down or refuses access gives a RED report with the reason. */
  public SlotReport poll() {
    Instant at = clock.instant();
    try {
      if (connection == null || connection.isClosed()) {
        connection = DriverManager.getConnection(jdbcUrl, connectProps);
      }
      List<SlotStatus> slots = new ArrayList<>();
      try (PreparedStatement st = connection.prepareStatement(QUERY); ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          slots.add(slot(rs, at));
        }
      }
      previous.keySet().retainAll(slots.stream().map(SlotStatus::slotName).toList());
      Health health = Health.GREEN;
      for (SlotStatus s : slots) {
        health = health.worst(s.health());
      }
      return new SlotReport(at, health, slots);
    } catch (SQLException e) {
      closeQuietly();
      return new SlotReport(at, Health.red(describe(e)), List.of());
    }
  }

  private SlotStatus slot(ResultSet rs, Instant at) throws SQLException {
    String name = rs.getString("slot_name");
    long safe = rs.getLong("safe_wal_size");
    if (rs.wasNull()) {
      safe = -1;
    }
    long retained = rs.getLong("retained");
    Previous prev = previous.put(name, new Previous(retained, at));
    double growth = Double.NaN;
    if (prev != null && at.isAfter(prev.at())) {
      growth = (retained - prev.retained()) / (Duration.between(prev.at(), at).toMillis() / 1000.0);
    }
    Duration toUnsafe = safe >= 0 && growth > 0 ? Duration.ofMillis(Math.round(safe / growth * 1000)) : null;
    boolean active = rs.getBoolean("active");
    String walStatus = rs.getString("wal_status");
    return new SlotStatus(name, rs.getString("plugin"), rs.getString("database"), active, walStatus, safe,
        retained, rs.getLong("unconfirmed"), growth, toUnsafe, health(name, active, walStatus, growth));
  }

  private static Health health(String name, boolean active, String walStatus, double growth) {
    return switch (walStatus) {
      case "lost" -> Health.red("slot " + name + " lost required WAL; the connector must re-snapshot");
      case "unreserved" -> Health.red("slot " + name
          + " holds more WAL than max_slot_wal_keep_size allows and will lose it at the next checkpoint");
      case "extended" -> Health.amber("slot " + name + " holds more WAL than max_wal_size; is its consumer keeping up?");
      default -> !active && growth > 0
          ? Health.amber("slot " + name + " has no consumer and its retained WAL is growing")
          : Health.GREEN;
    };
  }

  private String describe(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String where = jdbcUrl.replaceAll("\\?.*$", "");
    if (state.startsWith("08")) {
      return "PostgreSQL at " + where + " is unreachable (" + e.getMessage() + "); is the server up?";
    }
    if (state.startsWith("28")) {
      return "PostgreSQL at " + where + " refused the login (" + e.getMessage() + "); check user and password";
    }
    if (state.equals("42501")) {
      return "PostgreSQL at " + where + " denied reading pg_replication_slots; grant pg_monitor to the user";
    }
    return "reading replication slots at " + where + " failed: " + e.getMessage();
  }

  private void closeQuietly() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // the connection is broken already; a new one is opened on the next poll
      }
      connection = null;
    }
  }

  @Override
  public void close() {
    closeQuietly();
  }
}
