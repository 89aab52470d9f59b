package dev.pipewright.runtime.kafka;

import dev.pipewright.runtime.util.Loopback;
import dev.pipewright.runtime.util.ServerBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker for the local trial: KRaft combined mode (broker and controller
 * in this JVM), listening on loopback only, its log in a given directory. {@link #start()} waits
 * until the broker answers; {@link #close()} shuts it down so nothing listens any more; it can be
 * started again on the same directory and ports (restart tests).
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final int NODE_ID = 1;

  private final Path dataDir;
  private final Clock clock;
  private final Duration startupWait;
  private final Map<String, String> overrides;
  /** Extra listener name to security protocol; their ports are chosen at the first start. */
  private final Map<String, String> extraListeners;
  private final Map<String, Integer> extraPorts = new LinkedHashMap<>();
  private int brokerPort;
  private int controllerPort;
  private KafkaRaftServer server;
  private Duration lastStartup = Duration.ZERO;

  private EmbeddedKafka(Builder b) {
    this.dataDir = b.dataDir();
    this.clock = b.clock();
    this.startupWait = b.startupWait();
    this.overrides = Map.copyOf(b.overrides);
    this.extraListeners = new LinkedHashMap<>(b.listeners);
    this.brokerPort = b.port();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Formats the storage on first use, starts the broker and waits until it serves requests. */
  public synchronized EmbeddedKafka start() {
    if (server != null) {
      return this;
    }
    Instant t0 = clock.instant();
    try {
      Files.createDirectories(dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create Kafka data directory " + dataDir, e);
    }
    if (brokerPort == 0) {
      brokerPort = Loopback.freePort();
    }
    if (controllerPort == 0) {
      controllerPort = Loopback.freePort();
    }
    for (String name : extraListeners.keySet()) {
      extraPorts.computeIfAbsent(name, n -> Loopback.freePort());
    }
    Properties props = brokerProperties();
    format(props);
    KafkaRaftServer s = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
    try {
      s.startup();
      awaitReady();
    } catch (RuntimeException e) {
      shutdown(s);
      throw new IllegalStateException("Kafka did not start on 127.0.0.1:" + brokerPort + ": " + e.getMessage(), e);
    }
    server = s;
    lastStartup = Duration.between(t0, clock.instant());
    LOG.info("Kafka on {} (data {}) started in {} ms", bootstrapServers(), dataDir, lastStartup.toMillis());
    return this;
  }

  /** Shuts the broker down and waits for it; nothing is left listening. Idempotent. */
  @Override
  public synchronized void close() {
    if (server == null) {
      return;
    }
    KafkaRaftServer s = server;
    server = null;
    shutdown(s);
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  /** {@code 127.0.0.1:<port>}; the port stays the same across restarts of this instance. */
  public String bootstrapServers() {
    if (brokerPort == 0) {
      throw new IllegalStateException("Kafka has not been started yet");
    }
    return "127.0.0.1:" + brokerPort;
  }

  public int port() {
    return brokerPort;
  }

  /**
   * {@code 127.0.0.1:<port>} of an extra listener added with {@link Builder#listener}; the
   * trial's own clients keep using the PLAINTEXT one of {@link #bootstrapServers()}.
   */
  public String bootstrapServers(String listenerName) {
    Integer port = extraPorts.get(listenerName);
    if (port == null) {
      throw new IllegalStateException("Kafka has no started listener " + listenerName);
    }
    return "127.0.0.1:" + port;
  }

  public int controllerPort() {
    return controllerPort;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** How long the last {@link #start()} took, measured with the builder's clock. */
  public Duration lastStartup() {
    return lastStartup;
  }

  private Properties brokerProperties() {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
    StringBuilder listeners = new StringBuilder("PLAINTEXT://127.0.0.1:" + brokerPort);
    StringBuilder protocols = new StringBuilder("PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    extraListeners.forEach((name, protocol) -> {
      listeners.append(',').append(name).append("://127.0.0.1:").append(extraPorts.get(name));
      protocols.append(',').append(name).append(':').append(protocol);
    });
    p.put("listeners", listeners + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", listeners.toString());
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", protocols.toString());
    p.put("log.dirs", dataDir.resolve("log").toString());
    p.put("metadata.log.dir", dataDir.resolve("meta").toString());
    // One broker: every internal topic has one replica, and there is no one to wait for.
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("num.partitions", "1");
    p.put("auto.create.topics.enable", "true");
    p.put("group.initial.rebalance.delay.ms", "0");
    // A laptop, two cores: few threads, small buffers.
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "2");
    p.put("num.recovery.threads.per.data.dir", "1");
    p.put("background.threads", "2");
    p.put("log.cleaner.threads", "1");
    p.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
    p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
    p.put("controlled.shutdown.enable", "true");
    overrides.forEach(p::put);
    return p;
  }

  /** Formats the log directories unless they already are (a restart keeps its data). */
  private void format(Properties props) {
    Path cfg = dataDir.resolve("server.properties");
    try (var out = Files.newOutputStream(cfg)) {
      props.store(out, "written by Pipewright's embedded Kafka; regenerated at every start");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + cfg, e);
    }
    String clusterId = clusterId();
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int rc;
    try (PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
      rc = kafka.tools.StorageTool.execute(new String[] {
          "format", "--config", cfg.toString(), "--cluster-id", clusterId, "--ignore-formatted"}, ps);
    }
    if (rc != 0) {
      throw new IllegalStateException("Formatting Kafka storage in " + dataDir + " failed: "
          + buf.toString(StandardCharsets.UTF_8).trim());
    }
  }

  /** One cluster id per data directory, kept next to the data so restarts match the formatted logs. */
  private String clusterId() {
    Path f = dataDir.resolve("cluster.id");
    try {
      if (Files.exists(f)) {
        return Files.readString(f).trim();
      }
      String id = org.apache.kafka.common.Uuid.randomUuid().toString();
      Files.writeString(f, id);
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or write " + f, e);
    }
  }

  private void awaitReady() {
    Properties ap = new Properties();
    ap.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    ap.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    ap.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
    long deadline = System.nanoTime() + startupWait.toNanos();
    RuntimeException last = null;
    try (Admin admin = Admin.create(ap)) {
      while (System.nanoTime() < deadline) {
        try {
          if (!admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).isEmpty()) {
            return;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        } catch (Exception e) {
          last = new IllegalStateException(e.getMessage(), e);
        }
        sleep(100);
      }
    }
    throw last != null ? last : new IllegalStateException("Kafka did not answer within " + startupWait);
  }

  private void shutdown(KafkaRaftServer s) {
    try {
      s.shutdown();
      s.awaitShutdown();
    } catch (RuntimeException e) {
      LOG.warn("Kafka in {} did not shut down cleanly: {}", dataDir, e.getMessage());
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Builds an {@link EmbeddedKafka}; only the data directory is required. */
  public static final class Builder extends ServerBuilder<Builder> {
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private final Map<String, String> listeners = new LinkedHashMap<>();

    private Builder() {
      super(Duration.ofSeconds(90));
    }

    @Override
    protected Builder self() {
      return this;
    }

    /** A broker setting that replaces the trial's default. */
    public Builder brokerConfig(String key, String value) {
      overrides.put(key, value);
      return this;
    }

    /**
     * An extra loopback listener, e.g. {@code ("SASL", "SASL_PLAINTEXT")}, next to the PLAINTEXT
     * one the broker and its own clients use; configure it with
     * {@code brokerConfig("listener.name.<name lower-case>.…", …)}.
     */
    public Builder listener(String name, String securityProtocol) {
      listeners.put(name, securityProtocol);
      return this;
    }

    public EmbeddedKafka build() {
      dataDir();
      return new EmbeddedKafka(this);
    }
  }
}
