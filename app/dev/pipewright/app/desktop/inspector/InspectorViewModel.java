package dev.pipewright.app.desktop.inspector;

import dev.pipewright.app.desktop.command.SetConverter;
import dev.pipewright.app.desktop.command.SetEnvironment;
import dev.pipewright.app.desktop.command.SetPipelineDescription;
import dev.pipewright.app.desktop.command.SetPipelineName;
import dev.pipewright.canvas.EditorDocument;
import dev.pipewright.canvas.EditorState;
import dev.pipewright.canvas.command.Command;
import dev.pipewright.canvas.command.RenameNode;
import dev.pipewright.model.Converter;
import dev.pipewright.model.Environment;
import dev.pipewright.model.Group;
import dev.pipewright.model.Node;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.PropertySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.SetChangeListener;

/**
 * What the inspector shows: the typed form of the one selected node (its name, kind, description
 * and one {@link FieldViewModel} per property of its kind), or the pipeline's own settings when
 * nothing is selected. Every accepted edit is exactly one command on the {@link EditorDocument},
 * so it appears in the Edit menu and undoes in one step. No scene-graph code: tested without FX.
 */
public final class InspectorViewModel {
  /** Which form the inspector shows. */
  public enum Mode { PIPELINE, NODE, MULTIPLE }

