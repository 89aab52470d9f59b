package dev.pipewright.app.desktop.inspector;

import dev.pipewright.canvas.command.Command;
import dev.pipewright.canvas.command.SetProperty;
import dev.pipewright.model.Group;
import dev.pipewright.model.Node;
import dev.pipewright.model.PropertySpec;
import dev.pipewright.model.PropertyType;
import dev.pipewright.model.SecretRef;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One field of the inspector's node form: a property of the selected node, described by its
 * kind's {@link PropertySpec} (or a plain text field for a property outside the catalogue).
 * {@link #commit(String)} checks the text and either issues exactly one {@link SetProperty}
 * command or refuses it, keeping the pipeline unchanged and the reason in {@link #errorProperty()}.
 */
public final class FieldViewModel {
  /** Why a literal secret is refused, in words a person can act on. */
  public static final String SECRET_REFUSAL = "Pipewright stores only a reference to a secret, never the secret"
      + " itself, so it cannot leak through the pipeline file, exports or logs. Enter ${env:NAME} or"
      + " ${file:path:key}, or use Reference… to build one.";

  private final String nodeName;
  private final String key;
  private final PropertySpec spec;
  private final Predicate<Command> executor;
  private final ReadOnlyStringWrapper value = new ReadOnlyStringWrapper(this, "value", "");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

  FieldViewModel(String nodeName, String key, PropertySpec spec, Predicate<Command> executor) {
    this.nodeName = nodeName;
    this.key = key;
    this.spec = spec;
    this.executor = executor;
  }

  /** The property key in the pipeline file, e.g. {@code slot.name}. */
  public String key() {
    return key;
  }

  public String label() {
    return spec == null ? key : spec.label();
  }

  /** The type that decides the editor: text, number, check box, choice or masked secret. */
  public PropertyType type() {
    return spec == null ? PropertyType.STRING : spec.type();
  }

  public Group group() {
    return spec == null ? Group.ADVANCED : spec.group();
  }

  public boolean required() {
    return spec != null && spec.required();
  }

  /** The one-line explanation shown under the field, or empty. */
  public String doc() {
    return spec == null ? "Not in this kind's catalogue; passed to the connector as written." : spec.doc();
  }

  /** The kind's default, shown as prompt text, or empty when there is none. */
  public String defaultValue() {
    return spec == null || spec.defaultValue() == null ? "" : spec.defaultValue();
  }

  public List<String> choices() {
    return spec == null ? List.of() : spec.choices();
  }

  /** The value set explicitly on the node, or empty when the default applies. */
  public ReadOnlyStringProperty valueProperty() {
    return value.getReadOnlyProperty();
  }

  public String value() {
    return value.get();
  }

  /** True when the node sets this property itself (so "reset to default" means something). */
  public boolean isSet() {
    return !value.get().isEmpty();
  }

  /** The value in effect: the explicit one, else the default. */
  public String effectiveValue() {
    return isSet() ? value.get() : defaultValue();
  }

  /** Why the last commit was refused, or empty. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /**
   * Stores {@code text} as this property's value in one undoable step, or clears it (the default
   * applies again) when blank. Returns false, storing nothing, when the text is not acceptable.
   */
  public boolean commit(String text) {
    String v = text == null ? "" : text.strip();
    if (v.isEmpty()) {
      error.set("");
      executor.test(new SetProperty(nodeName, key, null));
      return true;
    }
    Optional<String> problem = problemWith(v);
    if (problem.isPresent()) {
      error.set(problem.get());
      return false;
    }
    error.set("");
    executor.test(new SetProperty(nodeName, key, v));
    return true;
  }

  /** Builds {@code ${env:NAME}} or {@code ${file:path:key}} and commits it. */
  public boolean commitReference(String provider, String pathOrName, String fileKey) {
    References.Built built = References.build(provider, pathOrName, fileKey);
    if (built.reference().isEmpty()) {
      error.set(built.problem());
      return false;
    }
    return commit(built.reference().get());
  }

  /** Forgets a refused edit (the view shows the stored value again). */
  public void clearError() {
    error.set("");
  }

  private Optional<String> problemWith(String v) {
    if (type() == PropertyType.SECRET) {
      return SecretRef.isReference(v) ? Optional.empty() : Optional.of(SECRET_REFUSAL);
    }
    if (spec == null) {
      return Optional.empty();
    }
    return spec.problemWith(v).map(FieldViewModel::sentence);
  }

  void refresh(Node node) {
    value.set(node.properties().getOrDefault(key, ""));
  }

  private static String sentence(String s) {
    String capital = s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    return capital.endsWith(".") ? capital : capital + ".";
  }
}
