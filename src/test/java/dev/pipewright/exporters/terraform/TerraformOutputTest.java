package dev.pipewright.exporters.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.exporters.ExportFormat;
import dev.pipewright.exporters.ExportOptions;
import dev.pipewright.exporters.ExportedFile;
import dev.pipewright.exporters.Exports;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.connect.ConnectorConfig;
import dev.pipewright.model.connect.ConnectorConfigs;
import dev.pipewright.model.connect.TopicSpec;
import dev.pipewright.model.io.PipelineFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the Terraform exports (Mongey and Confluent flavours) with a real HCL parser (hcl4j, see
 * {@link TerraformModule}): they parse, reference only declared variables and resources, have the
 * resource types the providers define, and keep secrets in {@code config_sensitive} fed by
 * variables marked {@code sensitive}.
 */
class TerraformOutputTest {
  static Stream<Arguments> examples() throws Exception {
    try (Stream<Path> s = Files.list(Path.of("examples"))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted()
          .flatMap(p -> Stream.of(Arguments.of(p, ExportFormat.TERRAFORM), Arguments.of(p, ExportFormat.CONFLUENT)))
          .toList().stream();
    }
  }

  static List<ExportedFile> export(Path example, ExportFormat format) throws Exception {
    return Exports.render(PipelineFile.load(example), format, ExportOptions.of(example.getFileName().toString()));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("examples")
  void terraformParsesAndReferencesOnlyDeclaredNames(Path example, ExportFormat format) throws Exception {
    TerraformModule module = TerraformModule.parse(export(example, format));

    assertThat(module.problems).as("problems the HCL parser finds").isEmpty();
    assertThat(module.files.keySet()).containsExactlyInAnyOrder("main.tf", "variables.tf", "outputs.tf", "versions.tf");
    assertThat(module.files.get("variables.tf")).containsOnlyKeys("variable");
    assertThat(module.files.get("versions.tf")).containsOnlyKeys("terraform");
    assertThat(module.files.get("outputs.tf")).containsOnlyKeys("output");
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("examples")
  void resourcesHaveTheProviderTypesAndOneResourcePerTopicAndConnector(Path example, ExportFormat format)
      throws Exception {
    Pipeline p = PipelineFile.load(example);
    TerraformModule module = TerraformModule.parse(export(example, format));
    assertThat(resourceProblems(p, module, format)).isEmpty();
  }

  /** How the parsed resources differ from the topics and connectors the pipeline defines. */
  static List<String> resourceProblems(Pipeline p, TerraformModule module, ExportFormat format) {
    List<String> problems = new ArrayList<>();
    boolean mongey = format == ExportFormat.TERRAFORM;
    String topicType = mongey ? "kafka_topic" : "confluent_kafka_topic";
    String connectorType = mongey ? "kafka-connect_connector" : "confluent_connector";
    Set<String> allowed = mongey ? Set.of(topicType, connectorType)
        : Set.of(topicType, connectorType, "confluent_custom_connector_plugin");
    module.resources.keySet().stream().filter(t -> !allowed.contains(t))
        .forEach(t -> problems.add("unexpected resource type " + t));
    Map<String, Map<String, Object>> topics = module.resources.getOrDefault(topicType, Map.of());
    Map<String, Object> topicsByName = new java.util.HashMap<>();
    topics.values().forEach(b -> topicsByName.put(String.valueOf(b.get(mongey ? "name" : "topic_name")), b));
    Set<String> expectedTopics = ConnectorConfigs.topics(p).stream().map(TopicSpec::name).collect(Collectors.toSet());
    if (!topicsByName.keySet().equals(expectedTopics)) {
      problems.add(topicType + " resources name " + new java.util.TreeSet<>(topicsByName.keySet())
          + ", the pipeline has the topics " + new java.util.TreeSet<>(expectedTopics));
    }
    for (TopicSpec t : ConnectorConfigs.topics(p)) {
      if (topicsByName.get(t.name()) instanceof Map<?, ?> body) {
        Object partitions = body.get(mongey ? "partitions" : "partitions_count");
        if (!(partitions instanceof Number n) || n.intValue() != t.partitions()) {
          problems.add(t.name() + ": partitions " + partitions + ", expected " + t.partitions());
        }
        if (mongey && !(body.get("replication_factor") instanceof Number rf && rf.intValue() == t.replicationFactor())) {
          problems.add(t.name() + ": replication_factor " + body.get("replication_factor") + ", expected "
              + t.replicationFactor());
        }
        if (!t.configs().equals(body.get("config"))) {
          problems.add(t.name() + ": config " + body.get("config") + ", expected " + t.configs());
        }
      }
    }
    Set<String> connectorNames = module.resources.getOrDefault(connectorType, Map.of()).values().stream()
        .map(b -> String.valueOf(mongey ? b.get("name") : ((Map<?, ?>) b.get("config_nonsensitive")).get("name")))
        .collect(Collectors.toSet());
    Set<String> expectedConnectors = ConnectorConfigs.forPipeline(p).stream().map(ConnectorConfig::name)
        .collect(Collectors.toSet());
    if (!connectorNames.equals(expectedConnectors)) {
      problems.add(connectorType + " resources name " + new java.util.TreeSet<>(connectorNames)
          + ", the pipeline has the connectors " + new java.util.TreeSet<>(expectedConnectors));
    }
    return problems;
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("examples")
  void secretsOnlyInConfigSensitiveFedBySensitiveVariables(Path example, ExportFormat format) throws Exception {
    Pipeline p = PipelineFile.load(example);
    TerraformModule module = TerraformModule.parse(export(example, format));
    assertThat(secretProblems(p, module, format)).isEmpty();
  }

  /** What a reviewer would reject about where secrets go, read from the parsed module. */
  static List<String> secretProblems(Pipeline p, TerraformModule module, ExportFormat format) {
    List<String> problems = new ArrayList<>();
    boolean mongey = format == ExportFormat.TERRAFORM;
    String connectorType = mongey ? "kafka-connect_connector" : "confluent_connector";
    String plainKey = mongey ? "config" : "config_nonsensitive";
    Map<String, ConnectorConfig> byName = ConnectorConfigs.forPipeline(p).stream()
        .collect(Collectors.toMap(ConnectorConfig::name, c -> c));
    module.resources.getOrDefault(connectorType, Map.of()).forEach((name, body) -> {
      Map<?, ?> plain = (Map<?, ?>) body.getOrDefault(plainKey, Map.of());
      Map<?, ?> sensitive = (Map<?, ?>) body.getOrDefault("config_sensitive", Map.of());
      ConnectorConfig c = byName.get(String.valueOf(mongey ? body.get("name") : plain.get("name")));
      if (c == null) {
        problems.add(connectorType + "." + name + ": no connector of the pipeline has this name");
        return;
      }
      for (String key : c.secretKeys()) {
        if (plain.containsKey(key)) {
          problems.add(connectorType + "." + name + "." + plainKey + " holds the secret '" + key + "'");
        }
        if (!sensitive.containsKey(key)) {
          problems.add(connectorType + "." + name + ".config_sensitive lacks the secret '" + key + "'");
        }
      }
      for (String v : TerraformModule.variablesIn(plain)) {
        if (module.variables.get(v).sensitive()) {
          problems.add(connectorType + "." + name + "." + plainKey + " uses the sensitive variable " + v);
        }
      }
      sensitive.forEach((key, value) -> {
        Set<String> vars = TerraformModule.variablesIn(value);
        if (vars.isEmpty()) {
          problems.add(connectorType + "." + name + ".config_sensitive." + key + " is not fed by a variable");
        }
        vars.stream().filter(v -> !module.variables.get(v).sensitive()).forEach(v ->
            problems.add(connectorType + "." + name + ".config_sensitive." + key + " uses var." + v
                + ", which is not marked sensitive = true"));
      });
    });
    return problems;
  }

  static List<ExportedFile> tampered(List<ExportedFile> files, String path, UnaryOperator<String> change) {
    return files.stream().map(f -> {
      if (!f.path().equals(path)) {
        return f;
      }
      String changed = change.apply(f.content());
      assertThat(changed).as("the tampering changed " + path).isNotEqualTo(f.content());
      return ExportedFile.of(f.path(), changed);
    }).toList();
  }

  @Test
  void aVariableReferencedButNotDeclaredIsReported() throws Exception {
    List<ExportedFile> files = export(Path.of("examples/local-trial.yaml"), ExportFormat.TERRAFORM);
    TerraformModule module = TerraformModule.parse(
        tampered(files, "main.tf", s -> s.replace("var.shop_db_password", "var.shop_db_pasword")));
    assertThat(module.problems).contains(
        "main.tf: resource.kafka-connect_connector.shop_cdc.config_sensitive.database.password refers to"
            + " var.shop_db_pasword, which no variable block declares",
        "variables.tf: variable 'shop_db_password' is declared but never used");
  }

  @Test
  void anInterpolatedVariableThatIsNotDeclaredIsReported() throws Exception {
    List<ExportedFile> files = export(Path.of("examples/lakehouse-medallion.yaml"), ExportFormat.CONFLUENT);
    TerraformModule module = TerraformModule.parse(
        tampered(files, "variables.tf", s -> s.replace("variable \"kafka_password\"", "variable \"kafka_pass\"")));
    assertThat(module.problems)
        .anyMatch(m -> m.contains("sasl.jaas.config interpolates var.kafka_password, which no variable block declares"))
        .contains("variables.tf: variable 'kafka_pass' is declared but never used");
  }

  @Test
  void aReferenceToAnUndeclaredResourceIsReported() throws Exception {
    List<ExportedFile> files = export(Path.of("examples/local-trial.yaml"), ExportFormat.TERRAFORM);
    TerraformModule module = TerraformModule.parse(
        tampered(files, "outputs.tf", s -> s.replace("kafka_topic.shop_dlq.name", "kafka_topic.shop_dead.name")));
    assertThat(module.problems).contains(
        "outputs.tf: output.topic_names.value[2] refers to kafka_topic.shop_dead.name, which is not a declared resource");
  }

  @Test
  void brokenHclIsReportedWithTheFileName() throws Exception {
    List<ExportedFile> files = export(Path.of("examples/local-trial.yaml"), ExportFormat.TERRAFORM);
    TerraformModule unterminated = TerraformModule.parse(
        tampered(files, "main.tf", s -> s.replace("name = \"shop-cdc\"", "name = \"shop-cdc")));
    assertThat(unterminated.problems).anyMatch(m -> m.startsWith("main.tf: does not parse as HCL"));
    TerraformModule headerOnly = TerraformModule.parse(
        tampered(files, "versions.tf", s -> s.substring(0, s.indexOf('{') + 1)));
    assertThat(headerOnly.problems).contains("versions.tf: the HCL parser found no blocks (an unclosed block?)");
  }

  @Test
  void aMissingClosingBraceSwallowsResourcesAndTheResourceCheckNotices() throws Exception {
    // hcl4j tolerates a missing '}' by nesting what follows; the comparison with the pipeline catches it.
    Path example = Path.of("examples/local-trial.yaml");
    List<ExportedFile> files = export(example, ExportFormat.TERRAFORM);
    TerraformModule module = TerraformModule.parse(
        tampered(files, "main.tf", s -> s.replaceFirst("\n}\n", "\n\n")));
    assertThat(resourceProblems(PipelineFile.load(example), module, ExportFormat.TERRAFORM))
        .anyMatch(m -> m.startsWith("kafka_topic resources name []"))
        .anyMatch(m -> m.startsWith("kafka-connect_connector resources name []"));
  }

  @Test
  void aSecretOutsideConfigSensitiveOrFromANonSensitiveVariableIsReported() throws Exception {
    Path example = Path.of("examples/local-trial.yaml");
    Pipeline p = PipelineFile.load(example);
    List<ExportedFile> files = export(example, ExportFormat.TERRAFORM);
    TerraformModule notSensitive = TerraformModule.parse(tampered(files, "variables.tf", s -> s.replace(
        "  default     = \"$${env:SHOP_DB_PASSWORD}\"\n  sensitive   = true\n",
        "  default     = \"$${env:SHOP_DB_PASSWORD}\"\n")));
    assertThat(secretProblems(p, notSensitive, ExportFormat.TERRAFORM)).containsExactly(
        "kafka-connect_connector.shop_cdc.config_sensitive.database.password uses var.shop_db_password,"
            + " which is not marked sensitive = true");
    TerraformModule moved = TerraformModule.parse(tampered(files, "main.tf", s -> s.replace(
        "  config_sensitive = {\n    \"database.password\" = var.shop_db_password\n  }\n",
        "  config_sensitive = {\n  }\n").replace(
        "\"database.dbname\"                = \"shop\"",
        "\"database.dbname\"                = \"shop\"\n    \"database.password\" = var.shop_db_password")));
    assertThat(secretProblems(p, moved, ExportFormat.TERRAFORM)).containsExactlyInAnyOrder(
        "kafka-connect_connector.shop_cdc.config holds the secret 'database.password'",
        "kafka-connect_connector.shop_cdc.config_sensitive lacks the secret 'database.password'",
        "kafka-connect_connector.shop_cdc.config uses the sensitive variable shop_db_password");
  }

  @Test
  void connectPlaceholdersStayTextAndSecretsAreVariables() {
    assertThat(Hcl.str("${topic}")).isEqualTo("\"$${topic}\"");
    assertThat(Hcl.withVars("${env:PG_PASSWORD}", r -> "pg_password")).isEqualTo("var.pg_password");
    assertThat(Hcl.withVars("X required password=\"${env:K}\";", r -> "k"))
        .isEqualTo("\"X required password=\\\"${var.k}\\\";\"");
  }
}
