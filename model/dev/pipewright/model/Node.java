package dev.pipewright.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One box on the drawing: a unique name (what edges, findings and exported connector names refer
 * to), its kind, its place on the canvas (null until laid out) and the properties set explicitly.
 * Properties not set fall back to the kind's defaults; see {@link #property(String)}.
 */
public record Node(String name, NodeKind kind, Position position, Map<String, String> properties) {
  public Node {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    // Sorted so that saving is deterministic whatever order the properties were set in.
    properties = Collections.unmodifiableMap(new TreeMap<>(properties));
  }

  public static Node of(String name, NodeKind kind) {
    return new Node(name, kind, null, Map.of());
  }

  /** The explicit value, else the kind's default, else empty. */
  public Optional<String> property(String key) {
    String v = properties.get(key);
    if (v != null) {
      return Optional.of(v);
    }
    return kind.property(key).flatMap(PropertySpec::defaultOpt);
  }

  /** The property as an integer, falling back to {@code fallback} when unset or not a number. */
  public long intProperty(String key, long fallback) {
    try {
      return property(key).map(s -> Long.parseLong(s.trim())).orElse(fallback);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  public boolean boolProperty(String key) {
    return property(key).map("true"::equals).orElse(false);
  }

  public boolean isSet(String key) {
    return properties.containsKey(key);
  }

  public Node withProperty(String key, String value) {
    Map<String, String> copy = new TreeMap<>(properties);
    if (value == null) {
      copy.remove(key);
    } else {
      copy.put(key, value);
    }
    return new Node(name, kind, position, copy);
  }

  public Node withProperties(Map<String, String> props) {
    return new Node(name, kind, position, props);
  }

  public Node withPosition(Position p) {
    return new Node(name, kind, p, properties);
  }

  public Node withName(String newName) {
    return new Node(newName, kind, position, properties);
  }
}
