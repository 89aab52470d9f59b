package dev.pipewright.exporters.debeziumserver;

import dev.pipewright.exporters.ExportOptions;
import dev.pipewright.exporters.ExportedFile;
import dev.pipewright.exporters.Exporter;
import dev.pipewright.exporters.Text;
import dev.pipewright.model.Cluster;
import dev.pipewright.model.Converter;
import dev.pipewright.model.Finding;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.SecretRef;
import dev.pipewright.model.Severity;
import dev.pipewright.model.connect.ConnectorConfig;
import dev.pipewright.model.connect.ConnectorConfigs;
import dev.pipewright.model.connect.KafkaClientSecurity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debezium Server {@code application.properties} for a pipeline with one capture, writing to the
 * pipeline's Kafka cluster: the capture's connector config under {@code debezium.source.}, its
 * SMTs under {@code debezium.transforms}, the converter as {@code debezium.format.*}. Sinks are
 * not part of Debezium Server; they stay Kafka Connect connectors. Secrets become MicroProfile
 * Config expressions ({@code ${env:PG_PASSWORD}} is {@code ${PG_PASSWORD}}), read from the
 * environment.
 */
public final class DebeziumServerExporter implements Exporter {
  private static final String RULE = "PW-EXPORT-DEBEZIUM-SERVER";

  @Override
  public List<Finding> refusals(Pipeline p) {
    List<Finding> out = new ArrayList<>();
    List<Node> captures = p.nodesOf(NodeKind.DEBEZIUM);
    if (captures.size() != 1) {
      out.add(Finding.onPipeline(RULE, Severity.ERROR, "Debezium Server runs exactly one capture; this pipeline has "
          + captures.size() + ".", "Export this pipeline as connect, terraform or strimzi, or split it into "
          + "pipelines with one capture each."));
      return out;
    }
    Node capture = captures.get(0);
    Converter c = capture.property("converter").flatMap(Converter::fromYaml).orElse(p.converter());
    if (c.needsSchemaRegistry()) {
      out.add(Finding.onNode(RULE, Severity.ERROR, capture.name(), "converter", "The Debezium Server export writes "
          + "JSON; this capture uses " + c.yamlName() + ".", "Use the json or json-schemas converter, or export "
          + "as connect, terraform or strimzi."));
    }
    ConnectorConfig cc = ConnectorConfigs.forNode(p, capture);
    for (SecretRef r : cc.secretRefs()) {
      if (!"env".equals(r.provider())) {
        out.add(Finding.onNode(RULE, Severity.ERROR, capture.name(), null, "Debezium Server reads secrets from "
            + "environment variables; " + r + " is a file reference.", "Refer to the secret as ${env:NAME} and "
            + "set NAME in the server's environment."));
      }
    }
    return out;
  }

  @Override
  public List<ExportedFile> render(Pipeline p, ExportOptions o) {
    Node capture = p.nodesOf(NodeKind.DEBEZIUM).get(0);
    ConnectorConfig cc = ConnectorConfigs.forNode(p, capture);
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(o.header()).append("\n");
    sb.append("# Debezium Server for capture '").append(capture.name()).append("' of pipeline '").append(p.name())
        .append("'.\n");
    sb.append("# Secrets are read from environment variables:");
    List<SecretRef> refs = cc.secretRefs();
    if (refs.isEmpty()) {
      sb.append(" none");
    }
    refs.forEach(r -> sb.append(' ').append(r.key()));
    sb.append(".\n");
    List<ConnectorConfig> sinks = ConnectorConfigs.forPipeline(p).stream().filter(ConnectorConfig::sink).toList();
    if (!sinks.isEmpty()) {
      sb.append("# The sinks (").append(String.join(", ", sinks.stream().map(ConnectorConfig::name).toList()))
          .append(") are not part of Debezium Server; deploy them with the connect export.\n");
    }
    sb.append("\n# Sink: the pipeline's Kafka cluster\n");
    Cluster cluster = p.cluster();
    line(sb, "debezium.sink.type", "kafka");
    String producer = "debezium.sink.kafka.producer.";
    line(sb, producer + "bootstrap.servers", cluster.embedded() ? ConnectorConfigs.LOCAL_BOOTSTRAP
        : cluster.bootstrapServers());
    line(sb, producer + "key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    line(sb, producer + "value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    KafkaClientSecurity.withReference(cluster.security()).forEach((k, v) ->
        line(sb, producer + k, k.equals("sasl.jaas.config") ? expressions(v) : v));
    sb.append("\n# Format of the change events\n");
    Map<String, String> config = cc.config();
    for (String side : List.of("key", "value")) {
      line(sb, "debezium.format." + side, "json");
      String schemas = config.get(side + ".converter.schemas.enable");
      if (schemas != null) {
        line(sb, "debezium.format." + side + ".schemas.enable", schemas);
      }
    }
    sb.append("\n# Source: ").append(cc.connectorClass()).append("\n");
    line(sb, "debezium.source.offset.storage.file.filename", "data/offsets.dat");
    line(sb, "debezium.source.offset.flush.interval.ms", "10000");
    if (config.containsKey("schema.history.internal.kafka.topic")) {
      line(sb, "debezium.source.schema.history.internal", "io.debezium.storage.kafka.history.KafkaSchemaHistory");
    }
    config.forEach((k, v) -> {
      if (k.startsWith("transforms") || k.startsWith("key.converter") || k.startsWith("value.converter")) {
        return;
      }
      line(sb, "debezium.source." + k, cc.secretKeys().contains(k) ? expressions(v) : v);
    });
    if (config.containsKey("transforms")) {
      sb.append("\n# Single message transforms\n");
      config.forEach((k, v) -> {
        if (k.startsWith("transforms")) {
          line(sb, "debezium." + k, v);
        }
      });
    }
    return List.of(ExportedFile.of("application.properties", sb.toString()));
  }

  private static String expressions(String value) {
    return Text.replaceRefs(value, r -> "${" + r.key() + "}");
  }

  /** A properties line, escaped the way java.util.Properties reads it back. */
  private static void line(StringBuilder sb, String key, String value) {
    sb.append(escape(key, true)).append('=').append(escape(value, false)).append('\n');
  }

  static String escape(String s, boolean key) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '=', ':', '#', '!' -> out.append(key ? "\\" + c : String.valueOf(c));
        case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
