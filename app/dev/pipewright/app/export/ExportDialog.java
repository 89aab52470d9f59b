package dev.pipewright.app.export;

import atlantafx.base.theme.Styles;
import dev.pipewright.app.desktop.MainView;
import dev.pipewright.app.desktop.TaskExecutor;
import dev.pipewright.app.export.ExportViewModel.PreviewFile;
import dev.pipewright.app.export.ExportViewModel.Problem;
import dev.pipewright.app.export.SyntaxHighlighter.Language;
import dev.pipewright.app.export.SyntaxHighlighter.Token;
import dev.pipewright.exporters.ExportFormat;
import dev.pipewright.model.Pipeline;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * File › Export…: formats as check boxes, the folder (typed, or chosen with the system's folder
 * chooser), the files the export would write with a coloured preview of each, or the problems
 * that stop it; Export writes, Open folder shows the result in the file manager.
 */
public final class ExportDialog {
  /** File › Export…. */
  public static final KeyCombination SHORTCUT = new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN);
  private static final String STYLESHEET =
      ExportDialog.class.getResource("/dev/pipewright/app/export/export.css").toExternalForm();

  private final ExportViewModel vm;
  private final Stage stage = new Stage();
  private final ListView<PreviewFile> fileList = new ListView<>();
  private final TextFlow viewer = new TextFlow();

  private ExportDialog(Window owner, ExportViewModel vm) {
    this.vm = vm;
    stage.initOwner(owner);
    stage.initModality(Modality.WINDOW_MODAL);
    stage.setTitle("Export " + "pipeline");
    BorderPane root = new BorderPane();
    root.setId("export-dialog");
    root.getStyleClass().add("export-dialog");
    root.setTop(new VBox(10, formats(), folder()));
    root.setCenter(centre());
    root.setBottom(buttons());
    BorderPane.setMargin(root.getCenter(), new Insets(10, 0, 10, 0));
    root.setPadding(new Insets(14));
    Scene scene = new Scene(root, 1100, 700);
    scene.getStylesheets().addAll(MainView.STYLESHEET, STYLESHEET);
    stage.setScene(scene);
  }

  /** Opens the dialog for {@code pipeline} (read from {@code file}, or null when unsaved) and returns it. */
  public static ExportDialog open(Window owner, Pipeline pipeline, Path file, TaskExecutor tasks) {
    ExportDialog d = new ExportDialog(owner, new ExportViewModel(pipeline, file, tasks));
    d.stage.setTitle("Export " + pipeline.name());
    d.stage.show();
    return d;
  }

  public ExportViewModel viewModel() {
    return vm;
  }

  public Stage stage() {
    return stage;
  }

  private HBox formats() {
    HBox box = new HBox(14);
    box.setAlignment(Pos.CENTER_LEFT);
    Label title = new Label("Formats");
    title.getStyleClass().add("panel-title");
    title.setMinWidth(70);
    box.getChildren().add(title);
    for (ExportFormat f : ExportFormat.values()) {
      CheckBox c = new CheckBox(label(f));
      c.setId("export-format-" + f.cliName());
      c.selectedProperty().bindBidirectional(vm.chosen(f));
      box.getChildren().add(c);
    }
    return box;
  }

  static String label(ExportFormat f) {
    return switch (f) {
      case CONNECT -> "Kafka Connect (REST JSON)";
      case TERRAFORM -> "Terraform";
      case CONFLUENT -> "Confluent Cloud (Terraform)";
      case STRIMZI -> "Strimzi (Kubernetes)";
      case DEBEZIUM_SERVER -> "Debezium Server";
    };
  }

  private HBox folder() {
    Label title = new Label("Folder");
    title.getStyleClass().add("panel-title");
    title.setMinWidth(70);
    TextField path = new TextField();
    path.setId("export-folder");
    path.setPromptText("Where to write; each format goes into a sub-folder named after it");
    path.textProperty().bindBidirectional(vm.folderProperty());
    HBox.setHgrow(path, Priority.ALWAYS);
    Button browse = new Button("Browse…");
    browse.setId("export-browse");
    browse.setOnAction(e -> {
      DirectoryChooser chooser = new DirectoryChooser();
      chooser.setTitle("Export into folder");
      Path current = currentFolder();
      if (current != null && Files.isDirectory(current)) {
        chooser.setInitialDirectory(current.toFile());
      } else if (current != null && current.getParent() != null && Files.isDirectory(current.getParent())) {
        chooser.setInitialDirectory(current.getParent().toFile());
      }
      File chosen = chooser.showDialog(stage);
      if (chosen != null) {
        vm.folderProperty().set(chosen.getAbsolutePath());
      }
    });
    HBox box = new HBox(8, title, path, browse);
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }

  private Path currentFolder() {
    try {
      String s = vm.folderProperty().get();
      return s == null || s.isBlank() ? null : Path.of(s.trim());
    } catch (RuntimeException e) {
      return null;
    }
  }

  private StackPane centre() {
    fileList.setId("export-files");
    fileList.setPrefWidth(300);
    fileList.setCellFactory(lv -> new ListCell<>() {
      @Override
      protected void updateItem(PreviewFile item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : item.path());
      }
    });
    fileList.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> show(now));
    Runnable fillFiles = () -> {
      fileList.setItems(FXCollections.observableArrayList(vm.filesProperty().get()));
      if (!fileList.getItems().isEmpty()) {
        fileList.getSelectionModel().select(0);
      } else {
        show(null);
      }
    };
    vm.filesProperty().addListener((obs, was, now) -> fillFiles.run());
    viewer.setId("export-viewer");
    viewer.getStyleClass().add("code-view");
    ScrollPane scroll = new ScrollPane(viewer);
    scroll.setId("export-viewer-scroll");
    scroll.setFitToWidth(true);
    scroll.setFitToHeight(true);
    SplitPane preview = new SplitPane(fileList, scroll);
    preview.setDividerPositions(0.28);
    SplitPane.setResizableWithParent(fileList, false);

    TableView<Problem> problems = new TableView<>();
    problems.setId("export-problems");
    problems.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    problems.getColumns().add(column("Format", 90, Problem::format));
    problems.getColumns().add(column("Where", 220, Problem::where));
    problems.getColumns().add(column("Problem", 400, Problem::message));
    problems.getColumns().add(column("How to fix it", 330, Problem::fix));
    Label problemsTitle = new Label("This pipeline cannot be exported yet; nothing will be written:");
    problemsTitle.getStyleClass().addAll(Styles.DANGER);
    VBox problemsBox = new VBox(6, problemsTitle, problems);
    VBox.setVgrow(problems, Priority.ALWAYS);
    Runnable fillProblems = () -> {
      problems.setItems(FXCollections.observableArrayList(vm.problemsProperty().get()));
      boolean any = !vm.problemsProperty().get().isEmpty();
      problemsBox.setVisible(any);
      preview.setVisible(!any);
    };
    vm.problemsProperty().addListener((obs, was, now) -> fillProblems.run());
    fillFiles.run();
    fillProblems.run();
    return new StackPane(preview, problemsBox);
  }

  private static TableColumn<Problem, String> column(String name, double width,
      java.util.function.Function<Problem, String> value) {
    TableColumn<Problem, String> c = new TableColumn<>(name);
    c.setPrefWidth(width);
    c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
    return c;
  }

  private void show(PreviewFile file) {
    viewer.getChildren().clear();
    if (file == null) {
      return;
    }
    for (Token t : SyntaxHighlighter.tokens(file.content(), Language.of(file.path()))) {
      Text text = new Text(t.text());
      text.getStyleClass().addAll("code", "syntax-" + t.kind().name().toLowerCase(Locale.ROOT));
      viewer.getChildren().add(text);
    }
  }

  private HBox buttons() {
    Label status = new Label();
    status.setId("export-status");
    status.setWrapText(true);
    status.textProperty().bind(vm.statusProperty());
    HBox.setHgrow(status, Priority.ALWAYS);
    status.setMaxWidth(Double.MAX_VALUE);
    Button openFolder = new Button("Open folder");
    openFolder.setId("export-open-folder");
    openFolder.disableProperty().bind(vm.writtenProperty().isNull());
    openFolder.setVisible(canOpenFolders());
    openFolder.setManaged(openFolder.isVisible());
    openFolder.setOnAction(e -> openFolder(vm.writtenProperty().get()));
    Button export = new Button("Export");
    export.setId("export-write");
    export.setDefaultButton(true);
    export.getStyleClass().add(Styles.ACCENT);
    export.disableProperty().bind(vm.canExportProperty().not());
    export.setOnAction(e -> vm.export());
    Button close = new Button("Close");
    close.setId("export-close");
    close.setCancelButton(true);
    close.setOnAction(e -> stage.close());
    Region gap = new Region();
    gap.setMinWidth(12);
    HBox box = new HBox(8, status, gap, openFolder, export, close);
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }

  /** False headless (tests, CI) or where no file manager can be asked to open a folder. */
  static boolean canOpenFolders() {
    if ("Monocle".equalsIgnoreCase(System.getProperty("glass.platform")) || Boolean.getBoolean("testfx.headless")) {
      return false;
    }
    return opener() != null;
  }

  private static List<String> opener() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.contains("mac")) {
      return List.of("open");
    } else if (os.contains("win")) {
      return List.of("explorer.exe");
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (Files.isExecutable(Path.of(dir, "xdg-open"))) {
          return List.of("xdg-open");
        }
      }
    }
    return null;
  }

  private void openFolder(Path dir) {
    List<String> cmd = opener();
    if (dir == null || cmd == null) {
      return;
    }
    try {
      List<String> full = new java.util.ArrayList<>(cmd);
      full.add(dir.toString());
      new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      vm.note("Could not open " + dir + ": " + e.getMessage());
    }
  }
}
