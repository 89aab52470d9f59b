package dev.pipewright.app.desktop.inspector;

import atlantafx.base.theme.Styles;
import dev.pipewright.app.desktop.KindIcons;
import dev.pipewright.model.Converter;
import dev.pipewright.model.Environment;
import dev.pipewright.model.Group;
import dev.pipewright.model.Node;
import dev.pipewright.model.Pipeline;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The inspector on the right: a form generated from the selected node's property catalogue,
 * grouped Connection / Filters / Snapshot / Advanced, or the pipeline settings when nothing is
 * selected. Text fields commit on Enter or when focus leaves; Escape puts back the stored value.
 * All checking and editing happens in {@link InspectorViewModel}; this class only lays it out.
 */
public final class InspectorView extends VBox {
  private final InspectorViewModel vm;
  private final VBox body = new VBox();
  /** Listeners on view-model properties of the current form, removed when the form is rebuilt. */
  private final List<Runnable> unbinders = new java.util.ArrayList<>();

  public InspectorView(InspectorViewModel vm) {
    this.vm = vm;
    setId("inspector");
    getStyleClass().addAll("inspector", "panel");
    Label title = new Label("INSPECTOR");
    title.getStyleClass().add("panel-title");
    HBox header = new HBox(title);
    header.getStyleClass().add("panel-header");
    body.getStyleClass().add("inspector-body");
    body.setFillWidth(true);
    ScrollPane scroll = new ScrollPane(body);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    getChildren().addAll(header, scroll);

    vm.formRevisionProperty().addListener((obs, was, now) -> rebuild());
    vm.pipelineProperty().addListener((obs, was, now) -> {
      if (vm.modeProperty().get() == InspectorViewModel.Mode.PIPELINE && pipelineFormStale(now)) {
        rebuild();
      }
    });
    rebuild();
  }

  private Pipeline shownPipeline;

  private boolean pipelineFormStale(Pipeline now) {
    return shownPipeline == null || !shownPipeline.name().equals(now.name())
        || !shownPipeline.description().equals(now.description())
        || shownPipeline.environment() != now.environment() || shownPipeline.converter() != now.converter()
        || shownPipeline.nodes().size() != now.nodes().size() || shownPipeline.edges().size() != now.edges().size();
  }

  private void rebuild() {
    unbinders.forEach(Runnable::run);
    unbinders.clear();
    body.getChildren().clear();
    shownPipeline = null;
    switch (vm.modeProperty().get()) {
      case PIPELINE -> buildPipelineForm();
      case MULTIPLE -> buildMultiple();
      case NODE -> buildNodeForm();
      default -> throw new AssertionError();
    }
  }

  // ---- nothing selected: the pipeline itself -------------------------------------------------

  private void buildPipelineForm() {
    Pipeline p = vm.pipelineProperty().get();
    shownPipeline = p;
    Label heading = new Label("Pipeline");
    heading.getStyleClass().add("inspector-heading");
    Label hint = wrapped("Nothing is selected, so these are the pipeline's own settings. Select a node "
        + "on the canvas to edit it.", "inspector-description");

    TextField name = new TextField(p.name());
    name.setId("pipeline-name");
    Label nameError = errorLabel("error-pipeline-name");
    bindError(nameError, vm.nameErrorProperty());
    commitOnEnterOrBlur(name, text -> vm.setPipelineName(text), () -> p.name(), vm::clearNameError);

    TextArea description = new TextArea(p.description());
    description.setId("pipeline-description");
    description.setWrapText(true);
    description.setPrefRowCount(5);
    description.focusedProperty().addListener((obs, was, focused) -> {
      if (!focused) {
        vm.setPipelineDescription(description.getText());
      }
    });

    ComboBox<Environment> env = new ComboBox<>();
    env.setId("pipeline-environment");
    env.getItems().setAll(Environment.values());
    env.setConverter(named(Environment::yamlName, Environment::fromYaml));
    env.setValue(p.environment());
    env.setOnAction(e -> {
      if (env.getValue() != null) {
        vm.setEnvironment(env.getValue());
      }
    });
    env.setMaxWidth(Double.MAX_VALUE);

    ComboBox<Converter> conv = new ComboBox<>();
    conv.setId("pipeline-converter");
    conv.getItems().setAll(Converter.values());
    conv.setConverter(named(Converter::yamlName, s -> Converter.fromYaml(s).orElse(null)));
    conv.setValue(p.converter());
    conv.setOnAction(e -> {
      if (conv.getValue() != null) {
        vm.setConverter(conv.getValue());
      }
    });
    conv.setMaxWidth(Double.MAX_VALUE);

    Label stats = wrapped(p.nodes().size() + " nodes · " + p.edges().size() + " edges · "
        + p.slos().size() + " SLOs · " + p.clusters().size() + " cluster"
        + (p.clusters().size() == 1 ? "" : "s"), "field-doc");

    body.getChildren().addAll(heading, hint,
        field("Name", true, name, nameError, "Also the prefix of exported connectors and resources."),
        field("Description", false, description, null, null),
        field("Environment", false, env, null,
            "local relaxes production rules (replication factor, in-sync replicas) for a laptop trial."),
        field("Converter", false, conv, null, "How keys and values are written on the topics."),
        stats);
  }

