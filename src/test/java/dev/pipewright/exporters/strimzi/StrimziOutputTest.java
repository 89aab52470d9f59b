package dev.pipewright.exporters.strimzi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
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

  // Kubernetes checks object names itself (ObjectMeta), not through the CRD schema: a DNS-1123 subdomain.
  static final Pattern DNS_1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void everyResourceValidatesAgainstTheStrimziCrdSchema(Path example) throws Exception {
    Pipeline p = PipelineFile.load(example);
    List<ExportedFile> files = Exports.render(p, ExportFormat.STRIMZI, ExportOptions.of(example.getFileName().toString()));
    int connectors = 0;
    int topics = 0;
    for (ExportedFile f : files) {
      if (!f.path().endsWith(".yaml") || f.path().equals("kustomization.yaml") || f.path().equals("rbac.yaml")) {
        continue;
      }
      JsonNode doc = YAML.readTree(f.content());
      String kind = doc.path("kind").asText();
      assertThat(doc.path("apiVersion").asText()).as(f.path()).isEqualTo("kafka.strimzi.io/" + StrimziCrds.VERSION);
      assertThat(StrimziCrds.errors(doc)).as(f.path() + " against the Strimzi " + kind + " CRD").isEmpty();
      String name = doc.path("metadata").path("name").asText();
      assertThat(name).as(f.path() + " metadata.name").matches(DNS_1123_SUBDOMAIN).hasSizeLessThanOrEqualTo(253);
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
  void theKeptCrdsAreStrimzisOwnForBothKinds() {
    assertThat(StrimziCrds.crd("KafkaConnector").path("metadata").path("name").asText())
        .isEqualTo("kafkaconnectors.kafka.strimzi.io");
    assertThat(StrimziCrds.crd("KafkaTopic").path("metadata").path("name").asText())
        .isEqualTo("kafkatopics.kafka.strimzi.io");
    assertThat(StrimziCrds.openApiSchema("KafkaConnector").path("properties").path("spec").path("properties")
        .path("tasksMax").path("minimum").asInt()).isEqualTo(1);
  }

  @Test
  void aConnectorWithTasksMaxAsTextFailsWithAReadableMessage() throws Exception {
    ObjectNode doc = (ObjectNode) exportedConnector();
    ((ObjectNode) doc.path("spec")).put("tasksMax", "two");
    assertThat(StrimziCrds.errors(doc)).containsExactly("/spec/tasksMax: string found, integer expected");
  }

  @Test
  void aConnectorMissingARequiredFieldOrCarryingAnUnknownOneFails() throws Exception {
    ObjectNode doc = (ObjectNode) exportedConnector();
    ObjectNode spec = (ObjectNode) doc.path("spec");
    spec.putObject("listOffsets");
    spec.put("state", "sleeping");
    spec.put("taskMax", 2);
    assertThat(StrimziCrds.errors(doc)).containsExactlyInAnyOrder(
        "/spec/listOffsets: required property 'toConfigMap' not found",
        "/spec/state: does not have a value in the enumeration [\"paused\", \"stopped\", \"running\"]",
        "/spec: property 'taskMax' is not defined in the schema and the schema does not allow additional properties");
  }

  @Test
  void aTopicWithZeroPartitionsOrAnUnknownFieldFails() throws Exception {
    JsonNode bad = YAML.readTree("apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\n"
        + "metadata: {name: shop.orders, labels: {strimzi.io/cluster: c}}\n"
        + "spec: {partitions: 0, replica: 3, config: {any.topic.config: x}}\n");
    assertThat(StrimziCrds.errors(bad)).containsExactlyInAnyOrder(
        "/spec/partitions: must have a minimum value of 1",
        "/spec: property 'replica' is not defined in the schema and the schema does not allow additional properties");
  }

  static JsonNode exportedConnector() throws Exception {
    Pipeline p = PipelineFile.load(Path.of("examples/local-trial.yaml"));
    JsonNode doc = YAML.readTree(Exports.render(p, ExportFormat.STRIMZI, ExportOptions.of("local-trial.yaml")).stream()
        .filter(f -> f.path().equals("connectors/shop-cdc.yaml")).findFirst().orElseThrow().content());
    assertThat(StrimziCrds.errors(doc)).as("the untampered resource").isEmpty();
    return doc;
  }
}
