package dev.pipewright.exporters.connect;

import dev.pipewright.exporters.ExportOptions;
import dev.pipewright.exporters.ExportedFile;
import dev.pipewright.exporters.Exporter;
import dev.pipewright.exporters.Text;
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
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Kafka Connect REST export: {@code connectors/<name>.json} in the shape
 * {@code PUT /connectors/{name}/config} takes, {@code topics.json}, an idempotent {@code deploy.sh}
 * (kafka-topics.sh {@code --if-not-exists}, then curl PUTs), and the {@code worker.properties}
 * lines that enable the config providers the secret references need.
 */
public final class ConnectExporter implements Exporter {

  @Override
  public List<ExportedFile> render(Pipeline p, ExportOptions o) {
    List<ConnectorConfig> connectors = ConnectorConfigs.forPipeline(p);
    List<TopicSpec> topics = ConnectorConfigs.topics(p);
    List<ExportedFile> files = new ArrayList<>();
    files.add(ExportedFile.of("README.txt", readme(p, o, connectors)));
    for (ConnectorConfig c : connectors) {
      files.add(ExportedFile.of("connectors/" + c.name() + ".json", Text.json(c.config())));
    }
    files.add(new ExportedFile("deploy.sh", deployScript(p, o, connectors, topics), true));
    files.add(ExportedFile.of("topics.json", Text.json(topicsJson(topics))));
    files.add(ExportedFile.of("worker.properties", workerProperties(o, connectors)));
    return files;
  }

