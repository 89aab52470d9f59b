package dev.pipewright.model.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import dev.pipewright.model.Cluster;
import dev.pipewright.model.Credentials;
import dev.pipewright.model.Durations;
import dev.pipewright.model.Edge;
import dev.pipewright.model.KafkaSecurity;
import dev.pipewright.model.Node;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.PropertySpec;
import dev.pipewright.model.PropertyType;
import dev.pipewright.model.Slo;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes the canonical text of a pipeline: fixed key order, lists in model order, properties
 * sorted, values typed per their {@link PropertySpec}, strings quoted only where YAML would
 * otherwise read them differently. The same pipeline always gives the same bytes, so saved files
 * diff cleanly.
 */
final class PipelineWriter {
  private static final Pattern CANONICAL_LONG = Pattern.compile("-?(0|[1-9][0-9]{0,18})");

  private final StringBuilder out = new StringBuilder(1024);

  static String write(Pipeline p) {
    return new PipelineWriter().pipeline(p).out.toString();
  }

  private PipelineWriter pipeline(Pipeline p) {
    line(0, "apiVersion", Pipeline.API_VERSION);
    line(0, "name", p.name());
    if (!p.description().isEmpty()) {
      line(0, "description", p.description());
    }
    line(0, "environment", p.environment().yamlName());
    line(0, "converter", p.converter().yamlName());
    list("clusters", p.clusters(), this::cluster);
    list("nodes", p.nodes(), this::node);
    list("edges", p.edges(), this::edge);
    list("slos", p.slos(), this::slo);
    return this;
  }

  /** A top-level list; an empty one is left out, and reads back as empty. */
  private <T> void list(String key, java.util.List<T> items, java.util.function.Consumer<T> writeItem) {
    if (!items.isEmpty()) {
      out.append(key).append(":\n");
      items.forEach(writeItem);
    }
  }

  private void cluster(Cluster c) {
    item("name", c.name());
    optional(4, "bootstrapServers", c.bootstrapServers());
    KafkaSecurity s = c.security();
    if (s != null && !s.equals(KafkaSecurity.PLAINTEXT)) {
      out.append("    security:\n");
      optional(6, "protocol", s.protocol());
      optional(6, "saslMechanism", s.saslMechanism());
      credentials(6, s.credentials());
      optional(6, "truststore", s.truststore());
    }
    if (c.connectUrl() != null || c.connectAuth() != null || c.connectTruststore() != null) {
      out.append("    connect:\n");
      optional(6, "url", c.connectUrl());
      credentials(6, c.connectAuth());
      optional(6, "truststore", c.connectTruststore());
    }
    optional(4, "schemaRegistryUrl", c.schemaRegistryUrl());
  }

  private void credentials(int indent, Credentials c) {
    if (c != null) {
      optional(indent, "username", c.username());
      optional(indent, "password", c.password());
    }
  }

  private void node(Node n) {
    item("name", n.name());
    line(4, "kind", n.kind().id());
    if (n.position() != null) {
      indent(4).append("position: {x: ").append(Numbers.format(n.position().x()))
          .append(", y: ").append(Numbers.format(n.position().y())).append("}\n");
    }
    if (!n.properties().isEmpty()) {
      out.append("    properties:\n");
      for (Map.Entry<String, String> e : n.properties().entrySet()) {
        indent(6).append(key(e.getKey())).append(": ")
            .append(typed(n.kind().property(e.getKey()), e.getValue())).append('\n');
      }
    }
  }

  private void edge(Edge e) {
    item("from", e.from());
    line(4, "to", e.to());
  }

  private void slo(Slo s) {
    item("name", s.name());
    line(4, "kind", s.kind().yamlName());
    line(4, "target", s.target());
    if (s.threshold() != 0 || s.kind() != dev.pipewright.model.SloKind.CONNECTOR_RUNNING) {
      indent(4).append("threshold: ").append(Numbers.format(s.threshold())).append('\n');
    }
    if (s.percentile() != 0) {
      indent(4).append("percentile: ").append(s.percentile()).append('\n');
    }
    indent(4).append("objective: ").append(Numbers.format(s.objective())).append('\n');
    line(4, "window", Durations.format(s.window()));
  }

