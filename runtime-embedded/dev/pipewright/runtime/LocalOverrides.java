package dev.pipewright.runtime;

import dev.pipewright.model.Node;
import dev.pipewright.model.SecretRef;
import dev.pipewright.model.connect.ConnectorConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The only changes the local trial makes to the connector properties that
 * {@code ConnectorConfigs.forNode} produces (and the exporters write): where the embedded servers
 * listen, where offsets are kept, a short poll interval, and trust authentication on embedded
 * PostgreSQL. Every key set here is listed in docs/local-trial.md; nothing else differs.
 */
public final class LocalOverrides {
  /**
   * Poll interval used when the capture node does not set one: Debezium's reader sleeps this long
   * whenever it finds nothing pending (its 500 ms default costs ~0.7 s of latency).
   */
  public static final String TRIAL_POLL_INTERVAL_MS = "5";
  /** How often the engine writes its offsets file; shorter means fewer repeats after a crash. */
  public static final String TRIAL_OFFSET_FLUSH_MS = "1000";
  /** Embedded PostgreSQL trusts loopback connections; the password is never checked. */
  static final String EMBEDDED_PASSWORD = "embedded-trust";

  private static final Pattern PG_URL = Pattern.compile("^jdbc:postgresql://([^/:?]+)(?::(\\d+))?/([^?]*)(\\?.*)?$");

  private LocalOverrides() {}

  /**
   * The engine and poll settings the trial uses where the capture node sets none (each one is
   * described in docs/local-trial.md). The throughput benchmark applies the same.
   */
  public static Map<String, String> engineTuning() {
    Map<String, String> t = new TreeMap<>();
    t.put("offset.flush.interval.ms", TRIAL_OFFSET_FLUSH_MS);
    t.put("poll.interval.ms", TRIAL_POLL_INTERVAL_MS);
    return t;
  }

  /** Where an embedded PostgreSQL of the trial listens. */
  public record EmbeddedSource(int declaredPort, int actualPort) {}

  /**
   * The engine properties of a capture: the connector's properties, then the overrides, then
   * secret references resolved (only those not overridden).
   *
   * @param embedded the embedded server standing in for the capture's source, or empty
   */
  public static Map<String, String> capture(ConnectorConfig cc, Node capture, Optional<EmbeddedSource> embedded,
      String bootstrap, Path offsetsDir) {
    Map<String, String> o = new TreeMap<>();
    o.put("name", cc.name());
    o.put("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
    o.put("offset.storage.file.filename", offsetsDir.resolve(cc.name() + ".offsets").toString());
    engineTuning().forEach((k, v) -> {
      if (!capture.isSet(k)) {
        o.put(k, v);
      }
    });
    embedded.ifPresent(e -> {
      o.put("database.hostname", "localhost");
      o.put("database.port", Integer.toString(e.actualPort()));
      o.put("database.user", "postgres");
      o.put("database.password", EMBEDDED_PASSWORD);
    });
    if (cc.config().containsKey("schema.history.internal.kafka.bootstrap.servers")) {
      o.put("schema.history.internal.kafka.bootstrap.servers", bootstrap);
    }
    return apply(cc, o);
  }

  /**
   * The task properties of a sink. A JDBC URL pointing at {@code localhost} on the port drawn for
   * an embedded source (or 5432) is pointed at that embedded server instead.
   *
   * @return the properties, and the database to create on the embedded server (or empty)
   */
  public static SinkProps sink(ConnectorConfig cc, Optional<EmbeddedSource> embedded) {
    Map<String, String> o = new TreeMap<>();
    o.put("name", cc.name());
    String db = null;
    String url = cc.config().get("connection.url");
    if (url != null && embedded.isPresent()) {
      Matcher m = PG_URL.matcher(url);
      if (m.matches() && List.of("localhost", "127.0.0.1").contains(m.group(1))) {
        int port = m.group(2) == null ? 5432 : Integer.parseInt(m.group(2));
        EmbeddedSource e = embedded.get();
        if (port == 5432 || port == e.declaredPort()) {
          db = m.group(3);
          o.put("connection.url", "jdbc:postgresql://localhost:" + e.actualPort() + "/" + db
              + (m.group(4) == null ? "" : m.group(4)));
          o.put("connection.username", "postgres");
          o.put("connection.password", EMBEDDED_PASSWORD);
        }
      }
    }
    return new SinkProps(apply(cc, o), Optional.ofNullable(db));
  }

  /** A sink's properties and the embedded database it writes to, if any. */
  public record SinkProps(Map<String, String> props, Optional<String> embeddedDatabase) {}

  private static Map<String, String> apply(ConnectorConfig cc, Map<String, String> overrides) {
    Map<String, String> merged = new TreeMap<>(cc.config());
    merged.putAll(overrides);
    Set<String> secrets = new TreeSet<>(cc.secretKeys());
    secrets.removeAll(overrides.keySet());
    ConnectorConfig withOverrides = new ConnectorConfig(cc.name(), cc.connectorClass(), merged, secrets, cc.plugin());
    return withOverrides.resolved(SecretRef::resolve);
  }

  /** The overridden keys, for the documentation test: each one must be described in docs/local-trial.md. */
  public static List<String> documentedKeys() {
    return List.of("name", "offset.storage", "offset.storage.file.filename", "offset.flush.interval.ms",
        "poll.interval.ms", "database.hostname", "database.port", "database.user", "database.password",
        "schema.history.internal.kafka.bootstrap.servers", "connection.url", "connection.username",
        "connection.password");
  }
}
