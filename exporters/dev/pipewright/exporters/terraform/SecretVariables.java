package dev.pipewright.exporters.terraform;

import dev.pipewright.exporters.Text;
import dev.pipewright.model.SecretRef;
import dev.pipewright.model.connect.ConnectorConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One Terraform variable per distinct secret reference of the pipeline, with a stable unique
 * name ({@code ${env:PG_PASSWORD}} becomes {@code pg_password}).
 */
final class SecretVariables {
  private final Map<SecretRef, String> names = new LinkedHashMap<>();

  SecretVariables(List<ConnectorConfig> connectors, Set<String> reserved) {
    Set<String> used = new TreeSet<>(reserved);
    for (ConnectorConfig c : connectors) {
      for (SecretRef r : c.secretRefs()) {
        if (names.containsKey(r)) {
          continue;
        }
        String base = Text.identifier(Text.secretName(r));
        String name = base;
        for (int i = 2; used.contains(name); i++) {
          name = base + "_" + i;
        }
        used.add(name);
        names.put(r, name);
      }
    }
  }

  String name(SecretRef r) {
    return names.get(r);
  }

  Map<SecretRef, String> all() {
    return names;
  }

  /** The sensitive part of a connector as HCL expressions referring to the variables. */
  Map<String, String> sensitiveConfig(ConnectorConfig c) {
    Map<String, String> out = new java.util.TreeMap<>();
    c.secretConfig().forEach((k, v) -> out.put(k, Hcl.withVars(v, this::name)));
    return out;
  }
}