  /** A value as its spec types it: INT as a number, BOOLEAN as a bool, everything else a string. */
  private static String typed(Optional<PropertySpec> spec, String value) {
    PropertyType type = spec.map(PropertySpec::type).orElse(PropertyType.STRING);
    if (type == PropertyType.INT && spec.get().problemWith(value).isEmpty()) {
      String t = value.trim();
      return CANONICAL_LONG.matcher(t).matches() ? t : Long.toString(Long.parseLong(t));
    }
    if (type == PropertyType.BOOLEAN && (value.equals("true") || value.equals("false"))) {
      return value;
    }
    return scalar(value);
  }

  private void item(String key, String value) {
    out.append("  - ").append(key).append(": ").append(scalar(value)).append('\n');
  }

  private void line(int indent, String key, String value) {
    indent(indent).append(key).append(": ").append(scalar(value)).append('\n');
  }

  private void optional(int indent, String key, String value) {
    if (value != null) {
      line(indent, key, value);
    }
  }

  private StringBuilder indent(int n) {
    for (int i = 0; i < n; i++) {
      out.append(' ');
    }
    return out;
  }

  private static String key(String k) {
    if (needsQuotes(k)) {
      return doubleQuoted(k);
    }
    return plainIsText(k) || readsBackAs(k + ": v\n", k, JsonToken.FIELD_NAME) ? k : doubleQuoted(k);
  }

  /** A string scalar, plain when YAML reads it back as the same string, double-quoted otherwise. */
  static String scalar(String s) {
    if (needsQuotes(s)) {
      return doubleQuoted(s);
    }
    return plainIsText(s) || readsBackAs("k: " + s + "\n", s, JsonToken.VALUE_STRING) ? s : doubleQuoted(s);
  }

  private static final java.util.Set<String> WORDS = java.util.Set.of(
      "y", "n", "yes", "no", "on", "off", "true", "false", "null");

  /**
   * The common case decided without a parser: YAML reads numbers, dates and special floats only
   * from text starting with a digit, sign or dot, so text starting with a letter is a string
   * unless it is one of the boolean or null words. Everything else is asked of the parser.
   */
  private static boolean plainIsText(String s) {
    char c = s.charAt(0);
    return (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')
        && !WORDS.contains(s.toLowerCase(java.util.Locale.ROOT));
  }

  /**
   * Asks the parser that will read the file whether the plain spelling means the same string:
   * the reliable way to catch every number, boolean, null and date look-alike YAML knows.
   */
  private static boolean readsBackAs(String doc, String text, JsonToken expected) {
    try (JsonParser p = PipelineFile.yaml().createParser(doc)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      JsonToken t = p.nextToken();
      if (expected == JsonToken.FIELD_NAME) {
        return t == JsonToken.FIELD_NAME && text.equals(p.currentName())
            && p.nextToken() == JsonToken.VALUE_STRING && p.nextToken() == JsonToken.END_OBJECT
            && p.nextToken() == null;
      }
      return t == JsonToken.FIELD_NAME && p.nextToken() == expected && text.equals(p.getText())
          && p.nextToken() == JsonToken.END_OBJECT && p.nextToken() == null;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean needsQuotes(String s) {
    if (s.isEmpty() || !s.strip().equals(s)) {
      return true;
    }
    char first = s.charAt(0);
    if ("-?:,[]{}#&*!|>'\"%@`".indexOf(first) >= 0) {
      return true;
    }
    if (s.contains(": ") || s.contains(" #") || s.endsWith(":")) {
      return true;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!plainSafe(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Printable characters that YAML keeps as they are inside a plain scalar. */
  private static boolean plainSafe(char c) {
    return c >= 0x20 && c < 0x7f || c >= 0xa0 && c < 0xd800 && c != 0x2028 && c != 0x2029
        || c >= 0xe000 && c <= 0xfffd && c != 0xfeff;
  }

  static String doubleQuoted(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        case 0 -> sb.append("\\0");
        default -> {
          boolean pairedSurrogate = Character.isHighSurrogate(c) && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))
              || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
          if (pairedSurrogate || c >= 0x20 && c < 0x7f
              || c >= 0xa0 && c < 0xd800 && c != 0x2028 && c != 0x2029
              || c >= 0xe000 && c <= 0xfffd && c != 0xfeff) {
            sb.append(c);
          } else {
            sb.append(String.format("\\u%04X", (int) c));
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