  private void buildMultiple() {
    Label heading = new Label(vm.headingProperty().get());
    heading.getStyleClass().add("inspector-heading");
    body.getChildren().addAll(heading, wrapped("Select a single node to edit its settings. Move, copy, "
        + "duplicate, align or delete the selection on the canvas.", "inspector-description"));
  }

  // ---- one node ------------------------------------------------------------------------------

  private void buildNodeForm() {
    Node n = vm.nodeProperty().get();
    if (n == null) {
      return;
    }
    Label heading = new Label();
    heading.textProperty().bind(vm.headingProperty());
    heading.getStyleClass().add("inspector-heading");
    heading.setId("inspector-heading");
    unbinders.add(heading.textProperty()::unbind);
    Label kind = new Label(n.kind().label() + " · " + n.kind().category().label());
    kind.getStyleClass().add("inspector-kind");
    VBox titles = new VBox(2, heading, kind);
    HBox top = new HBox(10, KindIcons.node(n.kind(), 32), titles);
    top.setAlignment(Pos.CENTER_LEFT);
    Label description = wrapped(n.kind().description(), "inspector-description");

    TextField name = new TextField(n.name());
    name.setId("inspector-name");
    Label nameError = errorLabel("error-name");
    bindError(nameError, vm.nameErrorProperty());
    commitOnEnterOrBlur(name, vm::rename, () -> currentName(), vm::clearNameError);
    body.getChildren().addAll(top, description,
        field("Name", true, name, nameError, "Unique in the pipeline; edges and findings refer to it."));

    for (Group g : Group.values()) {
      List<FieldViewModel> fs = vm.fields(g);
      if (fs.isEmpty()) {
        continue;
      }
      VBox content = new VBox(12);
      for (FieldViewModel f : fs) {
        content.getChildren().add(fieldRow(f));
      }
      TitledPane pane = new TitledPane(g.label(), content);
      pane.setId("group-" + g.name().toLowerCase(Locale.ROOT));
      pane.setExpanded(g != Group.ADVANCED && g != Group.SNAPSHOT || fs.stream().anyMatch(FieldViewModel::isSet));
      pane.setAnimated(false);
      body.getChildren().add(pane);
    }
  }

  private String currentName() {
    Node n = vm.nodeProperty().get();
    return n == null ? "" : n.name();
  }

