package dev.pipewright.app.connect;

import dev.pipewright.model.connect.ConnectorConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Drift between the drawing and a Connect cluster: connectors drawn but not deployed, deployed but
 * not drawn, and properties that differ. A property only one side sets is no difference when its
 * value is the plugin's default (asked from the cluster with a validate dry run); masked secrets
 * are not compared, and secret values are never shown.
 */
public final class ConfigDiff {
  private ConfigDiff() {}

  /** The kinds of drift. */
  public enum Kind {
    /** The drawing has the connector, the cluster does not. */
    NOT_DEPLOYED,
    /** The cluster runs a connector the drawing does not have. */
    NOT_DRAWN,
    /** Both set the property, to different values. */
    CHANGED,
    /** The drawing sets a non-default value the cluster lacks. */
    ONLY_IN_DRAWING,
    /** The cluster sets a non-default value the drawing lacks. */
    ONLY_ON_CLUSTER
  }

  /** One difference; values are null where they do not apply or are secret. */
  public record Difference(String connector, String key, Kind kind, String drawn, String cluster) {
    /** One line for people, e.g. {@code read-model: tasks.max is 1 in the drawing, 4 on the cluster}. */
    public String describe() {
      return switch (kind) {
        case NOT_DEPLOYED -> connector + ": drawn, but the cluster does not run it";
        case NOT_DRAWN -> connector + ": the cluster runs it, but the drawing does not have it";
        case CHANGED -> connector + ": " + key + " is " + show(drawn) + " in the drawing, " + show(cluster)
            + " on the cluster";
        case ONLY_IN_DRAWING -> connector + ": " + key + " = " + show(drawn) + " in the drawing, not set on the cluster";
        case ONLY_ON_CLUSTER -> connector + ": " + key + " = " + show(cluster) + " on the cluster, not in the drawing";
      };
    }

    private static String show(String v) {
      return v == null ? "(a secret)" : "'" + v + "'";
    }
  }

  /** Compares every drawn connector with the cluster, and lists the cluster's other connectors. */
  public static List<Difference> compare(List<ConnectorConfig> drawn, ConnectRestClient client) throws IOException {
    List<Difference> out = new ArrayList<>();
    Set<String> drawnNames = new TreeSet<>();
    for (ConnectorConfig d : drawn) {
      drawnNames.add(d.name());
      var deployed = client.connectorConfig(d.name());
      if (deployed.isEmpty()) {
        out.add(new Difference(d.name(), null, Kind.NOT_DEPLOYED, null, null));
        continue;
      }
      Map<String, String> defaults;
      try {
        defaults = client.validate(d.connectorClass(), d.config()).defaults();
      } catch (ConnectRestException e) {
        defaults = Map.of(); // plugin unknown to the cluster: compare without defaults
      }
      out.addAll(compareOne(d, deployed.get(), defaults));
    }
    for (String name : client.connectors()) {
      if (!drawnNames.contains(name)) {
        out.add(new Difference(name, null, Kind.NOT_DRAWN, null, null));
      }
    }
    return out;
  }

  /** The differences between one drawn connector and the config the cluster holds for it. */
  public static List<Difference> compareOne(ConnectorConfig drawn, Map<String, String> cluster,
      Map<String, String> defaults) {
    List<Difference> out = new ArrayList<>();
    Set<String> keys = new TreeSet<>(drawn.config().keySet());
    keys.addAll(cluster.keySet());
    keys.remove("name");
    for (String k : keys) {
      String d = drawn.config().get(k);
      String c = cluster.get(k);
      boolean secret = drawn.secretKeys().contains(k);
      if (d != null && c != null) {
        if (same(d, c) || (secret && masked(c))) {
          continue;
        }
        out.add(new Difference(drawn.name(), k, Kind.CHANGED, secret ? null : d, secret ? null : c));
      } else if (d == null) {
        if (!same(c, defaults.get(k))) {
          out.add(new Difference(drawn.name(), k, Kind.ONLY_ON_CLUSTER, null, masked(c) ? null : c));
        }
      } else if (!same(d, defaults.get(k))) {
        out.add(new Difference(drawn.name(), k, Kind.ONLY_IN_DRAWING, secret ? null : d, null));
      }
    }
    return out;
  }

  /** Equal after the spellings Connect treats alike: case of booleans, blanks around list commas. */
  static boolean same(String a, String b) {
    if (a == null || b == null) {
      return a == b;
    }
    return normal(a).equals(normal(b));
  }

  private static String normal(String v) {
    String t = v.trim();
    if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
      return t.toLowerCase(Locale.ROOT);
    }
    return t.replaceAll("\\s*,\\s*", ",");
  }

  private static boolean masked(String v) {
    return v != null && (v.equals("[hidden]") || v.matches("\\*{3,}"));
  }
}
