package dev.pipewright.model.connect;

import dev.pipewright.model.Cluster;
import dev.pipewright.model.Credentials;
import dev.pipewright.model.KafkaSecurity;
import dev.pipewright.model.SecretRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one mapping from a cluster's {@link KafkaSecurity} to Kafka client settings
 * ({@code security.protocol}, {@code sasl.mechanism}, {@code sasl.jaas.config},
 * {@code ssl.truststore.*}), used by every client Pipewright opens (monitor, local trial, deploy)
 * and by the exporters. Empty for PLAINTEXT. {@link #resolved} puts the password value in the
 * JAAS line for a running client (Kafka prints that key as {@code [hidden]}); {@link #withReference}
 * keeps the reference, for files.
 */
public final class KafkaClientSecurity {
  public static final List<String> PROTOCOLS = List.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
  public static final List<String> MECHANISMS = List.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");

  private KafkaClientSecurity() {}

  /**
   * Settings for a client connecting now: the password reference is resolved.
   *
   * @throws IllegalArgumentException with a sentence naming the cluster's field and how to fix it
   *     (an unknown protocol or mechanism, no user, a literal or unresolvable password); the
   *     message never holds a secret value
   */
  public static Map<String, String> resolved(Cluster cluster) {
    KafkaSecurity s = cluster.security();
    String where = "cluster '" + cluster.name() + "'";
    String protocol = choice(where, "protocol", s.protocol(), "PLAINTEXT", PROTOCOLS);
    if (!protocol.startsWith("SASL")) {
      return settings(protocol, null, null, null, s.truststore());
    }
    String mechanism = choice(where, "saslMechanism", s.saslMechanism(), "PLAIN", MECHANISMS);
    Credentials c = s.credentials();
    if (c == null || c.username() == null || c.username().isBlank()) {
      throw new IllegalArgumentException(where + " uses " + protocol
          + " but security.username is not set; add the SASL user to the cluster's security");
    }
    return settings(protocol, mechanism, c.username(), SecretRef.resolveRequired(c.password(), where + " security.password"),
        s.truststore());
  }

  /**
   * Settings for a file (exports, Connect worker configs): the JAAS line holds the cluster's
   * password reference, so only a running client ever holds the value. Nothing is checked here;
   * the lint rules report what is missing.
   */
  public static Map<String, String> withReference(KafkaSecurity s) {
    if (s == null) {
      return new LinkedHashMap<>();
    }
    String protocol = s.protocol() == null ? "PLAINTEXT" : s.protocol().trim().toUpperCase(Locale.ROOT);
    Credentials c = s.credentials();
    String mechanism = s.saslMechanism() == null ? null : s.saslMechanism().trim().toUpperCase(Locale.ROOT);
    if (c == null) {
      return settings(protocol, mechanism, null, null, s.truststore());
    }
    return settings(protocol, mechanism == null && protocol.startsWith("SASL") ? "PLAIN" : mechanism,
        c.username(), c.password(), s.truststore());
  }

  /**
   * The truststore type Kafka (and Java's TLS) needs for a path: {@code PEM} for .pem/.crt,
   * {@code PKCS12} for .p12/.pfx, else {@code JKS}.
   */
  public static String truststoreType(String path) {
    String lower = path.trim().toLowerCase(Locale.ROOT);
    return lower.endsWith(".pem") || lower.endsWith(".crt") ? "PEM"
        : lower.endsWith(".p12") || lower.endsWith(".pfx") ? "PKCS12" : "JKS";
  }

  private static Map<String, String> settings(String protocol, String mechanism, String user, String password,
      String truststore) {
    Map<String, String> m = new LinkedHashMap<>();
    if ("PLAINTEXT".equals(protocol)) {
      return m;
    }
    m.put("security.protocol", protocol);
    if (mechanism != null) {
      m.put("sasl.mechanism", mechanism);
    }
    if (user != null || password != null) {
      String module = mechanism != null && mechanism.startsWith("SCRAM")
          ? "org.apache.kafka.common.security.scram.ScramLoginModule"
          : "org.apache.kafka.common.security.plain.PlainLoginModule";
      m.put("sasl.jaas.config", module + " required username=\"" + jaasEscape(String.valueOf(user))
          + "\" password=\"" + jaasEscape(String.valueOf(password)) + "\";");
    }
    if (protocol.endsWith("SSL") && truststore != null && !truststore.isBlank()) {
      m.put("ssl.truststore.location", truststore.trim());
      m.put("ssl.truststore.type", truststoreType(truststore));
    }
    return m;
  }

  /** {@code value} upper-cased, or {@code fallback} when null; one of {@code allowed} or a sentence why not. */
  private static String choice(String where, String field, String value, String fallback, List<String> allowed) {
    String v = value == null ? fallback : value.trim().toUpperCase(Locale.ROOT);
    if (!allowed.contains(v)) {
      throw new IllegalArgumentException(where + " security." + field + " '" + value + "' is not one of "
          + String.join(", ", allowed));
    }
    return v;
  }

  private static String jaasEscape(String v) {
    return v.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
