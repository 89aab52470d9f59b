package dev.pipewright.monitor.kafka;

import dev.pipewright.model.Cluster;
import dev.pipewright.model.Credentials;
import dev.pipewright.model.KafkaSecurity;
import dev.pipewright.monitor.MonitorConfigException;
import dev.pipewright.monitor.Secrets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * Builds Kafka Admin client properties from the model's {@link Cluster}: bootstrap servers,
 * SASL PLAIN/SCRAM and TLS. Credentials are resolved here, at connect time, into the returned
 * properties only (Kafka prints {@code sasl.jaas.config} as {@code [hidden]}); callers must not
 * keep or print them.
 */
public final class KafkaClientConfig {
  private static final Set<String> PROTOCOLS = Set.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");

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
    security(cluster.name(), cluster.security(), p);
    return p;
  }

  static void security(String clusterName, KafkaSecurity s, Properties p) {
    String protocol = s.protocol() == null ? "PLAINTEXT" : s.protocol().trim().toUpperCase(Locale.ROOT);
    if (!PROTOCOLS.contains(protocol)) {
      throw new MonitorConfigException("cluster '" + clusterName + "' security.protocol '" + s.protocol()
          + "' is not one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL");
    }
    p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, protocol);
    if (protocol.startsWith("SASL")) {
      String mechanism = s.saslMechanism() == null ? "PLAIN" : s.saslMechanism().trim().toUpperCase(Locale.ROOT);
      String module = switch (mechanism) {
        case "PLAIN" -> "org.apache.kafka.common.security.plain.PlainLoginModule";
        case "SCRAM-SHA-256", "SCRAM-SHA-512" -> "org.apache.kafka.common.security.scram.ScramLoginModule";
        default -> throw new MonitorConfigException("cluster '" + clusterName + "' security.saslMechanism '"
            + s.saslMechanism() + "' is not one of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512");
      };
      Credentials c = s.credentials();
      if (c == null || c.username() == null || c.username().isBlank()) {
        throw new MonitorConfigException("cluster '" + clusterName + "' uses " + protocol
            + " but security.username is not set");
      }
      String password = Secrets.resolve(c.password(), "cluster '" + clusterName + "' security.password");
      p.put(SaslConfigs.SASL_MECHANISM, mechanism);
      p.put(SaslConfigs.SASL_JAAS_CONFIG, module + " required username=\"" + jaasEscape(c.username())
          + "\" password=\"" + jaasEscape(password) + "\";");
    }
    if (protocol.endsWith("SSL") && s.truststore() != null && !s.truststore().isBlank()) {
      String path = s.truststore().trim();
      String lower = path.toLowerCase(Locale.ROOT);
      String type = lower.endsWith(".pem") || lower.endsWith(".crt") ? "PEM"
          : lower.endsWith(".p12") || lower.endsWith(".pfx") ? "PKCS12" : "JKS";
      p.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, type);
      p.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, path);
    }
  }

  private static String jaasEscape(String v) {
    return v.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