  private VBox fieldRow(FieldViewModel f) {
    Label error = errorLabel(fieldId("error-", f.key()));
    bindError(error, f.errorProperty());
    Region editor = switch (f.type()) {
      case BOOLEAN -> checkBox(f);
      case ENUM -> comboBox(f);
      case SECRET -> secretEditor(f, error);
      default -> textEditor(f);
    };
    Button reset = new Button("Reset");
    reset.setId(fieldId("reset-", f.key()));
    reset.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, "field-reset");
    reset.setTooltip(new Tooltip("Remove the value so the default applies"
        + (f.defaultValue().isEmpty() ? "" : " (" + f.defaultValue() + ")")));
    reset.setOnAction(e -> f.commit(""));
    reset.setVisible(f.isSet());
    reset.setManaged(f.isSet());
    ChangeListener<String> showReset = (obs, was, now) -> {
      reset.setVisible(!now.isEmpty());
      reset.setManaged(!now.isEmpty());
    };
    f.valueProperty().addListener(showReset);
    unbinders.add(() -> f.valueProperty().removeListener(showReset));

    Label label = new Label(f.label());
    label.getStyleClass().add("field-label");
    label.setId(fieldId("label-", f.key()));
    HBox labelRow = new HBox(4, label);
    labelRow.setAlignment(Pos.CENTER_LEFT);
    if (f.required()) {
      Label star = new Label("*");
      star.getStyleClass().add("field-required");
      Tooltip.install(star, new Tooltip("Required"));
      labelRow.getChildren().add(star);
    }
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Label key = new Label(f.key());
    key.getStyleClass().add("field-doc");
    labelRow.getChildren().addAll(spacer, key, reset);

