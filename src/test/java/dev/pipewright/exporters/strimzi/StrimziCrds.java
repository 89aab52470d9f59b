package dev.pipewright.exporters.strimzi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Strimzi's real {@code KafkaConnector} and {@code KafkaTopic} CRDs (copied verbatim under
 * {@code src/test/resources/dev/pipewright/exporters/strimzi/}, see the README there) and a
 * validator for a resource against the {@code openAPIV3Schema} of its {@code v1beta2} version,
 * using the networknt JSON-schema validator with its OpenAPI 3.0 dialect (decision 0102).
 */
final class StrimziCrds {
  static final String VERSION = "v1beta2";
  private static final String DIR = "/dev/pipewright/exporters/strimzi/";
  private static final Map<String, String> FILES =
      Map.of("KafkaConnector", "047-Crd-kafkaconnector.yaml", "KafkaTopic", "043-Crd-kafkatopic.yaml");
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDialect(Dialects.getOpenApi30());

  private StrimziCrds() {}

  /** The CRD document for a kind, as shipped. */
  static JsonNode crd(String kind) {
    String file = FILES.get(kind);
    if (file == null) {
      throw new IllegalArgumentException("no Strimzi CRD kept for kind " + kind);
    }
    try (InputStream in = StrimziCrds.class.getResourceAsStream(DIR + file)) {
      return YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code openAPIV3Schema} of the CRD's {@code v1beta2} version. */
  static JsonNode openApiSchema(String kind) {
    for (JsonNode v : crd(kind).path("spec").path("versions")) {
      if (v.path("name").asText().equals(VERSION) && v.path("served").asBoolean()) {
        return v.path("schema").path("openAPIV3Schema");
      }
    }
    throw new IllegalStateException("the " + kind + " CRD serves no " + VERSION);
  }

  /**
   * Readable validation errors of a resource ({@code $.spec.tasksMax: string found, integer
   * expected}), empty when it is valid. The resource's {@code kind} picks the CRD.
   */
  static List<String> errors(JsonNode resource) {
    String kind = resource.path("kind").asText();
    Schema schema = REGISTRY.getSchema(strict(openApiSchema(kind).deepCopy()));
    return schema.validate(resource).stream().map(e -> e.toString()).toList();
  }

  /**
   * {@code kubectl apply} asks the API server for strict field validation (the default since
   * Kubernetes 1.27), which rejects a field the structural schema does not declare unless the
   * object has {@code x-kubernetes-preserve-unknown-fields}; plain JSON Schema would accept it, so
   * every such object gets {@code additionalProperties: false}. Nothing else is changed.
   */
  static JsonNode strict(JsonNode schema) {
    if (!(schema instanceof ObjectNode o)) {
      return schema;
    }
    if (o.has("properties") && !o.path("x-kubernetes-preserve-unknown-fields").asBoolean()
        && !o.has("additionalProperties")) {
      o.put("additionalProperties", false);
    }
    o.path("properties").elements().forEachRemaining(StrimziCrds::strict);
    strict(o.get("items"));
    strict(o.get("additionalProperties"));
    // Not into allOf/anyOf/oneOf: in a structural schema those only constrain, they declare no fields.
    return schema;
  }
}