  private final EditorDocument document;
  private final EditorState state;
  private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.PIPELINE);
  private final ReadOnlyObjectWrapper<Node> node = new ReadOnlyObjectWrapper<>(this, "node");
  private final ReadOnlyStringWrapper heading = new ReadOnlyStringWrapper(this, "heading", "");
  private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper(this, "nameError", "");
  private final ReadOnlyObjectWrapper<Pipeline> pipeline = new ReadOnlyObjectWrapper<>(this, "pipeline");
  private final ReadOnlyLongWrapper formRevision = new ReadOnlyLongWrapper(this, "formRevision");
  private final ObservableList<FieldViewModel> fields = FXCollections.observableArrayList();
  private final ObservableList<FieldViewModel> readOnlyFields = FXCollections.unmodifiableObservableList(fields);
  /** Identity of the form currently built: node name, kind and applicable keys; rebuilt only when it changes. */
  private List<Object> formKey = List.of();

  public InspectorViewModel(EditorDocument document, EditorState state) {
    this.document = document;
    this.state = state;
    document.pipelineProperty().addListener((obs, was, now) -> update());
    state.selection().addListener((SetChangeListener<String>) change -> update());
    update();
  }

  /**
   * Changes whenever the form must be built anew (another node, another mode, a rename); the
   * values of an unchanged form follow {@link FieldViewModel#valueProperty()} instead.
   */
  public ReadOnlyLongProperty formRevisionProperty() {
    return formRevision.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Mode> modeProperty() {
    return mode.getReadOnlyProperty();
  }

  /** The selected node as it is now, or null unless exactly one node is selected. */
  public ReadOnlyObjectProperty<Node> nodeProperty() {
    return node.getReadOnlyProperty();
  }

  /** "shop-cdc", "3 nodes selected" or the pipeline's name. */
  public ReadOnlyStringProperty headingProperty() {
    return heading.getReadOnlyProperty();
  }

  /** The pipeline, for the pipeline settings form. */
  public ReadOnlyObjectProperty<Pipeline> pipelineProperty() {
    return pipeline.getReadOnlyProperty();
  }

  /** Why the last rename was refused, or empty. */
  public ReadOnlyStringProperty nameErrorProperty() {
    return nameError.getReadOnlyProperty();
  }

  /** The selected node's fields in catalogue order; replaced as a whole when the selection changes. */
  public ObservableList<FieldViewModel> fields() {
    return readOnlyFields;
  }

  /** The fields of one group, in catalogue order. */
  public List<FieldViewModel> fields(Group group) {
    return fields.stream().filter(f -> f.group() == group).toList();
  }

  public FieldViewModel field(String key) {
    return fields.stream().filter(f -> f.key().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no field " + key));
  }

  /** Renames the selected node (one undo step) and keeps it selected; false with a reason when refused. */
  public boolean rename(String newName) {
    Node n = node.get();
    if (n == null) {
      return false;
    }
    String name = newName == null ? "" : newName.strip();
    if (name.equals(n.name())) {
      nameError.set("");
      return true;
    }
    if (name.isEmpty()) {
      nameError.set("A node needs a name: edges, findings and exported connectors refer to it.");
      return false;
    }
    if (document.pipeline().hasNode(name)) {
      nameError.set("'" + name + "' is already the name of another node; names must be unique.");
      return false;
    }
    nameError.set("");
    document.execute(new RenameNode(n.name(), name));
    state.selectOnly(List.of(name));
    return true;
  }

  /** Clears a refused rename so the field shows the node's name again. */
  public void clearNameError() {
    nameError.set("");
  }

  public boolean setPipelineName(String name) {
    if (name == null || name.isBlank()) {
      nameError.set("A pipeline needs a name: it becomes the prefix of exported resources.");
      return false;
    }
    nameError.set("");
    return execute(new SetPipelineName(name));
  }

  public boolean setPipelineDescription(String description) {
    return execute(new SetPipelineDescription(description));
  }

  public boolean setEnvironment(Environment environment) {
    return execute(new SetEnvironment(environment));
  }

  public boolean setConverter(Converter converter) {
    return execute(new SetConverter(converter));
  }

  private boolean execute(Command c) {
    return document.execute(c);
  }

  private void update() {
    Pipeline p = document.pipeline();
    Set<String> selected = state.selection().stream().filter(p::hasNode).collect(Collectors.toSet());
    Mode before = mode.get();
    boolean rebuilt;
    if (selected.size() != 1) {
      node.set(null);
      mode.set(selected.isEmpty() ? Mode.PIPELINE : Mode.MULTIPLE);
      heading.set(selected.isEmpty() ? p.name() : selected.size() + " nodes selected");
      rebuilt = rebuild(null, List.of());
    } else {
      Node n = p.node(selected.iterator().next()).orElseThrow();
      node.set(n);
      mode.set(Mode.NODE);
      heading.set(n.name());
      rebuilt = rebuild(n, keysFor(p, n));
      fields.forEach(f -> f.refresh(n));
    }
    pipeline.set(p);
    if (rebuilt || before != mode.get() || mode.get() == Mode.MULTIPLE) {
      formRevision.set(formRevision.get() + 1);
    }
  }

  private boolean rebuild(Node n, List<String> keys) {
    List<Object> key = n == null ? List.of() : List.of(n.name(), n.kind(), keys);
    if (key.equals(formKey)) {
      return false;
    }
    formKey = key;
    nameError.set("");
    if (n == null) {
      fields.clear();
      return true;
    }
    List<FieldViewModel> built = new ArrayList<>();
    for (String k : keys) {
      PropertySpec spec = n.kind().property(k).orElse(null);
      built.add(new FieldViewModel(n.name(), k, spec, document::execute));
    }
    built.forEach(f -> f.refresh(n));
    fields.setAll(built);
    return true;
  }

  /**
   * The keys the form shows: the kind's catalogue (minus settings for other databases, such as
   * slot.name on a MySQL capture), then any extra properties the node sets.
   */
  private static List<String> keysFor(Pipeline p, Node n) {
    String sourceKind = p.upstream(n.name()).stream().filter(u -> u.kind().isSource())
        .map(u -> u.kind().id()).findFirst().orElse(null);
    List<String> keys = new ArrayList<>();
    for (Group g : Group.values()) {
      for (PropertySpec s : n.kind().properties()) {
        if (s.group() == g && s.appliesTo(sourceKind)) {
          keys.add(s.key());
        }
      }
    }
    n.properties().keySet().stream().filter(k -> n.kind().property(k).isEmpty()).sorted()
        .forEach(keys::add);
    return keys;
  }

  @Override
  public String toString() {
    return "InspectorViewModel[" + mode.get() + " " + Objects.toString(heading.get()) + "]";
  }
}
