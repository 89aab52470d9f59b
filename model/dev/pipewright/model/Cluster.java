package dev.pipewright.model;

import java.util.Objects;

/**
 * A Kafka cluster the pipeline runs on, with the Kafka Connect REST URL that deploys its
 * connectors and an optional schema registry.
 *
 * @param bootstrapServers host:port list; null or blank means "the local trial's embedded broker"
 * @param connectUrl Kafka Connect REST URL, or null
 * @param connectAuth basic-auth credentials for Connect, or null
 * @param schemaRegistryUrl schema registry URL for Avro/Protobuf, or null
 * @param connectTruststore the CAs to trust for an https Connect URL when they are not those of
 *     {@code security.truststore}, or null (then Connect is checked against that one)
 */
public record Cluster(
    String name,
    String bootstrapServers,
    KafkaSecurity security,
    String connectUrl,
    Credentials connectAuth,
    String schemaRegistryUrl,
    String connectTruststore) {
  public Cluster {
    Objects.requireNonNull(name, "name");
    security = security == null ? KafkaSecurity.PLAINTEXT : security;
  }

  /** A cluster whose Connect URL, if https, is checked against {@code security.truststore}. */
  public Cluster(String name, String bootstrapServers, KafkaSecurity security, String connectUrl,
      Credentials connectAuth, String schemaRegistryUrl) {
    this(name, bootstrapServers, security, connectUrl, connectAuth, schemaRegistryUrl, null);
  }

  public static Cluster local(String name) {
    return new Cluster(name, null, KafkaSecurity.PLAINTEXT, null, null, null);
  }

  public boolean embedded() {
    return bootstrapServers == null || bootstrapServers.isBlank();
  }
}
