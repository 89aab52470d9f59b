package dev.pipewright.app.desktop;

import atlantafx.base.theme.Styles;
import dev.pipewright.app.desktop.RecoveryStore.Recovery;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Window;

/** The real dialogs: JavaFX alerts styled by the current theme, and the OS file choosers. */
public class FxDialogService implements DialogService {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

  private final Supplier<Window> owner;

  public FxDialogService(Supplier<Window> owner) {
    this.owner = owner;
  }

  @Override
  public Optional<Path> chooseFileToOpen(Path initialDir) {
    FileChooser fc = chooser("Open pipeline", initialDir);
    return Optional.ofNullable(fc.showOpenDialog(owner.get())).map(java.io.File::toPath);
  }

  @Override
  public Optional<Path> chooseFileToSave(Path initialDir, String suggestedName) {
    FileChooser fc = chooser("Save pipeline", initialDir);
    fc.setInitialFileName(suggestedName);
    return Optional.ofNullable(fc.showSaveDialog(owner.get())).map(java.io.File::toPath);
  }

  private static FileChooser chooser(String title, Path initialDir) {
    FileChooser fc = new FileChooser();
    fc.setTitle(title);
    fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Pipeline files", "*.yaml", "*.yml"),
        new FileChooser.ExtensionFilter("All files", "*"));
    if (initialDir != null && initialDir.toFile().isDirectory()) {
      fc.setInitialDirectory(initialDir.toFile());
    }
    return fc;
  }

  @Override
  public void showFailure(FileOutcome outcome) {
    Alert a = alert(Alert.AlertType.ERROR, outcome.title());
    a.getDialogPane().setId("failure-dialog");
    a.setHeaderText(outcome.message());
    if (!outcome.details().isEmpty()) {
      VBox lines = new VBox(6);
      lines.setId("failure-details");
      for (String d : outcome.details()) {
        Label l = new Label(d);
        l.setWrapText(true);
        l.setMaxWidth(620);
        l.setStyle("-fx-font-family: monospace; -fx-font-size: 12px;");
        lines.getChildren().add(l);
      }
      ScrollPane scroll = new ScrollPane(lines);
      scroll.setFitToWidth(true);
      scroll.setPrefViewportHeight(Math.min(240, 44.0 * outcome.details().size()));
      scroll.setPrefViewportWidth(640);
      a.getDialogPane().setContent(scroll);
    }
    a.showAndWait();
  }

  @Override
  public SaveChoice askToSaveChanges(String documentName) {
    Alert a = alert(Alert.AlertType.CONFIRMATION, "Unsaved changes");
    a.getDialogPane().setId("save-changes-dialog");
    a.setHeaderText("Save the changes to " + documentName + "?");
    a.setContentText("Your changes are lost if you don't save them.");
    ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
    ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
    a.getButtonTypes().setAll(save, discard, ButtonType.CANCEL);
    ButtonType answer = a.showAndWait().orElse(ButtonType.CANCEL);
    if (answer == save) {
      return SaveChoice.SAVE;
    }
    return answer == discard ? SaveChoice.DISCARD : SaveChoice.CANCEL;
  }

  @Override
  public boolean offerRecovery(Recovery r) {
    Alert a = alert(Alert.AlertType.CONFIRMATION, "Recover unsaved changes");
    a.getDialogPane().setId("recovery-dialog");
    a.setHeaderText("Pipewright closed before " + r.describe() + " was saved.");
    a.setContentText("An autosaved copy from " + TIME.format(r.savedAt())
        + " is available. Recover it? Recovered changes open unsaved, so you can still compare or undo them.");
    ButtonType recover = new ButtonType("Recover", ButtonBar.ButtonData.YES);
    ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
    a.getButtonTypes().setAll(recover, discard);
    return a.showAndWait().orElse(discard) == recover;
  }

  @Override
  public void showShortcuts() {
    Alert a = alert(Alert.AlertType.INFORMATION, "Keyboard shortcuts");
    a.getDialogPane().setId("shortcuts-dialog");
    a.setHeaderText("Keyboard shortcuts");
    GridPane grid = new GridPane();
    grid.setHgap(24);
    grid.setVgap(6);
    int row = 0;
    for (String[] s : Shortcuts.sheet()) {
      Label keys = new Label(s[1]);
      keys.getStyleClass().add("shortcut-key");
      grid.addRow(row++, new Label(s[0]), keys);
    }
    a.getDialogPane().setContent(grid);
    a.showAndWait();
  }

  @Override
  public void showAbout() {
    Alert a = alert(Alert.AlertType.INFORMATION, "About Pipewright");
    a.getDialogPane().setId("about-dialog");
    a.setHeaderText("Pipewright");
    var icon = KindIcons.app(48);
    if (icon != null) {
      a.setGraphic(new ImageView(icon));
    }
    Label text = new Label("Design, try, watch and export change-data-capture pipelines: PostgreSQL, MySQL, "
        + "SQL Server and MongoDB through Debezium and Kafka into search, analytics, caches, read models "
        + "and lakes.\n\nJava " + System.getProperty("java.version") + " · JavaFX "
        + System.getProperty("javafx.runtime.version", "?") + " · AtlantaFX theme");
    text.setWrapText(true);
    text.setMaxWidth(460);
    text.getStyleClass().add(Styles.TEXT);
    a.getDialogPane().setContent(text);
    a.showAndWait();
  }

  private Alert alert(Alert.AlertType type, String title) {
    Alert a = new Alert(type);
    a.setTitle(title);
    Window w = owner.get();
    if (w != null) {
      a.initOwner(w);
      a.initModality(Modality.WINDOW_MODAL);
    }
    a.getDialogPane().getStylesheets().add(MainView.STYLESHEET);
    a.getDialogPane().setMinWidth(520);
    return a;
  }
}
