package dev.pipewright.monitor.kafka;

import dev.pipewright.model.Cluster;
import dev.pipewright.model.connect.KafkaClientSecurity;
import dev.pipewright.monitor.MonitorConfigException;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Builds Kafka Admin client properties from the model's {@link Cluster}: bootstrap servers,
 * SASL PLAIN/SCRAM and TLS (the mapping is {@link KafkaClientSecurity}'s, shared with the local
 * trial). Credentials are resolved here, at connect time, into the returned
 * properties only (Kafka prints {@code sasl.jaas.config} as {@code [hidden]}); callers must not
 * keep or print them.
 */
public final class KafkaClientConfig {
  private KafkaClientConfig() {}

  /**
   * @param bootstrapOverride used instead of the cluster's address when not blank (the CLI's
   *     {@code --bootstrap}, or the local trial's broker for an embedded cluster)
   */
  public static Properties adminProperties(Cluster cluster, String bootstrapOverride) {
    String bootstrap = bootstrapOverride != null && !bootstrapOverride.isBlank()
        ? bootstrapOverride : cluster.bootstrapServers();
    if (bootstrap == null || bootstrap.isBlank()) {
      throw new MonitorConfigException("cluster '" + cluster.name()
          + "' has no bootstrapServers (it is the local trial's broker); start the trial or pass --bootstrap host:port");
    }
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(AdminClientConfig.CLIENT_ID_CONFIG, "pipewright-monitor");
    // A monitor must answer "down" quickly instead of retrying for a minute (Kafka's default).
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "8000");
    p.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, "2000");
    p.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, "5000");
    p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "2000");
    security(cluster, p);
    return p;
  }

  /**
   * Properties for a plain consumer (no group, never commits) on the same connection and security
   * settings as {@code clientProperties} (an Admin client's, from {@link #adminProperties}): the
   * lag collector's log-end reader and its record-time reader.
   */
  static Properties consumerProperties(Properties clientProperties, String clientId) {
    Properties props = new Properties();
    for (String k : clientProperties.stringPropertyNames()) {
      if (k.equals("bootstrap.servers") || k.startsWith("security.") || k.startsWith("sasl.") || k.startsWith("ssl.")
          || k.startsWith("socket.connection.setup.") || k.startsWith("reconnect.backoff.")
          || k.equals("client.dns.lookup") || k.equals("request.timeout.ms") || k.equals("default.api.timeout.ms")) {
        props.put(k, clientProperties.getProperty(k));
      }
    }
    props.put("bootstrap.servers", String.valueOf(clientProperties.get("bootstrap.servers")));
    props.put("client.id", clientId);
    props.put("enable.auto.commit", "false");
    props.put("allow.auto.create.topics", "false");
    return props;
  }

  private static void security(Cluster cluster, Properties p) {
    try {
      p.putAll(KafkaClientSecurity.resolved(cluster));
    } catch (IllegalArgumentException e) {
      throw new MonitorConfigException(e.getMessage());
    }
  }
}
