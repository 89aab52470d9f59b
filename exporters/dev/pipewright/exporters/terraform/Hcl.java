package dev.pipewright.exporters.terraform;

import dev.pipewright.exporters.Text;
import dev.pipewright.model.SecretRef;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes HCL the way {@code terraform fmt} lays it out: two-space indents, {@code =} aligned
 * within a block, strings escaped so that Connect placeholders such as {@code ${topic}} stay text
 * ({@code $${topic}}) instead of becoming Terraform interpolations.
 */
final class Hcl {
  private final StringBuilder sb = new StringBuilder();
  private int depth;

  /** A quoted HCL string: backslash, quote, newline escaped; {@code ${} and {@code %{} doubled. */
  static String str(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
        .replace("${", "$${").replace("%{", "%%{") + "\"";
  }

  /**
   * A string whose secret references become variable interpolations, e.g. a JAAS line holding
   * {@code ${env:KAFKA_PASSWORD}} becomes {@code "…password=\"${var.kafka_password}\";"}; a value
   * that is just one reference becomes the bare {@code var.name}.
   */
  static String withVars(String value, Function<SecretRef, String> varName) {
    var whole = SecretRef.parse(value);
    if (whole.isPresent()) {
      return "var." + varName.apply(whole.get());
    }
    String marker = "\u0000";
    String marked = Text.replaceRefs(value, r -> marker + varName.apply(r) + marker);
    String[] parts = marked.split(marker, -1);
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < parts.length; i++) {
      if (i % 2 == 0) {
        String lit = str(parts[i]);
        out.append(lit, 1, lit.length() - 1);
      } else {
        out.append("${var.").append(parts[i]).append("}");
      }
    }
    return out.append("\"").toString();
  }

  Hcl comment(String text) {
    indent().append("# ").append(text).append("\n");
    return this;
  }

  Hcl blank() {
    sb.append("\n");
    return this;
  }

  Hcl open(String header) {
    indent().append(header).append(" {\n");
    depth++;
    return this;
  }

  Hcl close() {
    depth--;
    indent().append("}\n");
    return this;
  }

  /** Attributes with their {@code =} aligned, values already rendered as HCL expressions. */
  Hcl attrs(List<Map.Entry<String, String>> attrs) {
    int width = attrs.stream().mapToInt(e -> e.getKey().length()).max().orElse(0);
    for (Map.Entry<String, String> e : attrs) {
      indent().append(e.getKey()).append(" ".repeat(width - e.getKey().length())).append(" = ")
          .append(e.getValue()).append("\n");
    }
    return this;
  }

  Hcl attr(String key, String expr) {
    return attrs(List.of(Map.entry(key, expr)));
  }

  /** {@code name = { a = x, b = y }} as an object attribute, one aligned line per entry. */
  Hcl obj(String name, List<Map.Entry<String, String>> attrs) {
    indent().append(name).append(" = {\n");
    depth++;
    attrs(attrs);
    depth--;
    indent().append("}\n");
    return this;
  }

  /** {@code name = { "k" = v … }} with keys quoted and aligned; values already HCL expressions. */
  Hcl map(String name, Map<String, String> entries) {
    if (entries.isEmpty()) {
      indent().append(name).append(" = {}\n");
      return this;
    }
    indent().append(name).append(" = {\n");
    depth++;
    int width = entries.keySet().stream().mapToInt(k -> str(k).length()).max().orElse(0);
    for (Map.Entry<String, String> e : entries.entrySet()) {
      String k = str(e.getKey());
      indent().append(k).append(" ".repeat(width - k.length())).append(" = ").append(e.getValue()).append("\n");
    }
    depth--;
    indent().append("}\n");
    return this;
  }

  private StringBuilder indent() {
    return sb.append("  ".repeat(depth));
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
