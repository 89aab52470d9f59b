package dev.pipewright.exporters.terraform;

import dev.pipewright.exporters.ExportOptions;
import dev.pipewright.exporters.ExportedFile;
import dev.pipewright.exporters.Exporter;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.SecretRef;
import dev.pipewright.model.connect.ConnectorConfig;
import dev.pipewright.model.connect.ConnectorConfigs;
import dev.pipewright.model.connect.TopicSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Terraform for Confluent Cloud with the {@code confluentinc/confluent} provider: a
 * {@code confluent_kafka_topic} per topic, a {@code confluent_custom_connector_plugin} per
 * connector plugin (the same Debezium and sink connectors as the self-managed export, uploaded as
 * custom connectors, so the config stays the one the trial ran) and a {@code confluent_connector}
 * per connector with {@code config_nonsensitive} and {@code config_sensitive}. Confluent Cloud has
 * no worker config providers, so secret variables have no default: set {@code TF_VAR_<name>}.
 */
public final class ConfluentExporter implements Exporter {
  private static final Set<String> RESERVED = Set.of("confluent_cloud_api_key", "confluent_cloud_api_secret",
      "environment_id", "kafka_cluster_id", "kafka_rest_endpoint", "kafka_api_key", "kafka_api_secret",
      "connection_endpoints");

  @Override
  public List<ExportedFile> render(Pipeline p, ExportOptions o) {
    List<ConnectorConfig> connectors = ConnectorConfigs.forPipeline(p);
    List<TopicSpec> topics = ConnectorConfigs.topics(p);
    Set<String> reserved = new TreeSet<>(RESERVED);
    Map<String, String> pluginVars = new LinkedHashMap<>();
    TerraformExporter.Names pluginIds = new TerraformExporter.Names();
    for (ConnectorConfig c : connectors) {
      String id = pluginIds.id(c.connectorClass().replaceAll(".*\\.", ""));
      pluginVars.putIfAbsent(c.connectorClass(), id);
      reserved.add("plugin_file_" + id);
    }
    SecretVariables secrets = new SecretVariables(connectors, reserved);
    TerraformExporter.Names topicIds = new TerraformExporter.Names();
    TerraformExporter.Names connectorIds = new TerraformExporter.Names();
    return List.of(
        ExportedFile.of("versions.tf", versions(o)),
        ExportedFile.of("variables.tf", variables(p, o, connectors, pluginVars, secrets)),
        ExportedFile.of("main.tf", main(o, connectors, topics, pluginVars, secrets, topicIds, connectorIds)),
        ExportedFile.of("outputs.tf", outputs(o, connectors, topicIds, connectorIds)));
  }

  private static String versions(ExportOptions o) {
    Hcl h = new Hcl().comment(o.header()).blank();
    h.open("terraform");
    h.attr("required_version", Hcl.str(">= 1.3"));
    h.blank();
    h.open("required_providers");
    h.obj("confluent", List.of(Map.entry("source", Hcl.str("confluentinc/confluent")),
        Map.entry("version", Hcl.str("~> 2.0"))));
    h.close().close();
    return h.toString();
  }

  private static String variables(Pipeline p, ExportOptions o, List<ConnectorConfig> connectors,
      Map<String, String> pluginVars, SecretVariables secrets) {
    Hcl h = new Hcl().comment(o.header()).blank();
    TerraformExporter.variable(h, "confluent_cloud_api_key", "Confluent Cloud API key", "string", null, true);
    TerraformExporter.variable(h, "confluent_cloud_api_secret", "Confluent Cloud API secret", "string", null, true);
    TerraformExporter.variable(h, "environment_id", "Confluent Cloud environment id (env-…)", "string", null, false);
    TerraformExporter.variable(h, "kafka_cluster_id", "Kafka cluster id (lkc-…)", "string", null, false);
    TerraformExporter.variable(h, "kafka_rest_endpoint", "REST endpoint of the Kafka cluster", "string", null, false);
    TerraformExporter.variable(h, "kafka_api_key", "Kafka API key the topics and connectors use", "string", null, true);
    TerraformExporter.variable(h, "kafka_api_secret", "Kafka API secret the topics and connectors use", "string",
        null, true);
    TerraformExporter.variable(h, "connection_endpoints", "Egress endpoints the custom connectors may reach, "
        + "e.g. db.example.com:5432:TCP;search.example.com:443:TCP", "string", null, false);
    for (Map.Entry<String, String> e : pluginVars.entrySet()) {
      String plugin = connectors.stream().filter(c -> c.connectorClass().equals(e.getKey()))
          .map(ConnectorConfig::plugin).findFirst().orElse("");
      TerraformExporter.variable(h, "plugin_file_" + e.getValue(), "Archive (.zip or .jar) of the plugin " + plugin
          + " for " + e.getKey(), "string", null, false);
    }
    for (Map.Entry<SecretRef, String> e : secrets.all().entrySet()) {
      TerraformExporter.variable(h, e.getValue(), "Secret the pipeline refers to as " + e.getKey()
          + "; set TF_VAR_" + e.getValue(), "string", null, true);
    }
    return h.toString().stripTrailing() + "\n";
  }

