package dev.pipewright.app.desktop.inspector;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The "Reference…" helper next to a password field: a toggle that opens a small box to pick an
 * environment variable or a key of a properties file and builds the reference from it, plus a
 * line saying where the current reference is read from. Ids are {@code reference-<key>},
 * {@code reference-provider-<key>}, {@code reference-name-<key>}, {@code reference-key-<key>},
 * {@code reference-use-<key>} and {@code reference-shown-<key>}.
 */
public final class ReferenceHelper {
  /** Takes the helper's parts and stores the reference they make; false when refused. */
  @FunctionalInterface
  public interface Use {
    boolean use(String provider, String pathOrName, String fileKey);
  }

  private final ToggleButton toggle = new ToggleButton("Reference…");
  private final VBox box;
  private final Label shown = new Label();

  /**
   * @param key the field's key, for ids
   * @param suggestedVariable shown as an example variable name
   * @param use stores the reference; {@code onUsed} runs after it accepted one
   */
  public ReferenceHelper(String key, String suggestedVariable, Use use, Runnable onUsed) {
    toggle.setId(InspectorView.fieldId("reference-", key));
    toggle.setTooltip(new Tooltip("Build a reference to an environment variable or a properties file"));
    toggle.setMinWidth(Region.USE_PREF_SIZE);

    shown.getStyleClass().add("field-hint");
    shown.setWrapText(true);
    shown.setMinHeight(Region.USE_PREF_SIZE);
    shown.setId(InspectorView.fieldId("reference-shown-", key));
    show("");

    ComboBox<String> provider = new ComboBox<>();
    provider.setId(InspectorView.fieldId("reference-provider-", key));
    provider.getItems().setAll("Environment variable", "Properties file");
    provider.setValue("Environment variable");
    TextField name = new TextField();
    name.setId(InspectorView.fieldId("reference-name-", key));
    TextField fileKey = new TextField();
    fileKey.setId(InspectorView.fieldId("reference-key-", key));
    fileKey.setPromptText("key in the file, e.g. pg.password");
    Runnable adapt = () -> {
      boolean file = provider.getValue().startsWith("Properties");
      name.setPromptText(file ? "path, e.g. /etc/pipewright/secrets.properties" : "variable, e.g. " + suggestedVariable);
      fileKey.setVisible(file);
      fileKey.setManaged(file);
    };
    provider.setOnAction(e -> adapt.run());
    adapt.run();
    Button useButton = new Button("Use reference");
    useButton.setId(InspectorView.fieldId("reference-use-", key));
    useButton.getStyleClass().add(Styles.ACCENT);
    useButton.setDefaultButton(false);
    box = new VBox(provider, name, fileKey, useButton);
    box.getStyleClass().add("reference-box");
    box.visibleProperty().bind(toggle.selectedProperty());
    box.managedProperty().bind(toggle.selectedProperty());
    useButton.setOnAction(e -> {
      boolean file = provider.getValue().startsWith("Properties");
      if (use.use(file ? "file" : "env", name.getText(), fileKey.getText())) {
        onUsed.run();
        toggle.setSelected(false);
      }
    });
    name.setOnAction(e -> useButton.fire());
    fileKey.setOnAction(e -> useButton.fire());
  }

  public ToggleButton toggle() {
    return toggle;
  }

  /** The box with provider, name, key and "Use reference"; shown while the toggle is on. */
  public VBox box() {
    return box;
  }

  /** The line saying where the reference is read from; hidden when there is none. */
  public Label shown() {
    return shown;
  }

  /** Describes {@code reference} in {@link #shown()}. */
  public void show(String reference) {
    String text = References.describe(reference);
    shown.setText(text);
    shown.setVisible(!text.isEmpty());
    shown.setManaged(!text.isEmpty());
  }
}
