package dev.pipewright.model;

/**
 * How clients authenticate to a Kafka cluster.
 *
 * @param protocol PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL
 * @param saslMechanism PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512, or null without SASL
 * @param credentials SASL user and password reference, or null
 * @param truststore path of a PEM or JKS truststore for TLS, or null for the JVM's default
 */
public record KafkaSecurity(
    String protocol, String saslMechanism, Credentials credentials, String truststore) {
  public static final KafkaSecurity PLAINTEXT = new KafkaSecurity("PLAINTEXT", null, null, null);
}