  /** The topics file: name, partitions, replication factor and configs of each topic. */
  static List<Map<String, Object>> topicsJson(List<TopicSpec> topics) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (TopicSpec t : topics) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", t.name());
      m.put("partitions", t.partitions());
      m.put("replicationFactor", t.replicationFactor());
      m.put("configs", t.configs());
      out.add(m);
    }
    return out;
  }

  private static String readme(Pipeline p, ExportOptions o, List<ConnectorConfig> connectors) {
    StringBuilder sb = new StringBuilder();
    sb.append(o.header()).append("\n\n");
    sb.append("Kafka Connect export of pipeline '").append(p.name()).append("'.\n\n");
    sb.append("The connectors/*.json files carry no comment because JSON has none and Kafka Connect\n");
    sb.append("stores every key of a config it is given; this README is their \"generated\" note.\n\n");
    sb.append("Deploy:\n");
    sb.append("  1. Add worker.properties to every Connect worker's configuration and restart the workers.\n");
    sb.append("  2. Install the plugins below on every worker's plugin.path.\n");
    sb.append("  3. Provide the secrets below to the workers (not to this folder).\n");
    sb.append("  4. CONNECT_URL=http://connect:8083 BOOTSTRAP_SERVERS=kafka:9092 ./deploy.sh\n");
    sb.append("     (or: pipewright deploy ").append(o.sourceName()).append(" --connect-url URL)\n");
    sb.append("  Running deploy.sh again is safe: topics are created only if missing, connectors are\n");
    sb.append("  created or updated in place with PUT /connectors/{name}/config.\n\n");
    sb.append("Connectors and the plugin each needs:\n");
    for (ConnectorConfig c : connectors) {
      sb.append("  ").append(c.name()).append(": ").append(c.connectorClass()).append("\n");
      sb.append("      plugin: ").append(c.plugin()).append("\n");
    }
    Set<String> secrets = new TreeSet<>();
    for (ConnectorConfig c : connectors) {
      for (SecretRef r : c.secretRefs()) {
        secrets.add("env".equals(r.provider()) ? "environment variable " + r.key() + " on every worker"
            : "key " + r.key() + " in file " + r.path() + " on every worker");
      }
    }
    sb.append("\nSecrets the workers resolve through config providers:\n");
    if (secrets.isEmpty()) {
      sb.append("  (none)\n");
    }
    secrets.forEach(s -> sb.append("  ").append(s).append("\n"));
    return sb.toString();
  }

  private static String workerProperties(ExportOptions o, List<ConnectorConfig> connectors) {
    Set<String> envNames = new TreeSet<>();
    Set<String> paths = new TreeSet<>();
    for (ConnectorConfig c : connectors) {
      for (SecretRef r : c.secretRefs()) {
        if ("env".equals(r.provider())) {
          envNames.add(r.key());
        } else {
          paths.add(r.path());
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(o.header()).append("\n");
    sb.append("# Add these lines to the configuration of every Kafka Connect worker, then restart it.\n");
    sb.append("# Connectors refer to secrets as ${env:NAME} and ${file:path:key}; the worker resolves\n");
    sb.append("# them when it starts a task, so secret values never travel through the REST API.\n");
    sb.append("config.providers=env,file\n");
    sb.append("config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider\n");
    if (!envNames.isEmpty()) {
      sb.append("# Only the variables the connectors use may be read.\n");
      sb.append("config.providers.env.param.allowlist.pattern=^(")
          .append(envNames.stream().collect(Collectors.joining("|"))).append(")$\n");
    }
    sb.append("config.providers.file.class=org.apache.kafka.common.config.provider.FileConfigProvider\n");
    if (!paths.isEmpty()) {
      sb.append("config.providers.file.param.allowed.paths=").append(String.join(",", paths)).append("\n");
    }
    return sb.toString();
  }

  private static String deployScript(Pipeline p, ExportOptions o, List<ConnectorConfig> connectors,
      List<TopicSpec> topics) {
    StringBuilder sb = new StringBuilder();
    sb.append("#!/usr/bin/env bash\n");
    sb.append("# ").append(o.header()).append("\n");
    sb.append("# Creates the topics and creates or updates the connectors of pipeline '").append(p.name())
        .append("'. Safe to run again.\n");
    sb.append("# Needs curl and Kafka's kafka-topics.sh (set KAFKA_TOPICS to its path if it is not on PATH).\n");
    sb.append("# Environment: CONNECT_URL, BOOTSTRAP_SERVERS, optional KAFKA_CLIENT_CONFIG (a client\n");
    sb.append("# properties file for a secured cluster), optional CONNECT_USER / CONNECT_PASSWORD.\n");
    sb.append("set -euo pipefail\n");
    sb.append("cd \"$(dirname \"$0\")\"\n\n");
    String connectUrl = p.cluster().connectUrl() != null ? p.cluster().connectUrl() : "http://localhost:8083";
    String bootstrap = p.cluster().embedded() ? ConnectorConfigs.LOCAL_BOOTSTRAP : p.cluster().bootstrapServers();
    sb.append("CONNECT_URL=\"${CONNECT_URL:-").append(connectUrl).append("}\"\n");
    sb.append("BOOTSTRAP_SERVERS=\"${BOOTSTRAP_SERVERS:-").append(bootstrap).append("}\"\n");
    sb.append("KAFKA_TOPICS=\"${KAFKA_TOPICS:-kafka-topics.sh}\"\n");
    sb.append("TOPIC_ARGS=(--bootstrap-server \"$BOOTSTRAP_SERVERS\")\n");
    sb.append("if [ -n \"${KAFKA_CLIENT_CONFIG:-}\" ]; then TOPIC_ARGS+=(--command-config \"$KAFKA_CLIENT_CONFIG\"); fi\n");
    sb.append("CURL_ARGS=(-sS --fail-with-body -o /dev/null)\n");
    sb.append("if [ -n \"${CONNECT_USER:-}\" ]; then CURL_ARGS+=(-u \"$CONNECT_USER:${CONNECT_PASSWORD:-}\"); fi\n\n");
    sb.append("create_topic() { # name partitions replication-factor [key=value ...]\n");
    sb.append("  local name=$1 partitions=$2 replicas=$3\n");
    sb.append("  shift 3\n");
    sb.append("  local configs=()\n");
    sb.append("  for c in \"$@\"; do configs+=(--config \"$c\"); done\n");
    sb.append("  echo \"topic $name\"\n");
    sb.append("  \"$KAFKA_TOPICS\" \"${TOPIC_ARGS[@]}\" --create --if-not-exists --topic \"$name\" \\\n");
    sb.append("    --partitions \"$partitions\" --replication-factor \"$replicas\" ${configs[@]+\"${configs[@]}\"}\n");
    sb.append("}\n\n");
    sb.append("put_connector() { # name: PUT creates the connector or updates its config\n");
    sb.append("  echo \"connector $1\"\n");
    sb.append("  curl \"${CURL_ARGS[@]}\" -X PUT -H 'Content-Type: application/json' \\\n");
    sb.append("    --data @\"connectors/$1.json\" \"$CONNECT_URL/connectors/$1/config\"\n");
    sb.append("}\n\n");
    for (TopicSpec t : topics) {
      sb.append("create_topic ").append(sh(t.name())).append(' ').append(t.partitions()).append(' ')
          .append(t.replicationFactor());
      t.configs().forEach((k, v) -> sb.append(' ').append(sh(k + "=" + v)));
      sb.append("\n");
    }
    if (!topics.isEmpty()) {
      sb.append("\n");
    }
    for (ConnectorConfig c : connectors) {
      sb.append("put_connector ").append(sh(c.name())).append("\n");
    }
    return sb.toString();
  }

  /** Quotes a word for bash when it holds anything but safe characters. */
  static String sh(String s) {
    if (s.matches("[A-Za-z0-9._,=/:+-]+")) {
      return s;
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
