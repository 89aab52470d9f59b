package dev.pipewright.exporters.terraform;

import dev.pipewright.exporters.ExportOptions;
import dev.pipewright.exporters.ExportedFile;
import dev.pipewright.exporters.Exporter;
import dev.pipewright.exporters.Text;
import dev.pipewright.model.Cluster;
import dev.pipewright.model.KafkaSecurity;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.SecretRef;
import dev.pipewright.model.connect.ConnectorConfig;
import dev.pipewright.model.connect.ConnectorConfigs;
import dev.pipewright.model.connect.TopicSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Terraform for self-managed Kafka and Connect with the Mongey providers: a {@code kafka_topic}
 * per topic and a {@code kafka-connect_connector} per connector. Secrets go into
 * {@code config_sensitive} from variables marked {@code sensitive}; each defaults to the
 * pipeline's config-provider reference, so the worker resolves it and the value never enters the
 * Terraform state (set {@code TF_VAR_<name>} to pass a value instead).
 */
public final class TerraformExporter implements Exporter {
  static final Set<String> RESERVED = Set.of("bootstrap_servers", "connect_url", "connect_username",
      "connect_password", "sasl_username", "sasl_password", "ca_cert_file");

  @Override
  public List<ExportedFile> render(Pipeline p, ExportOptions o) {
    List<ConnectorConfig> connectors = ConnectorConfigs.forPipeline(p);
    List<TopicSpec> topics = ConnectorConfigs.topics(p);
    SecretVariables secrets = new SecretVariables(connectors, RESERVED);
    Names topicIds = new Names();
    Names connectorIds = new Names();
    return List.of(
        ExportedFile.of("versions.tf", versions(o)),
        ExportedFile.of("variables.tf", variables(p, o, secrets)),
        ExportedFile.of("main.tf", main(p, o, connectors, topics, secrets, topicIds, connectorIds)),
        ExportedFile.of("outputs.tf", outputs(o, connectors, topics, topicIds, connectorIds)));
  }

  private static String versions(ExportOptions o) {
    Hcl h = new Hcl().comment(o.header()).blank();
    h.open("terraform");
    h.attr("required_version", Hcl.str(">= 1.3"));
    h.blank();
    h.open("required_providers");
    h.obj("kafka", List.of(Map.entry("source", Hcl.str("Mongey/kafka")), Map.entry("version", Hcl.str("~> 0.9"))));
    h.obj("kafka-connect", List.of(Map.entry("source", Hcl.str("Mongey/kafka-connect")),
        Map.entry("version", Hcl.str("~> 0.4"))));
    h.close().close();
    return h.toString();
  }

  private static String variables(Pipeline p, ExportOptions o, SecretVariables secrets) {
    Cluster c = p.cluster();
    Hcl h = new Hcl().comment(o.header()).blank();
    List<String> servers = List.of((c.embedded() ? ConnectorConfigs.LOCAL_BOOTSTRAP : c.bootstrapServers()).split(","));
    variable(h, "bootstrap_servers", "Kafka bootstrap servers", "list(string)",
        "[" + String.join(", ", servers.stream().map(String::trim).map(Hcl::str).toList()) + "]", false);
    variable(h, "connect_url", "Kafka Connect REST URL", "string",
        Hcl.str(c.connectUrl() != null ? c.connectUrl() : "http://localhost:8083"), false);
    if (c.connectAuth() != null) {
      variable(h, "connect_username", "Kafka Connect basic-auth user", "string", Hcl.str(c.connectAuth().username()), false);
      variable(h, "connect_password", "Kafka Connect basic-auth password (the pipeline refers to "
          + c.connectAuth().password() + ")", "string", null, true);
    }
    KafkaSecurity sec = c.security();
    if (sec.credentials() != null) {
      variable(h, "sasl_username", "SASL user Terraform creates topics as", "string",
          Hcl.str(sec.credentials().username()), false);
      variable(h, "sasl_password", "SASL password (the pipeline refers to " + sec.credentials().password() + ")",
          "string", null, true);
    }
    if (sec.truststore() != null) {
      variable(h, "ca_cert_file", "PEM file of the CA that signed the brokers' certificates", "string",
          Hcl.str(sec.truststore()), false);
    }
    for (Map.Entry<SecretRef, String> e : secrets.all().entrySet()) {
      variable(h, e.getValue(), "Secret for the connectors. Defaults to the reference " + e.getKey()
          + ", resolved by the Connect worker's config provider; set TF_VAR_" + e.getValue()
          + " to pass a value instead.", "string", Hcl.str(e.getKey().toString()), true);
    }
    return h.toString().stripTrailing() + "\n";
  }

