package dev.pipewright.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The description of one node property: its key in the pipeline file, type, default, whether it
 * is required or secret, the form group it belongs to and a one-line explanation. The inspector
 * builds its forms from these, the loader checks values against them, and the exporters map them.
 *
 * @param defaultValue the value used when the file gives none, or null when there is none
 * @param choices the allowed values of an {@link PropertyType#ENUM}, empty otherwise
 * @param onlyFor source kind ids this property applies to (for capture settings that exist for
 *     one database only, such as {@code slot.name}); empty means every kind
 */
public record PropertySpec(
    String key,
    String label,
    PropertyType type,
    String defaultValue,
    boolean required,
    Group group,
    String doc,
    List<String> choices,
    Set<String> onlyFor) {

  public PropertySpec {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(group, "group");
    choices = List.copyOf(choices);
    onlyFor = Set.copyOf(onlyFor);
    label = label == null ? key : label;
    doc = doc == null ? "" : doc;
  }

  public boolean secret() {
    return type == PropertyType.SECRET;
  }

  public Optional<String> defaultOpt() {
    return Optional.ofNullable(defaultValue);
  }

  public boolean appliesTo(String sourceKindId) {
    return onlyFor.isEmpty() || sourceKindId == null || onlyFor.contains(sourceKindId);
  }

  /**
   * Checks a raw value against the type. Returns an explanation a person can act on, or empty
   * when the value is acceptable. Secrets must be references; see {@link SecretRef}.
   */
  public Optional<String> problemWith(String value) {
    if (value == null) {
      return Optional.empty();
    }
    switch (type) {
      case INT:
        try {
          long v = Long.parseLong(value.trim());
          if (v < -1) {
            return Optional.of("'" + key + "' must be -1 (no limit) or more, got " + v);
          }
          return Optional.empty();
        } catch (NumberFormatException e) {
          return Optional.of("'" + key + "' must be a whole number, got '" + abbreviate(value) + "'");
        }
      case BOOLEAN:
        if (value.equals("true") || value.equals("false")) {
          return Optional.empty();
        }
        return Optional.of("'" + key + "' must be true or false, got '" + abbreviate(value) + "'");
      case ENUM:
        if (choices.contains(value)) {
          return Optional.empty();
        }
        return Optional.of(
            "'" + key + "' must be one of " + String.join(", ", choices) + ", got '"
                + abbreviate(value) + "'");
      default:
        return Optional.empty();
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 37) + "..." : s;
  }

  /** Starts a spec; the builder keeps the catalogue in {@link NodeKind} readable. */
  public static Builder of(String key, PropertyType type, Group group) {
    return new Builder(key, type, group);
  }

  /** Fluent builder for {@link PropertySpec}. */
  public static final class Builder {
    private final String key;
    private final PropertyType type;
    private final Group group;
    private String label;
    private String defaultValue;
    private boolean required;
    private String doc;
    private List<String> choices = List.of();
    private Set<String> onlyFor = Set.of();

    private Builder(String key, PropertyType type, Group group) {
      this.key = key;
      this.type = type;
      this.group = group;
    }

    public Builder label(String l) {
      this.label = l;
      return this;
    }

    public Builder def(String d) {
      this.defaultValue = d;
      return this;
    }

    public Builder required() {
      this.required = true;
      return this;
    }

    public Builder doc(String d) {
      this.doc = d;
      return this;
    }

    public Builder choices(String... c) {
      this.choices = List.of(c);
      return this;
    }

    public Builder onlyFor(String... kinds) {
      this.onlyFor = Set.of(kinds);
      return this;
    }

    public PropertySpec build() {
      return new PropertySpec(key, label, type, defaultValue, required, group, doc, choices, onlyFor);
    }
  }
}
