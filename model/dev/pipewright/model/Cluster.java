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
 */
public record Cluster(
    String name,
    String bootstrapServers,
    KafkaSecurity security,
    String connectUrl,
    Credentials connectAuth,
    String schemaRegistryUrl) {
  public Cluster {
    Objects.requireNonNull(name, "name");
    security = security == null ? KafkaSecurity.PLAINTEXT : security;
  }

  public static Cluster local(String name) {
    return new Cluster(name, null, KafkaSecurity.PLAINTEXT, null, null, null);
  }

  public boolean embedded() {
    return bootstrapServers == null || bootstrapServers.isBlank();
  }
}
