package dev.pipewright.monitor;

import dev.pipewright.model.Cluster;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.SecretRef;
import dev.pipewright.monitor.connect.ConnectHttp;
import dev.pipewright.monitor.connect.ConnectStatusCollector;
import dev.pipewright.monitor.kafka.KafkaClientConfig;
import dev.pipewright.monitor.kafka.KafkaLagCollector;
import dev.pipewright.monitor.pg.ReplicationSlotCollector;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where to watch a pipeline: the addresses from its file, each replaceable (the CLI's
 * {@code --bootstrap}, {@code --connect-url}, {@code --jdbc-url}, or the local trial's ports).
 * {@link #monitor} builds a {@link Monitor} with a collector for every system that has an
 * address; secrets are resolved there, at connect time.
 *
 * @param bootstrap Kafka bootstrap servers, or null for the cluster's own
 * @param connectUrl Kafka Connect REST URL, or null for the cluster's own
 * @param jdbcUrl JDBC URL of the captured PostgreSQL, or null to derive it from the source node
 */
public record Endpoints(String bootstrap, String connectUrl, String jdbcUrl) {
  /** How long a poll may spend reading record timestamps for lag in seconds (first polls only). */
  private static final Duration RECORD_READ_BUDGET = Duration.ofSeconds(3);

  /**
   * A monitor for {@code p}; a system without an address is left out with a note to
   * {@code notes} saying how to add it. Throws {@link MonitorConfigException} for a setting that
   * cannot work (e.g. a secret reference that does not resolve).
   */
  public Monitor monitor(Pipeline p, Watchlist watchlist, Clock clock, Duration interval, Consumer<String> notes) {
    Cluster cluster = p.cluster();
    Monitor.Builder b = Monitor.builder(p).watchlist(watchlist).clock(clock).interval(interval);
    if (blank(bootstrap) && cluster.embedded()) {
      notes.accept("Kafka: cluster '" + cluster.name() + "' is the local trial's broker; pass --bootstrap host:port to watch lag");
    } else {
      b.kafka(KafkaLagCollector.withCommitLog(KafkaClientConfig.adminProperties(cluster, bootstrap), clock,
          RECORD_READ_BUDGET));
    }
    String connect = blank(connectUrl) ? cluster.connectUrl() : connectUrl;
    if (blank(connect)) {
      notes.accept("Connect: no connect url in cluster '" + cluster.name() + "'; pass --connect-url to watch connectors");
    } else {
      b.connect(new ConnectStatusCollector(ConnectHttp.forCluster(cluster, connect, Duration.ofSeconds(5)), clock));
    }
    Optional<Node> source = postgresSource(p, watchlist);
    String url = !blank(jdbcUrl) ? jdbcUrl : source.filter(n -> !n.boolProperty("embedded")).map(Endpoints::jdbcUrlOf).orElse(null);
    if (blank(url)) {
      notes.accept(watchlist.slotsByCapture().isEmpty()
          ? "Slots: no PostgreSQL capture to watch"
          : "Slots: the PostgreSQL source is the local trial's; pass --jdbc-url to watch its replication slot");
    } else {
      String user = source.flatMap(n -> n.property("user")).orElse(null);
      String password = source.flatMap(n -> n.property("password")).flatMap(ref -> {
        Optional<String> v = SecretRef.parse(ref).flatMap(SecretRef::resolve);
        if (v.isEmpty()) {
          notes.accept("Slots: " + ref + " did not resolve; connecting without a password");
        }
        return v;
      }).orElse(null);
      if (url.contains("user=")) {
        user = null; // the URL names its own user
      }
      b.slots(new ReplicationSlotCollector(url, user, password, clock));
    }
    return b.build();
  }

  private static Optional<Node> postgresSource(Pipeline p, Watchlist w) {
    for (String capture : w.slotsByCapture().keySet()) {
      Optional<Node> pg = p.upstream(capture).stream().filter(n -> n.kind() == NodeKind.POSTGRES).findFirst();
      if (pg.isPresent()) {
        return pg;
      }
    }
    return Optional.empty();
  }

  private static String jdbcUrlOf(Node pg) {
    return "jdbc:postgresql://" + pg.property("host").orElse("localhost") + ":" + pg.property("port").orElse("5432")
        + "/" + pg.property("database").orElse("postgres");
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
