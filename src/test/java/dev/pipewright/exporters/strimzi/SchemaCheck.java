package dev.pipewright.exporters.strimzi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a document against the OpenAPI v3 schema subset Kubernetes CRDs use: type, required,
 * properties, additionalProperties, enum, minimum, maximum, pattern, maxLength and
 * x-kubernetes-preserve-unknown-fields. Unknown fields are errors unless the schema preserves them.
 */
final class SchemaCheck {
  private SchemaCheck() {}

  static List<String> errors(JsonNode schema, JsonNode doc) {
    List<String> out = new ArrayList<>();
    check(schema, doc, "", out);
    return out;
  }

  private static void check(JsonNode s, JsonNode d, String path, List<String> out) {
    String type = s.path("type").asText("");
    switch (type) {
      case "object" -> {
        if (!d.isObject()) {
          out.add(path + ": expected an object");
          return;
        }
        for (JsonNode r : s.path("required")) {
          if (!d.has(r.asText())) {
            out.add(path + ": missing required field " + r.asText());
          }
        }
        boolean preserve = s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        JsonNode props = s.path("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = d.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          String p = path + "." + e.getKey();
          if (props.has(e.getKey())) {
            check(props.get(e.getKey()), e.getValue(), p, out);
          } else if (s.has("additionalProperties")) {
            check(s.get("additionalProperties"), e.getValue(), p, out);
          } else if (!preserve) {
            out.add(p + ": unknown field (Kubernetes would drop it)");
          }
        }
      }
      case "string" -> {
        if (!d.isTextual()) {
          out.add(path + ": expected a string, got " + d);
          return;
        }
        if (s.has("pattern") && !d.asText().matches(s.get("pattern").asText())) {
          out.add(path + ": '" + d.asText() + "' does not match " + s.get("pattern").asText());
        }
        if (s.has("maxLength") && d.asText().length() > s.get("maxLength").asInt()) {
          out.add(path + ": longer than " + s.get("maxLength").asInt());
        }
      }
      case "integer" -> {
        if (!d.isIntegralNumber()) {
          out.add(path + ": expected an integer, got " + d);
          return;
        }
        if (s.has("minimum") && d.asLong() < s.get("minimum").asLong()) {
          out.add(path + ": below " + s.get("minimum").asLong());
        }
        if (s.has("maximum") && d.asLong() > s.get("maximum").asLong()) {
          out.add(path + ": above " + s.get("maximum").asLong());
        }
      }
      case "boolean" -> {
        if (!d.isBoolean()) {
          out.add(path + ": expected a boolean, got " + d);
        }
      }
      default -> out.add(path + ": schema type '" + type + "' not supported by this check");
    }
    if (s.has("enum")) {
      boolean found = false;
      for (JsonNode v : s.get("enum")) {
        found |= v.equals(d);
      }
      if (!found) {
        out.add(path + ": " + d + " is not one of " + s.get("enum"));
      }
    }
  }
}
