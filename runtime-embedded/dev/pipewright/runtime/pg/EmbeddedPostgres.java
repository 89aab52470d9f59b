package dev.pipewright.runtime.pg;

import dev.pipewright.runtime.util.Loopback;
import dev.pipewright.runtime.util.ServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server (zonky's binaries) for the local trial: loopback only, data kept in
 * a given directory so a restart resumes on the same data, and configured for logical decoding
 * with durable commits. Start with {@link #start()}, stop with {@link #close()}; after closing
 * nothing listens on its port.
 */
public final class EmbeddedPostgres implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgres.class);
  /** The superuser zonky's initdb creates; it authenticates with trust on loopback. */
  public static final String SUPERUSER = "postgres";

  /** How long {@link #close()} waits for the postmaster to exit after pg_ctl returned. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(60);

  private final Path dataDir;
  private final Clock clock;
  private final Duration startupWait;
  private final Map<String, String> serverConfig;
  private int port;
  private io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;
  private Duration lastStartup = Duration.ZERO;

  private EmbeddedPostgres(Builder b) {
    this.dataDir = b.dataDir();
    this.clock = b.clock();
    this.startupWait = b.startupWait();
    this.port = b.port();
    Map<String, String> cfg = new LinkedHashMap<>();
    // zonky starts postgres with -F (fsync off) and asynchronous commit; a trial that is killed
    // must not lose acknowledged commits, and logical decoding lags without synchronous commit.
    cfg.put("fsync", "on");
    cfg.put("synchronous_commit", "on");
    cfg.put("full_page_writes", "on");
    cfg.put("wal_level", "logical");
    cfg.put("max_replication_slots", "10");
    cfg.put("max_wal_senders", "10");
    cfg.put("max_connections", "60");
    cfg.put("listen_addresses", "localhost");
    cfg.putAll(b.serverConfig);
    this.serverConfig = Map.copyOf(cfg);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts the server, creating the cluster on first use. A server left running by a previous
   * process that was killed (its postmaster outlives the JVM) is stopped first, so a restart on
   * the same directory works.
   */
  public synchronized EmbeddedPostgres start() {
    if (server != null) {
      return this;
    }
    Instant t0 = clock.instant();
    try {
      Files.createDirectories(dataDir.getParent());
      stopOrphan();
      if (port == 0) {
        port = Loopback.freePort();
      }
      var zb = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
          .setDataDirectory(dataDir)
          .setCleanDataDirectory(false)
          .setRegisterShutdownHook(true)
          .setPort(port)
          .setPGStartupWait(startupWait)
          // The server's own log goes next to its data, where a person looks when it fails.
          .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
          .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
      serverConfig.forEach(zb::setServerConfig);
      server = zb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start in " + dataDir + ": " + e.getMessage()
          + lastLogLines(), e);
    }
    lastStartup = Duration.between(t0, clock.instant());
    LOG.info("PostgreSQL on 127.0.0.1:{} (data {}) started in {} ms", port, dataDir, lastStartup.toMillis());
    return this;
  }

  /** Stops the server (fast shutdown: open sessions are ended, committed data is kept). */
  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    Optional<ProcessHandle> postmaster = postmaster();
    try {
      server.close();
    } catch (IOException e) {
      LOG.warn("PostgreSQL in {} did not stop cleanly: {}", dataDir, e.getMessage());
    } finally {
      server = null;
    }
    // zonky's pg_ctl gives the shutdown 5 s and then returns without error; the postmaster goes on
    // writing its shutdown checkpoint and listening until it exits, which takes longer on a busy disk
    postmaster.ifPresent(h -> {
      try {
        h.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        LOG.warn("PostgreSQL in {} (pid {}) is still shutting down after {} s", dataDir, h.pid(), STOP_WAIT.toSeconds());
      } catch (java.util.concurrent.ExecutionException e) {
        LOG.warn("Could not wait for PostgreSQL in {} (pid {}) to stop: {}", dataDir, h.pid(), e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  /** The postmaster running on this data directory, from its {@code postmaster.pid}. */
  private Optional<ProcessHandle> postmaster() {
    Path pidFile = dataDir.resolve("postmaster.pid");
    try {
      List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
      if (lines.isEmpty()) {
        return Optional.empty();
      }
      return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
          .filter(h -> h.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  /** The loopback port; fixed after the first start so clients can reconnect after a restart. */
  public int port() {
    if (port == 0) {
      throw new IllegalStateException("PostgreSQL has not been started yet");
    }
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** How long the last {@link #start()} took, measured with the builder's clock. */
  public Duration lastStartup() {
    return lastStartup;
  }

  /** JDBC URL of database {@code db} for the superuser (trust authentication on loopback). */
  public String jdbcUrl(String db) {
    return "jdbc:postgresql://localhost:" + port() + "/" + db + "?user=" + SUPERUSER;
  }

  public Connection connect(String db) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(db));
  }

  /** Creates database {@code db} unless it exists; true when it was created. */
  public boolean createDatabaseIfMissing(String db) throws SQLException {
    try (Connection c = connect("postgres")) {
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        ps.setString(1, db);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            return false;
          }
        }
      }
      try (Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE \"" + db.replace("\"", "\"\"") + "\"");
      }
      return true;
    }
  }

  /** A server setting as the server reports it ({@code SHOW name}). */
  public String setting(String name) throws SQLException {
    try (Connection c = connect("postgres"); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SHOW " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /**
   * A postmaster whose JVM was killed keeps running and holds the data directory; ask it to shut
   * down (SIGTERM: it finishes as soon as its now-dead clients are gone) and wait for it.
   */
  private void stopOrphan() throws IOException {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (port == 0 && lines.size() > 3) {
      try {
        port = Integer.parseInt(lines.get(3).trim());
      } catch (NumberFormatException ignored) {
        // keep choosing a fresh port
      }
    }
    Optional<ProcessHandle> ph = postmaster();
    if (ph.isEmpty()) {
      return;
    }
    ProcessHandle h = ph.get();
    LOG.info("Stopping PostgreSQL (pid {}) left running in {} by a previous run", h.pid(), dataDir);
    h.destroy();
    try {
      h.onExit().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      h.destroyForcibly();
      try {
        h.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        throw new IOException("PostgreSQL left running by a previous run (pid " + h.pid() + ") did not stop");
      }
    }
  }

  /** The server's log (initdb, pg_ctl and postmaster output), next to the data directory. */
  public Path logFile() {
    return dataDir.resolveSibling(dataDir.getFileName() + ".log");
  }

  private String lastLogLines() {
    try {
      List<String> lines = Files.readAllLines(logFile());
      return lines.isEmpty() ? "" : " (last lines of " + logFile() + ": "
          + String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size())) + ")";
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** Builds an {@link EmbeddedPostgres}; only the data directory is required. */
  public static final class Builder extends ServerBuilder<Builder> {
    private final Map<String, String> serverConfig = new LinkedHashMap<>();

    private Builder() {
      super(Duration.ofSeconds(30));
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** A {@code postgresql.conf} setting passed on the command line; overrides the trial's defaults. */
    public Builder serverConfig(String key, String value) {
      serverConfig.put(key, value);
      return this;
    }

    public EmbeddedPostgres build() {
      dataDir();
      return new EmbeddedPostgres(this);
    }
  }
}