  static void variable(Hcl h, String name, String description, String type, String defaultExpr, boolean sensitive) {
    h.open("variable " + Hcl.str(name));
    List<Map.Entry<String, String>> attrs = new ArrayList<>();
    attrs.add(Map.entry("description", Hcl.str(description)));
    attrs.add(Map.entry("type", type));
    if (defaultExpr != null) {
      attrs.add(Map.entry("default", defaultExpr));
    }
    if (sensitive) {
      attrs.add(Map.entry("sensitive", "true"));
    }
    h.attrs(attrs);
    h.close().blank();
  }

  private static String main(Pipeline p, ExportOptions o, List<ConnectorConfig> connectors, List<TopicSpec> topics,
      SecretVariables secrets, Names topicIds, Names connectorIds) {
    Cluster c = p.cluster();
    KafkaSecurity sec = c.security();
    Hcl h = new Hcl().comment(o.header()).blank();
    h.open("provider \"kafka\"");
    List<Map.Entry<String, String>> kafka = new ArrayList<>();
    kafka.add(Map.entry("bootstrap_servers", "var.bootstrap_servers"));
    kafka.add(Map.entry("tls_enabled", Boolean.toString(sec.protocol().endsWith("SSL"))));
    if (sec.saslMechanism() != null) {
      kafka.add(Map.entry("sasl_mechanism", Hcl.str(sec.saslMechanism().toLowerCase(Locale.ROOT).replace("sha-", "sha"))));
    }
    if (sec.credentials() != null) {
      kafka.add(Map.entry("sasl_username", "var.sasl_username"));
      kafka.add(Map.entry("sasl_password", "var.sasl_password"));
    }
    if (sec.truststore() != null) {
      kafka.add(Map.entry("ca_cert", "file(var.ca_cert_file)"));
    }
    h.attrs(kafka).close().blank();
    h.open("provider \"kafka-connect\"");
    List<Map.Entry<String, String>> connect = new ArrayList<>();
    connect.add(Map.entry("url", "var.connect_url"));
    if (c.connectAuth() != null) {
      connect.add(Map.entry("basic_auth_username", "var.connect_username"));
      connect.add(Map.entry("basic_auth_password", "var.connect_password"));
    }
    h.attrs(connect).close().blank();
    for (TopicSpec t : topics) {
      h.open("resource \"kafka_topic\" " + Hcl.str(topicIds.id(t.name())));
      h.attrs(List.of(Map.entry("name", Hcl.str(t.name())),
          Map.entry("partitions", Integer.toString(t.partitions())),
          Map.entry("replication_factor", Integer.toString(t.replicationFactor()))));
      h.map("config", quoted(t.configs()));
      h.close().blank();
    }
    List<String> topicRefs = topics.stream().map(t -> "kafka_topic." + topicIds.id(t.name())).toList();
    for (ConnectorConfig cc : connectors) {
      h.open("resource \"kafka-connect_connector\" " + Hcl.str(connectorIds.id(cc.name())));
      h.attr("name", Hcl.str(cc.name()));
      h.blank();
      Map<String, String> config = new TreeMap<>(quoted(cc.nonSecretConfig()));
      config.put("name", Hcl.str(cc.name()));
      h.map("config", config);
      if (!cc.secretKeys().isEmpty()) {
        h.blank();
        h.map("config_sensitive", secrets.sensitiveConfig(cc));
      }
      if (!topicRefs.isEmpty()) {
        h.blank();
        h.attr("depends_on", "[" + String.join(", ", topicRefs) + "]");
      }
      h.close().blank();
    }
    return h.toString().stripTrailing() + "\n";
  }

  private static String outputs(ExportOptions o, List<ConnectorConfig> connectors, List<TopicSpec> topics,
      Names topicIds, Names connectorIds) {
    Hcl h = new Hcl().comment(o.header()).blank();
    h.open("output \"connector_names\"");
    h.attrs(List.of(Map.entry("description", Hcl.str("The connectors this pipeline runs")),
        Map.entry("value", "[" + String.join(", ", connectors.stream()
            .map(c -> "kafka-connect_connector." + connectorIds.id(c.name()) + ".name").toList()) + "]")));
    h.close().blank();
    h.open("output \"topic_names\"");
    h.attrs(List.of(Map.entry("description", Hcl.str("The topics this pipeline uses")),
        Map.entry("value", "[" + String.join(", ", topics.stream()
            .map(t -> "kafka_topic." + topicIds.id(t.name()) + ".name").toList()) + "]")));
    h.close();
    return h.toString();
  }

  static Map<String, String> quoted(Map<String, String> m) {
    Map<String, String> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, Hcl.str(v)));
    return out;
  }

  /** Unique Terraform resource names from Kafka names, stable in call order. */
  static final class Names {
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Set<String> used = new TreeSet<>();

    String id(String name) {
      return ids.computeIfAbsent(name, n -> {
        String base = Text.identifier(n);
        String id = base;
        for (int i = 2; used.contains(id); i++) {
          id = base + "_" + i;
        }
        used.add(id);
        return id;
      });
    }
  }
}
