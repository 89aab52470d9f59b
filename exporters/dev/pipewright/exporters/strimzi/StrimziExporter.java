package dev.pipewright.exporters.strimzi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.pipewright.exporters.ExportOptions;
import dev.pipewright.exporters.ExportedFile;
import dev.pipewright.exporters.Exporter;
import dev.pipewright.exporters.Text;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.SecretRef;
import dev.pipewright.model.connect.ConnectorConfig;
import dev.pipewright.model.connect.ConnectorConfigs;
import dev.pipewright.model.connect.TopicSpec;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Strimzi resources: a {@code KafkaTopic} per topic and a {@code KafkaConnector} per connector
 * ({@code kafka.strimzi.io/v1beta2}), a Role letting the Connect pods read the pipeline's Secret,
 * a kustomization and a README with the {@code KafkaConnect} settings they need. Secrets become
 * {@code ${secrets:<namespace>/<pipeline>-secrets:<key>}} references for Strimzi's
 * KubernetesSecretConfigProvider.
 */
public final class StrimziExporter implements Exporter {
  static final String API_VERSION = "kafka.strimzi.io/v1beta2";
  private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .build());

  @Override
  public List<ExportedFile> render(Pipeline p, ExportOptions o) {
    String kafkaCluster = ConnectorConfigs.slug(p.cluster().name());
    String connectCluster = o.connectCluster() != null ? o.connectCluster() : kafkaCluster + "-connect";
    String secretName = secretName(p);
    List<ConnectorConfig> connectors = ConnectorConfigs.forPipeline(p);
    List<TopicSpec> topics = ConnectorConfigs.topics(p);
    List<ExportedFile> files = new ArrayList<>();
    List<String> resources = new ArrayList<>();
    Set<String> used = new TreeSet<>();
    List<ExportedFile> topicFiles = new ArrayList<>();
    for (TopicSpec t : topics) {
      String name = unique(k8sName(t.name()), used);
      String path = "topics/" + name + ".yaml";
      topicFiles.add(ExportedFile.of(path, yaml(o, topic(t, name, o.namespace(), kafkaCluster))));
    }
    List<ExportedFile> connectorFiles = new ArrayList<>();
    Set<String> secretKeys = new TreeSet<>();
    for (ConnectorConfig c : connectors) {
      c.secretRefs().forEach(r -> secretKeys.add(Text.secretName(r)));
      String path = "connectors/" + c.name() + ".yaml";
      connectorFiles.add(ExportedFile.of(path, yaml(o, connector(c, o.namespace(), connectCluster, secretName))));
    }
    files.add(ExportedFile.of("README.md", readme(p, o, connectors, connectCluster, secretName, secretKeys)));
    topicFiles.forEach(f -> resources.add(f.path()));
    connectorFiles.forEach(f -> resources.add(f.path()));
    if (!secretKeys.isEmpty()) {
      files.add(ExportedFile.of("rbac.yaml", rbac(o, connectCluster, secretName)));
      resources.add(0, "rbac.yaml");
    }
    files.addAll(connectorFiles);
    Map<String, Object> kustomization = new LinkedHashMap<>();
    kustomization.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
    kustomization.put("kind", "Kustomization");
    kustomization.put("resources", resources);
    files.add(ExportedFile.of("kustomization.yaml", yaml(o, kustomization)));
    files.addAll(topicFiles);
    return files;
  }

  /** The name of the Kubernetes Secret holding the pipeline's secret values. */
  public static String secretName(Pipeline p) {
    return ConnectorConfigs.slug(p.name()) + "-secrets";
  }

  /** The KubernetesSecretConfigProvider reference that stands for {@code ref}. */
  public static String secretsRef(String namespace, String secretName, SecretRef ref) {
    return "${secrets:" + namespace + "/" + secretName + ":" + Text.secretName(ref) + "}";
  }

  private static Map<String, Object> topic(TopicSpec t, String name, String namespace, String cluster) {
    Map<String, Object> spec = new LinkedHashMap<>();
    if (!name.equals(t.name())) {
      spec.put("topicName", t.name());
    }
    spec.put("partitions", t.partitions());
    spec.put("replicas", t.replicationFactor());
    if (!t.configs().isEmpty()) {
      spec.put("config", new TreeMap<>(t.configs()));
    }
    return resource("KafkaTopic", name, namespace, cluster, spec);
  }

  private static Map<String, Object> connector(ConnectorConfig c, String namespace, String connectCluster,
      String secretName) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("class", c.connectorClass());
    spec.put("tasksMax", Integer.parseInt(c.config().getOrDefault("tasks.max", "1")));
    Map<String, Object> autoRestart = new LinkedHashMap<>();
    autoRestart.put("enabled", true);
    spec.put("autoRestart", autoRestart);
    spec.put("state", "running");
    Map<String, Object> config = new TreeMap<>();
    c.config().forEach((k, v) -> {
      if (!k.equals("connector.class") && !k.equals("tasks.max") && !k.equals("name")) {
        config.put(k, c.secretKeys().contains(k) ? Text.replaceRefs(v, r -> secretsRef(namespace, secretName, r)) : v);
      }
    });
    spec.put("config", config);
    return resource("KafkaConnector", c.name(), namespace, connectCluster, spec);
  }

  private static Map<String, Object> resource(String kind, String name, String namespace, String cluster,
      Map<String, Object> spec) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("apiVersion", API_VERSION);
    m.put("kind", kind);
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("name", name);
    meta.put("namespace", namespace);
    meta.put("labels", Map.of("strimzi.io/cluster", cluster));
    m.put("metadata", meta);
    m.put("spec", spec);
    return m;
  }

  private static String rbac(ExportOptions o, String connectCluster, String secretName) {
    String role = connectCluster + "-read-" + secretName;
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("apiVersion", "rbac.authorization.k8s.io/v1");
    r.put("kind", "Role");
    r.put("metadata", metadata(role, o.namespace()));
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("apiGroups", List.of(""));
    rule.put("resources", List.of("secrets"));
    rule.put("resourceNames", List.of(secretName));
    rule.put("verbs", List.of("get"));
    r.put("rules", List.of(rule));
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("apiVersion", "rbac.authorization.k8s.io/v1");
    b.put("kind", "RoleBinding");
    b.put("metadata", metadata(role, o.namespace()));
    Map<String, Object> subject = new LinkedHashMap<>();
    subject.put("kind", "ServiceAccount");
    subject.put("name", connectCluster + "-connect");
    subject.put("namespace", o.namespace());
    b.put("subjects", List.of(subject));
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put("kind", "Role");
    ref.put("name", role);
    ref.put("apiGroup", "rbac.authorization.k8s.io");
    b.put("roleRef", ref);
    return yaml(o, r) + "---\n" + write(b);
  }

  private static Map<String, Object> metadata(String name, String namespace) {
    Map<String, Object> m = new LinkedHashMap<>(); // insertion order: the files must not vary per run
    m.put("name", name);
    m.put("namespace", namespace);
    return m;
  }

  private static String readme(Pipeline p, ExportOptions o, List<ConnectorConfig> connectors, String connectCluster,
      String secretName, Set<String> secretKeys) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!-- ").append(o.header()).append(" -->\n\n");
    sb.append("# Strimzi resources for pipeline `").append(p.name()).append("`\n\n");
    sb.append("Apply with `kubectl apply -k .` in namespace `").append(o.namespace()).append("`.\n\n");
    sb.append("## The KafkaConnect cluster `").append(connectCluster).append("` needs\n\n");
    sb.append("```yaml\nmetadata:\n  name: ").append(connectCluster).append("\n  annotations:\n")
        .append("    strimzi.io/use-connector-resources: \"true\"   # KafkaConnector resources drive the connectors\n")
        .append("spec:\n  config:\n    config.providers: secrets\n")
        .append("    config.providers.secrets.class: io.strimzi.kafka.KubernetesSecretConfigProvider\n")
        .append("  build:            # or an image that already holds these plugins\n    plugins:\n");
    Set<String> plugins = new TreeSet<>();
    connectors.forEach(c -> plugins.add(c.plugin()));
    for (String plugin : plugins) {
      sb.append("      - name: ").append(ConnectorConfigs.slug(plugin.replaceAll(" .*", ""))).append("   # ")
          .append(plugin).append("\n");
    }
    sb.append("```\n\n");
    sb.append("Each plugin entry also needs its `artifacts` (the archive URL of that plugin version).\n\n");
    sb.append("## Secrets\n\n");
    if (secretKeys.isEmpty()) {
      sb.append("The connectors use no secrets.\n");
    } else {
      sb.append("The connectors read their secrets from the Kubernetes Secret `").append(secretName)
          .append("` through `${secrets:").append(o.namespace()).append("/").append(secretName)
          .append(":KEY}` references; `rbac.yaml` lets the Connect pods read it. Create it outside this folder:\n\n");
      sb.append("```sh\nkubectl -n ").append(o.namespace()).append(" create secret generic ").append(secretName);
      for (String k : secretKeys) {
        sb.append(" \\\n  --from-literal=").append(k).append("=\"$").append(k.toUpperCase(Locale.ROOT)
            .replaceAll("[^A-Z0-9_]", "_")).append("\"");
      }
      sb.append("\n```\n");
    }
    return sb.toString();
  }

  private static String yaml(ExportOptions o, Object doc) {
    return "# " + o.header() + "\n" + write(doc);
  }

  private static String write(Object doc) {
    try {
      return YAML.writeValueAsString(doc);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A Kubernetes object name (DNS-1123 subdomain) from a Kafka topic name. */
  static String k8sName(String s) {
    String n = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-").replaceAll("^[^a-z0-9]+|[^a-z0-9]+$", "");
    if (n.length() > 253) {
      n = n.substring(0, 253).replaceAll("[^a-z0-9]+$", "");
    }
    return n.isEmpty() ? "topic" : n;
  }

  private static String unique(String base, Set<String> used) {
    String n = base;
    for (int i = 2; used.contains(n); i++) {
      n = base + "-" + i;
    }
    used.add(n);
    return n;
  }
}
