package dev.pipewright.exporters;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The deployable formats a pipeline exports to, with the name used on the command line. */
public enum ExportFormat {
  /** Kafka Connect REST: one JSON per connector, topics.json, deploy.sh, worker.properties. */
  CONNECT("connect"),
  /** Terraform with the Mongey {@code kafka} and {@code kafka-connect} providers. */
  TERRAFORM("terraform"),
  /** Terraform with the Confluent provider (Confluent Cloud custom connectors). */
  CONFLUENT("confluent"),
  /** Strimzi {@code KafkaConnector} and {@code KafkaTopic} resources. */
  STRIMZI("strimzi"),
  /** Debezium Server {@code application.properties} (one capture). */
  DEBEZIUM_SERVER("debezium-server");

  private final String cliName;

  ExportFormat(String cliName) {
    this.cliName = cliName;
  }

  public String cliName() {
    return cliName;
  }

  public static Optional<ExportFormat> fromCli(String s) {
    return Arrays.stream(values()).filter(f -> f.cliName.equals(s)).findFirst();
  }

  /** All names, for help texts: {@code connect|terraform|…}. */
  public static String names() {
    return Arrays.stream(values()).map(ExportFormat::cliName).collect(Collectors.joining("|"));
  }
}
