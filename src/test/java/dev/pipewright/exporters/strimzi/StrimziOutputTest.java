package dev.pipewright.exporters.strimzi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.pipewright.exporters.ExportFormat;
import dev.pipewright.exporters.ExportOptions;
import dev.pipewright.exporters.ExportedFile;
import dev.pipewright.exporters.Exports;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.io.PipelineFile;
import dev.pipewright.model.connect.ConnectorConfig;
import dev.pipewright.model.connect.ConnectorConfigs;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StrimziOutputTest {
  static final YAMLMapper YAML = new YAMLMapper();

  static Stream<Path> examples() throws Exception {
    try (Stream<Path> s = Files.list(Path.of("examples"))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  static JsonNode schema(String name) throws Exception {
    try (InputStream in = StrimziOutputTest.class.getResourceAsStream("/dev/pipewright/exporters/strimzi/" + name)) {
      return new ObjectMapper().readTree(in);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyResourceValidatesAgainstTheStrimziCrdSchema(Path example) throws Exception {
    Pipeline p = PipelineFile.load(example);
    JsonNode connectorSchema = schema("kafkaconnector-v1beta2.json");
    JsonNode topicSchema = schema("kafkatopic-v1beta2.json");
    List<ExportedFile> files = Exports.render(p, ExportFormat.STRIMZI, ExportOptions.of(example.getFileName().toString()));
    int connectors = 0;
    int topics = 0;
    for (ExportedFile f : files) {
      if (!f.path().endsWith(".yaml") || f.path().equals("kustomization.yaml") || f.path().equals("rbac.yaml")) {
        continue;
      }
      JsonNode doc = YAML.readTree(f.content());
      String kind = doc.path("kind").asText();
      JsonNode schema = kind.equals("KafkaConnector") ? connectorSchema : topicSchema;
      assertThat(SchemaCheck.errors(schema, doc)).as(f.path()).isEmpty();
      if (kind.equals("KafkaConnector")) {
        connectors++;
        assertThat(doc.path("spec").path("config").has("connector.class")).isFalse();
        assertThat(doc.path("spec").path("config").has("tasks.max")).isFalse();
        assertThat(doc.path("spec").path("config").has("name")).isFalse();
        doc.path("spec").path("config").fields().forEachRemaining(e ->
            assertThat(e.getValue().asText()).as(e.getKey()).doesNotContain("${env:").doesNotContain("${file:"));
      } else {
        topics++;
      }
    }
    assertThat(connectors).isEqualTo(ConnectorConfigs.forPipeline(p).size());
    assertThat(topics).isEqualTo(ConnectorConfigs.topics(p).size());
  }

  @Test
  void connectorSpecCarriesTheConnectConfigWithSecretsAsKubernetesSecretReferences() throws Exception {
    Pipeline p = PipelineFile.load(Path.of("examples/local-trial.yaml"));
    ConnectorConfig cdc = ConnectorConfigs.forPipeline(p).get(0);
    JsonNode doc = YAML.readTree(Exports.render(p, ExportFormat.STRIMZI, ExportOptions.of("local-trial.yaml")).stream()
        .filter(f -> f.path().equals("connectors/shop-cdc.yaml")).findFirst().orElseThrow().content());
    assertThat(doc.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo("local-connect");
    assertThat(doc.path("spec").path("class").asText()).isEqualTo(cdc.connectorClass());
    assertThat(doc.path("spec").path("tasksMax").asInt()).isEqualTo(1);
    assertThat(doc.path("spec").path("config").path("database.password").asText())
        .isEqualTo("${secrets:kafka/local-trial-secrets:SHOP_DB_PASSWORD}");
    assertThat(doc.path("spec").path("config").path("topic.prefix").asText()).isEqualTo("shop");
  }

  @Test
  void schemaCheckRejectsWhatKubernetesWouldDropOrRefuse() throws Exception {
    ObjectNode bad = (ObjectNode) YAML.readTree("apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\n"
        + "metadata: {name: Shop_Orders, labels: {strimzi.io/cluster: c}}\nspec: {partitions: 0, replica: 3}\n");
    assertThat(SchemaCheck.errors(schema("kafkatopic-v1beta2.json"), bad))
        .anyMatch(e -> e.contains("metadata.name")).anyMatch(e -> e.contains("partitions"))
        .anyMatch(e -> e.contains("spec.replica: unknown field"));
  }
}