    VBox row = new VBox(labelRow, editor, error);
    row.getStyleClass().add("field");
    if (!f.doc().isEmpty()) {
      row.getChildren().add(wrapped(f.doc(), "field-doc"));
    }
    return row;
  }

  private Region textEditor(FieldViewModel f) {
    TextField t = new TextField(f.value());
    t.setId(fieldId("field-", f.key()));
    t.setPromptText(f.defaultValue().isEmpty() ? (f.required() ? "required" : "") : f.defaultValue());
    follow(f, t);
    commitOnEnterOrBlur(t, f::commit, f::value, f::clearError);
    return t;
  }

  private Region checkBox(FieldViewModel f) {
    CheckBox c = new CheckBox(f.isSet() ? "" : "default");
    c.setId(fieldId("field-", f.key()));
    c.setSelected("true".equals(f.effectiveValue()));
    ChangeListener<String> l = (obs, was, now) -> {
      c.setSelected("true".equals(f.effectiveValue()));
      c.setText(f.isSet() ? "" : "default");
    };
    f.valueProperty().addListener(l);
    unbinders.add(() -> f.valueProperty().removeListener(l));
    c.setOnAction(e -> f.commit(Boolean.toString(c.isSelected())));
    return c;
  }

  private Region comboBox(FieldViewModel f) {
    ComboBox<String> c = new ComboBox<>();
    c.setId(fieldId("field-", f.key()));
    c.getItems().setAll(f.choices());
    c.setPromptText(f.defaultValue().isEmpty() ? "choose…" : f.defaultValue() + " (default)");
    c.setButtonCell(new ListCell<>() {
      @Override
      protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? c.getPromptText() : item);
      }
    });
    c.setValue(f.isSet() ? f.value() : null);
    c.setMaxWidth(Double.MAX_VALUE);
    boolean[] updating = {false};
    ChangeListener<String> l = (obs, was, now) -> {
      updating[0] = true;
      c.setValue(now.isEmpty() ? null : now);
      updating[0] = false;
    };
    f.valueProperty().addListener(l);
    unbinders.add(() -> f.valueProperty().removeListener(l));
    c.valueProperty().addListener((obs, was, now) -> {
      if (!updating[0] && now != null && !now.equals(f.value())) {
        f.commit(now);
      }
    });
    return c;
  }

  private Region secretEditor(FieldViewModel f, Label error) {
    PasswordField p = new PasswordField();
    p.setText(f.value());
    p.setId(fieldId("field-", f.key()));
    p.setPromptText("${env:NAME}");
    p.setTooltip(new Tooltip("A reference: ${env:NAME} or ${file:path:key}. The value itself stays outside the file."));
    HBox.setHgrow(p, Priority.ALWAYS);
    follow(f, p);
    commitOnEnterOrBlur(p, f::commit, f::value, f::clearError);

    ReferenceHelper helper = new ReferenceHelper(f.key(), suggestedVariable(f), f::commitReference,
        () -> p.setText(f.value()));
    helper.show(f.value());
    ChangeListener<String> l = (obs, was, now) -> helper.show(now);
    f.valueProperty().addListener(l);
    unbinders.add(() -> f.valueProperty().removeListener(l));

    HBox line = new HBox(6, p, helper.toggle());
    line.setAlignment(Pos.CENTER_LEFT);
    return new VBox(4, line, helper.shown(), helper.box());
  }

  /**
   * A CSS-safe id for a control of the field {@code key}: property keys contain dots, which a
   * selector would read as style classes ({@code slot.name} becomes {@code field-slot-name}).
   */
  public static String fieldId(String prefix, String key) {
    return prefix + key.replaceAll("[^A-Za-z0-9_-]", "-");
  }

  private static String suggestedVariable(FieldViewModel f) {
    return f.key().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
  }

  /** Shows the stored value again after undo/redo, unless the person is typing in the field. */
  private void follow(FieldViewModel f, TextInputControl t) {
    ChangeListener<String> l = (obs, was, now) -> {
      if (!t.isFocused() || f.errorProperty().get().isEmpty()) {
        t.setText(now);
      }
    };
    f.valueProperty().addListener(l);
    unbinders.add(() -> f.valueProperty().removeListener(l));
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static void commitOnEnterOrBlur(TextInputControl t, java.util.function.Predicate<String> commit,
      java.util.function.Supplier<String> stored, Runnable clearError) {
    boolean[] committing = {false};
    Consumer<String> doCommit = text -> {
      if (committing[0]) {
        return;
      }
      committing[0] = true;
      try {
        if (!text.strip().equals(stored.get())) {
          commit.test(text);
        } else {
          clearError.run();
        }
      } finally {
        committing[0] = false;
      }
    };
    t.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ENTER) {
        doCommit.accept(t.getText());
        e.consume();
      } else if (e.getCode() == KeyCode.ESCAPE) {
        t.setText(stored.get());
        clearError.run();
        e.consume();
      }
    });
    t.focusedProperty().addListener((obs, was, focused) -> {
      if (!focused) {
        doCommit.accept(t.getText());
      }
    });
  }

  private void bindError(Label error, javafx.beans.value.ObservableValue<String> source) {
    ChangeListener<String> l = (obs, was, now) -> {
      error.setText(now);
      error.setVisible(!now.isEmpty());
      error.setManaged(!now.isEmpty());
    };
    source.addListener(l);
    l.changed(source, null, source.getValue());
    unbinders.add(() -> source.removeListener(l));
  }

  private static Label errorLabel(String id) {
    Label l = wrapped("", "field-error");
    l.setId(id);
    l.setVisible(false);
    l.setManaged(false);
    return l;
  }

  private static VBox field(String label, boolean required, Region editor, Label error, String doc) {
    Label l = new Label(label);
    l.getStyleClass().add("field-label");
    HBox labelRow = new HBox(4, l);
    if (required) {
      Label star = new Label("*");
      star.getStyleClass().add("field-required");
      labelRow.getChildren().add(star);
    }
    editor.setMaxWidth(Double.MAX_VALUE);
    VBox row = new VBox(labelRow, editor);
    row.getStyleClass().add("field");
    if (error != null) {
      row.getChildren().add(error);
    }
    if (doc != null) {
      row.getChildren().add(wrapped(doc, "field-doc"));
    }
    return row;
  }

  private static Label wrapped(String text, String style) {
    Label l = new Label(text);
    l.setWrapText(true);
    l.getStyleClass().add(style);
    l.setMinHeight(Region.USE_PREF_SIZE);
    return l;
  }

  private static <T> StringConverter<T> named(java.util.function.Function<T, String> to,
      java.util.function.Function<String, T> from) {
    return new StringConverter<>() {
      @Override
      public String toString(T t) {
        return t == null ? "" : to.apply(t);
      }

      @Override
      public T fromString(String s) {
        return from.apply(s);
      }
    };
  }
}
