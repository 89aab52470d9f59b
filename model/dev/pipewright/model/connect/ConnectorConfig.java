package dev.pipewright.model.connect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.pipewright.model.SecretRef;

/**
 * The Kafka Connect configuration of one connector, exactly as {@code PUT /connectors/{name}/config}
 * takes it. Made by {@link ConnectorConfigs} from one capture or sink node; the exporters write it
 * and the local trial runs it, so both agree. Secret values are references ({@code ${env:…}},
 * {@code ${file:…}}), never literal secrets.
 *
 * @param name the connector name, derived from the node name (lower case, DNS-safe)
 * @param connectorClass the {@code connector.class}
 * @param config every property, sorted by key, including {@code connector.class} and {@code tasks.max}
 * @param secretKeys the keys of {@code config} whose values hold secret references
 * @param plugin the plugin a worker needs, e.g. {@code debezium-connector-postgres 3.6}
 */
public record ConnectorConfig(
    String name, String connectorClass, Map<String, String> config, Set<String> secretKeys, String plugin) {

  private static final Pattern REF = Pattern.compile("\\$\\{(?:env|file):[^}]+}");

  public ConnectorConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(connectorClass, "connectorClass");
    config = Collections.unmodifiableSortedMap(new TreeMap<>(config));
    secretKeys = Collections.unmodifiableSortedSet(new TreeSet<>(secretKeys));
    plugin = plugin == null ? "" : plugin;
  }

  /** True for a sink connector (it consumes {@code topics}), false for a source connector. */
  public boolean sink() {
    return config.containsKey("topics") || config.containsKey("topics.regex");
  }

  /** The topics a sink reads, in config order; empty for a source. */
  public List<String> topics() {
    String t = config.get("topics");
    if (t == null || t.isBlank()) {
      return List.of();
    }
    return Arrays.stream(t.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** The non-secret part of the config (what Terraform puts in {@code config}). */
  public Map<String, String> nonSecretConfig() {
    Map<String, String> m = new TreeMap<>(config);
    m.keySet().removeAll(secretKeys);
    return m;
  }

  /** The secret part of the config, values still references (what goes in {@code config_sensitive}). */
  public Map<String, String> secretConfig() {
    Map<String, String> m = new TreeMap<>();
    for (String k : secretKeys) {
      if (config.containsKey(k)) {
        m.put(k, config.get(k));
      }
    }
    return m;
  }

  /** Every secret reference used by this connector, in key order, without duplicates. */
  public List<SecretRef> secretRefs() {
    List<SecretRef> refs = new ArrayList<>();
    for (String k : secretKeys) {
      Matcher m = REF.matcher(config.getOrDefault(k, ""));
      while (m.find()) {
        SecretRef.parse(m.group()).filter(r -> !refs.contains(r)).ifPresent(refs::add);
      }
    }
    return refs;
  }

  /**
   * The config with each secret reference replaced by what {@code lookup} returns for it, for a
   * worker that has no config providers (the local trial). Throws naming the reference, never a
   * value, when one cannot be resolved.
   */
  public Map<String, String> resolved(Function<SecretRef, java.util.Optional<String>> lookup) {
    Map<String, String> out = new TreeMap<>(config);
    for (String k : secretKeys) {
      String v = out.get(k);
      if (v == null) {
        continue;
      }
      Matcher m = REF.matcher(v);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        SecretRef ref = SecretRef.parse(m.group()).orElseThrow();
        String value = lookup.apply(ref).orElseThrow(() -> new IllegalStateException(
            "Connector '" + name + "' property '" + k + "' needs the secret " + ref
                + ", which is not set. Set it before starting the pipeline."));
        m.appendReplacement(sb, Matcher.quoteReplacement(value));
      }
      m.appendTail(sb);
      out.put(k, sb.toString());
    }
    return out;
  }

  /** {@link #resolved(Function)} using {@link SecretRef#resolve()} (environment and files). */
  public Map<String, String> resolved() {
    return resolved(SecretRef::resolve);
  }
}
