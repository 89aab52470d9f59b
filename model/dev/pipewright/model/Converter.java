package dev.pipewright.model;

import java.util.Optional;

/** How record keys and values are serialised on the topics. */
public enum Converter {
  JSON("json", "org.apache.kafka.connect.json.JsonConverter", false),
  JSON_SCHEMAS("json-schemas", "org.apache.kafka.connect.json.JsonConverter", false),
  AVRO("avro", "io.confluent.connect.avro.AvroConverter", true),
  PROTOBUF("protobuf", "io.confluent.connect.protobuf.ProtobufConverter", true);

  private final String yamlName;
  private final String className;
  private final boolean needsSchemaRegistry;

  Converter(String yamlName, String className, boolean needsSchemaRegistry) {
    this.yamlName = yamlName;
    this.className = className;
    this.needsSchemaRegistry = needsSchemaRegistry;
  }

  public String yamlName() {
    return yamlName;
  }

  /** The Kafka Connect converter class. */
  public String className() {
    return className;
  }

  public boolean needsSchemaRegistry() {
    return needsSchemaRegistry;
  }

  public static Optional<Converter> fromYaml(String s) {
    for (Converter c : values()) {
      if (c.yamlName.equals(s)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