  private static String main(ExportOptions o, List<ConnectorConfig> connectors, List<TopicSpec> topics,
      Map<String, String> pluginVars, SecretVariables secrets, TerraformExporter.Names topicIds,
      TerraformExporter.Names connectorIds) {
    Hcl h = new Hcl().comment(o.header()).blank();
    h.open("provider \"confluent\"");
    h.attrs(List.of(Map.entry("cloud_api_key", "var.confluent_cloud_api_key"),
        Map.entry("cloud_api_secret", "var.confluent_cloud_api_secret")));
    h.close().blank();
    for (TopicSpec t : topics) {
      h.open("resource \"confluent_kafka_topic\" " + Hcl.str(topicIds.id(t.name())));
      h.open("kafka_cluster").attr("id", "var.kafka_cluster_id").close();
      h.attrs(List.of(Map.entry("topic_name", Hcl.str(t.name())),
          Map.entry("partitions_count", Integer.toString(t.partitions())),
          Map.entry("rest_endpoint", "var.kafka_rest_endpoint")));
      // Confluent Cloud always keeps three replicas; the replication factor is not settable.
      h.map("config", TerraformExporter.quoted(t.configs()));
      h.open("credentials").attrs(List.of(Map.entry("key", "var.kafka_api_key"),
          Map.entry("secret", "var.kafka_api_secret"))).close();
      h.close().blank();
    }
    for (Map.Entry<String, String> e : pluginVars.entrySet()) {
      Set<String> sensitive = new TreeSet<>();
      boolean sink = false;
      for (ConnectorConfig c : connectors) {
        if (c.connectorClass().equals(e.getKey())) {
          sensitive.addAll(c.secretKeys());
          sink = c.sink();
        }
      }
      h.open("resource \"confluent_custom_connector_plugin\" " + Hcl.str(e.getValue()));
      List<Map.Entry<String, String>> attrs = new ArrayList<>();
      attrs.add(Map.entry("display_name", Hcl.str(e.getValue().replace('_', ' '))));
      attrs.add(Map.entry("connector_class", Hcl.str(e.getKey())));
      attrs.add(Map.entry("connector_type", Hcl.str(sink ? "SINK" : "SOURCE")));
      attrs.add(Map.entry("sensitive_config_properties",
          "[" + String.join(", ", sensitive.stream().map(Hcl::str).toList()) + "]"));
      attrs.add(Map.entry("filename", "var.plugin_file_" + e.getValue()));
      h.attrs(attrs).close().blank();
    }
    List<String> topicRefs = topics.stream().map(t -> "confluent_kafka_topic." + topicIds.id(t.name())).toList();
    for (ConnectorConfig c : connectors) {
      h.open("resource \"confluent_connector\" " + Hcl.str(connectorIds.id(c.name())));
      h.open("environment").attr("id", "var.environment_id").close();
      h.open("kafka_cluster").attr("id", "var.kafka_cluster_id").close();
      h.blank();
      Map<String, String> nonSensitive = new TreeMap<>(TerraformExporter.quoted(c.nonSecretConfig()));
      nonSensitive.put("name", Hcl.str(c.name()));
      nonSensitive.put("confluent.connector.type", Hcl.str("CUSTOM"));
      nonSensitive.put("confluent.custom.plugin.id",
          "confluent_custom_connector_plugin." + pluginVars.get(c.connectorClass()) + ".id");
      nonSensitive.put("confluent.custom.connection.endpoints", "var.connection_endpoints");
      nonSensitive.put("kafka.auth.mode", Hcl.str("KAFKA_API_KEY"));
      h.map("config_nonsensitive", nonSensitive);
      h.blank();
      Map<String, String> sensitive = new TreeMap<>(secrets.sensitiveConfig(c));
      sensitive.put("kafka.api.key", "var.kafka_api_key");
      sensitive.put("kafka.api.secret", "var.kafka_api_secret");
      h.map("config_sensitive", sensitive);
      if (!topicRefs.isEmpty()) {
        h.blank();
        h.attr("depends_on", "[" + String.join(", ", topicRefs) + "]");
      }
      h.close().blank();
    }
    return h.toString().stripTrailing() + "\n";
  }

  private static String outputs(ExportOptions o, List<ConnectorConfig> connectors, TerraformExporter.Names topicIds,
      TerraformExporter.Names connectorIds) {
    Hcl h = new Hcl().comment(o.header()).blank();
    h.open("output \"connector_ids\"");
    h.attr("description", Hcl.str("Confluent Cloud ids of the connectors, by connector name"));
    Map<String, String> ids = new LinkedHashMap<>();
    for (ConnectorConfig c : connectors) {
      ids.put(c.name(), "confluent_connector." + connectorIds.id(c.name()) + ".id");
    }
    h.map("value", ids);
    h.close();
    return h.toString();
  }
}
