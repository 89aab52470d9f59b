package dev.pipewright.app.desktop;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import dev.pipewright.app.desktop.DialogService.SaveChoice;
import dev.pipewright.app.desktop.RecoveryStore.Recovery;
import dev.pipewright.app.desktop.gallery.Template;
import dev.pipewright.app.desktop.gallery.TemplateGalleryView;
import dev.pipewright.app.desktop.gallery.TemplateGalleryViewModel;
import dev.pipewright.app.desktop.inspector.InspectorView;
import dev.pipewright.app.desktop.palette.PaletteView;
import dev.pipewright.app.desktop.problems.ProblemsView;
import dev.pipewright.app.desktop.problems.ProblemsViewModel;
import dev.pipewright.app.export.ExportDialog;
import dev.pipewright.app.trial.TrialView;
import dev.pipewright.app.trial.TrialViewModel;
import dev.pipewright.canvas.PipelineCanvas;
import dev.pipewright.model.Finding;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The main window: menus and toolbar on top, the palette on the left, the canvas in the middle
 * (with the template gallery laid over it when starting), the inspector on the right, the
 * problems panel under the canvas and a status bar. Wires the view models to the canvas and
 * asks {@link DialogService} whatever needs a person's answer.
 */
public final class MainView {
  /** The shell's stylesheet, on top of the AtlantaFX theme. */
  public static final String STYLESHEET =
      MainView.class.getResource("/dev/pipewright/app/desktop/desktop.css").toExternalForm();
  /** The default window size, also the size of screenshots. */
  public static final double WIDTH = 1440;
  public static final double HEIGHT = 900;

  private final MainViewModel vm;
  private final DialogService dialogs;
  private final Stage stage;
  private final PipelineCanvas canvas;
  private final StackPane root = new StackPane();
  private final Pane overlay = new Pane();
  private final StackPane canvasArea;
  private final Path examplesDir;
  private final ProblemsView problemsView;
  private final SplitPane centreSplit;
  private TemplateGalleryView gallery;
  private final TrialViewModel trialVm;
  private final TrialView trialView;
  private final dev.pipewright.app.monitor.MonitorWindow monitorWindow;
  private Timeline autosaveTimer;

  public MainView(Stage stage, MainViewModel vm, DialogService dialogs, Path examplesDir) {
    this.stage = stage;
    this.vm = vm;
    this.dialogs = dialogs;
    this.examplesDir = examplesDir;
    this.canvas = new PipelineCanvas(vm.document(), vm.state());
    canvasArea = new StackPane(canvas, emptyHint());
    canvasArea.setMinSize(200, 200);

    PaletteView palette = new PaletteView(vm.palette(), overlay, new PaletteView.DropTarget() {
      @Override
      public boolean accepts(double sceneX, double sceneY) {
        return gallery == null && canvasBoundsInScene().contains(sceneX, sceneY);
      }

      @Override
      public void drop(NodeKind kind, double sceneX, double sceneY) {
        canvas.placeNode(kind, sceneX, sceneY);
        canvas.requestFocus();
      }

      @Override
      public void dropInCentre(NodeKind kind) {
        if (gallery == null) {
          Bounds b = canvasBoundsInScene();
          canvas.placeNode(kind, b.getCenterX(), b.getCenterY());
        }
      }
    });
    palette.setMinWidth(180);
    palette.setPrefWidth(210);
    InspectorView inspector = new InspectorView(vm.inspector());
    inspector.setMinWidth(280);
    inspector.setPrefWidth(330);
    problemsView = new ProblemsView(vm.problems(), this::reveal);
    problemsView.setMinHeight(90);

    trialVm = new TrialViewModel(vm.home(), vm.tasks().separateWorker(), Platform::runLater);
    trialView = new TrialView(trialVm, () -> vm.document().pipeline(), canvas, vm.state());
    Region bottom = trialView.tabsWith(problemsView);
    monitorWindow = new dev.pipewright.app.monitor.MonitorWindow(stage, canvas, () -> vm.document().pipeline(),
        () -> trialVm.monitorAddresses().map(a -> dev.pipewright.app.monitor.MonitorTarget.localTrial(a[0], a[1])),
        trialVm.edgeLabelsProperty());
    centreSplit = new SplitPane(canvasArea, bottom);
    centreSplit.setOrientation(Orientation.VERTICAL);
    centreSplit.setDividerPositions(0.70);
    SplitPane.setResizableWithParent(bottom, false);
    trialVm.stateProperty().addListener((obs, was, now) -> {
      if (now == dev.pipewright.app.trial.TrialState.STARTING && centreSplit.getDividerPositions()[0] > 0.62) {
        centreSplit.setDividerPositions(0.62); // room for the phase list and the records
      }
    });
    SplitPane main = new SplitPane(palette, centreSplit, inspector);
    main.setDividerPositions(0.15, 0.77);
    SplitPane.setResizableWithParent(palette, false);
    SplitPane.setResizableWithParent(inspector, false);

    BorderPane frame = new BorderPane(main);
    frame.setTop(new VBox(menuBar(), toolBar()));
    frame.setBottom(statusBar());
    overlay.setPickOnBounds(false);
    overlay.setMouseTransparent(true);
    root.getChildren().addAll(frame, overlay);
    root.setId("main-window");

    vm.findingsProperty().addListener((obs, was, now) -> canvas.setFindings(now));
    canvas.setFindings(vm.findingsProperty().get());
    vm.darkThemeProperty().addListener((obs, was, dark) -> applyTheme(dark));
    vm.state().minimapEnabled().set(vm.minimapProperty().get());
    vm.minimapProperty().addListener((obs, was, show) -> vm.state().minimapEnabled().set(show));
    stage.titleProperty().bind(vm.titleProperty());
  }

  /** Builds the scene, shows the window and starts autosave. */
  public void show() {
    // Never larger than the screen (a laptop, or the headless test screen).
    Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    Scene scene = new Scene(root, Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
    scene.getStylesheets().add(STYLESHEET);
    scene.getAccelerators().put(Shortcuts.REDO_ALT, textOr(TextInputControl::redo, vm.document()::redo));
    scene.getAccelerators().put(Shortcuts.ZOOM_IN_ALT, canvas::zoomIn);
    stage.setScene(scene);
    stage.setMinWidth(900);
    stage.setMinHeight(600);
    for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
      Image icon = KindIcons.app(size);
      if (icon != null) {
        stage.getIcons().add(icon);
      }
    }
    applyTheme(vm.darkThemeProperty().get());
    stage.setOnCloseRequest(e -> {
      if (!mayDiscardDocument()) {
        e.consume();
      } else {
        shutDown();
      }
    });
    stage.show();
    autosaveTimer = new Timeline(new KeyFrame(Duration.millis(MainViewModel.AUTOSAVE_INTERVAL.toMillis()),
        e -> vm.autosave()));
    autosaveTimer.setCycleCount(Timeline.INDEFINITE);
    autosaveTimer.play();
  }

  public PipelineCanvas canvas() {
    return canvas;
  }

  public MainViewModel viewModel() {
    return vm;
  }

  public Stage stage() {
    return stage;
  }

  public dev.pipewright.app.monitor.MonitorWindow monitor() {
    return monitorWindow;
  }

  public TrialViewModel trial() {
    return trialVm;
  }

  public ProblemsView problemsView() {
    return problemsView;
  }

  // ---- start-up ------------------------------------------------------------------------------

  /**
   * What the window shows first: the file given on the command line, else an offer to recover
   * unsaved work left by a crash, else the template gallery.
   */
  public void start(Path openFile) {
    if (openFile != null) {
      openPath(openFile);
      return;
    }
    for (Recovery r : vm.pendingRecoveries()) {
      if (dialogs.offerRecovery(r)) {
        FileOutcome outcome = vm.recover(r);
        if (outcome.ok()) {
          fitSoon();
          return;
        }
        dialogs.showFailure(outcome);
      } else {
        vm.discardRecovery(r);
      }
    }
    showGallery();
  }

  /** Lays the template gallery over the canvas. */
  public void showGallery() {
    if (gallery != null) {
      return;
    }
    gallery = new TemplateGalleryView(new TemplateGalleryViewModel(examplesDir), this::useTemplate, this::hideGallery);
    canvasArea.getChildren().add(gallery);
    gallery.requestFocus();
  }

  public boolean galleryShown() {
    return gallery != null;
  }

  private void hideGallery() {
    if (gallery != null) {
      canvasArea.getChildren().remove(gallery);
      gallery = null;
    }
  }

  private void useTemplate(Template t) {
    if (!mayDiscardDocument()) {
      return;
    }
    hideGallery();
    canvas.requestFocus();
    vm.newDocument(t.pipeline());
    fitSoon();
  }

  // ---- file actions --------------------------------------------------------------------------

  public void newPipeline() {
    if (mayDiscardDocument()) {
      hideGallery();
      vm.newDocument(Pipeline.empty(TemplateGalleryViewModel.BLANK_NAME));
    }
  }

  public void open() {
    if (!mayDiscardDocument()) {
      return;
    }
    dialogs.chooseFileToOpen(initialDir()).ifPresent(this::openWithoutAsking);
  }

  /** Opens {@code path} after asking about unsaved changes; a broken file changes nothing. */
  public void openPath(Path path) {
    if (mayDiscardDocument()) {
      openWithoutAsking(path);
    }
  }

  private void openWithoutAsking(Path path) {
    FileOutcome outcome = vm.open(path);
    if (!outcome.ok()) {
      dialogs.showFailure(outcome);
      return;
    }
    hideGallery();
    fitSoon();
  }

  /** Saves; asks for a file name while untitled. Returns true when the document was written. */
  /** File > Attach to running pipeline…: draws a deployed pipeline and starts monitoring it. */
  public void attach() {
    if (mayDiscardDocument()) {
      dev.pipewright.app.attach.AttachDialog.show(stage, vm.tasks(), p -> {
        vm.newDocument(p);
        fitSoon();
        monitorWindow.open(dev.pipewright.app.monitor.MonitorTarget.ownCluster(p));
      });
    }
  }

  public boolean save() {
    if (vm.file() == null) {
      return saveAs();
    }
    return report(vm.save());
  }

  public boolean saveAs() {
    Optional<Path> target = dialogs.chooseFileToSave(initialDir(), vm.document().pipeline().name() + ".yaml");
    return target.isPresent() && report(vm.saveAs(target.get()));
  }

  private boolean report(FileOutcome outcome) {
    if (!outcome.ok()) {
      dialogs.showFailure(outcome);
    }
    return outcome.ok();
  }

  /** Quits like the window's close button: asks about unsaved changes first. */
  public void quit() {
    if (mayDiscardDocument()) {
      shutDown();
      stage.close();
    }
  }

  void shutDown() {
    monitorWindow.close();
    trialVm.close();
    stopAutosave();
    vm.closeCleanly();
  }

  void stopAutosave() {
    if (autosaveTimer != null) {
      autosaveTimer.stop();
    }
  }

  /** True when the current document may be replaced: saved, saved now, or the person said so. */
  private boolean mayDiscardDocument() {
    if (!vm.document().isDirty()) {
      return true;
    }
    SaveChoice choice = dialogs.askToSaveChanges(vm.document().pipeline().name());
    return switch (choice) {
      case SAVE -> save();
      case DISCARD -> true;
      case CANCEL -> false;
    };
  }

  private Path initialDir() {
    if (vm.file() != null) {
      return vm.file().getParent();
    }
    return examplesDir != null ? examplesDir : Path.of("").toAbsolutePath();
  }

  // ---- canvas and problems -------------------------------------------------------------------

  /** Selects and centres the node a finding is about. */
  public void reveal(Finding f) {
    ProblemsViewModel.nodeOf(f).filter(n -> vm.document().pipeline().hasNode(n)).ifPresent(n -> {
      vm.state().selectOnly(List.of(n));
      if (f.edge() != null) {
        vm.state().selectedEdges().add(f.edge());
      }
      canvas.centreOn(n);
    });
  }

  /** What an empty canvas says, so a blank pipeline is never a void. */
  private VBox emptyHint() {
    Label title = new Label("Drag a node here from the palette");
    title.getStyleClass().add(Styles.TITLE_4);
    Label more = new Label("Start with a source such as PostgreSQL, then a Debezium capture, a topic and a sink;"
        + " connect them by dragging from a node's right-hand port to the next node. Or start from a template ("
        + Shortcuts.TEMPLATES.getDisplayText() + ").");
    more.setWrapText(true);
    more.setMaxWidth(420);
    more.setStyle("-fx-text-alignment: center;");
    more.getStyleClass().add(Styles.TEXT_MUTED);
    VBox hint = new VBox(8, title, more);
    hint.setId("canvas-empty-hint");
    hint.setAlignment(javafx.geometry.Pos.CENTER);
    hint.setMouseTransparent(true);
    hint.visibleProperty().bind(Bindings.createBooleanBinding(
        () -> vm.document().pipeline().nodes().isEmpty(), vm.document().pipelineProperty()));
    return hint;
  }

  private Bounds canvasBoundsInScene() {
    return canvas.localToScene(canvas.getLayoutBounds());
  }

  /** Fits the drawing once the canvas has its size (after the next layout pass). */
  private void fitSoon() {
    Platform.runLater(() -> {
      root.applyCss();
      root.layout();
      canvas.fitToView();
      canvas.requestFocus();
    });
  }

  private void applyTheme(boolean dark) {
    Application.setUserAgentStylesheet(dark
        ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    canvas.setDark(dark);
  }

  // ---- menus, toolbar, status bar ------------------------------------------------------------

  private MenuBar menuBar() {
    Menu file = new Menu("_File");
    Menu recent = new Menu("Open _Recent");
    recent.setId("menu-recent");
    Runnable fillRecent = () -> {
      recent.getItems().clear();
      for (Path p : vm.recentFiles()) {
        MenuItem i = new MenuItem(p.getFileName() + "  —  " + shorten(p.getParent()));
        i.setMnemonicParsing(false);
        i.setOnAction(e -> openPath(p));
        recent.getItems().add(i);
      }
      recent.setDisable(recent.getItems().isEmpty());
    };
    vm.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent.run());
    fillRecent.run();
    file.getItems().addAll(
        item("_New", "menu-new", Shortcuts.NEW, this::newPipeline),
        item("_Open…", "menu-open", Shortcuts.OPEN, this::open),
        recent,
        new SeparatorMenuItem(),
        item("_Save", "menu-save", Shortcuts.SAVE, this::save),
        item("Save _As…", "menu-save-as", Shortcuts.SAVE_AS, this::saveAs),
        new SeparatorMenuItem(),
        item("_Templates…", "menu-templates", Shortcuts.TEMPLATES, this::showGallery),
        item("Attach to running pipeline…", "menu-attach", null, this::attach),
        new SeparatorMenuItem(),
        item("_Export…", "menu-export", ExportDialog.SHORTCUT,
            () -> ExportDialog.open(stage, vm.document().pipeline(), vm.file(), vm.tasks())),
        item("Compare with cluster…", "menu-compare", null,
            () -> dev.pipewright.app.diff.CompareDialog.open(stage, vm)),
        new SeparatorMenuItem(),
        item("_Quit", "menu-quit", Shortcuts.QUIT, this::quit));

    MenuItem undo = item("_Undo", "menu-undo", Shortcuts.UNDO, textOr(TextInputControl::undo, vm.document()::undo));
    undo.textProperty().bind(vm.document().undoLabelProperty());
    undo.disableProperty().bind(vm.document().canUndoProperty().not());
    MenuItem redo = item("_Redo", "menu-redo", Shortcuts.REDO, textOr(TextInputControl::redo, vm.document()::redo));
    redo.textProperty().bind(vm.document().redoLabelProperty());
    redo.disableProperty().bind(vm.document().canRedoProperty().not());
    Menu edit = new Menu("_Edit");
    edit.getItems().addAll(undo, redo, new SeparatorMenuItem(),
        item("Cu_t", "menu-cut", Shortcuts.CUT, textOr(TextInputControl::cut, () -> {
          canvas.copySelection();
          canvas.deleteSelection();
        })),
        item("_Copy", "menu-copy", Shortcuts.COPY, textOr(TextInputControl::copy, canvas::copySelection)),
        item("_Paste", "menu-paste", Shortcuts.PASTE, textOr(TextInputControl::paste, canvas::paste)),
        item("_Duplicate", "menu-duplicate", Shortcuts.DUPLICATE, textOr(t -> { }, canvas::duplicateSelection)),
        item("De_lete", "menu-delete", Shortcuts.DELETE, textOr(TextInputControl::deleteNextChar,
            canvas::deleteSelection)),
        new SeparatorMenuItem(),
        item("Select _All", "menu-select-all", Shortcuts.SELECT_ALL, textOr(TextInputControl::selectAll,
            canvas::selectAll)));

    ToggleGroup themes = new ToggleGroup();
    RadioMenuItem light = new RadioMenuItem("_Light theme");
    light.setId("menu-theme-light");
    RadioMenuItem dark = new RadioMenuItem("_Dark theme");
    dark.setId("menu-theme-dark");
    light.setToggleGroup(themes);
    dark.setToggleGroup(themes);
    (vm.darkThemeProperty().get() ? dark : light).setSelected(true);
    light.setOnAction(e -> vm.setDarkTheme(false));
    dark.setOnAction(e -> vm.setDarkTheme(true));
    vm.darkThemeProperty().addListener((obs, was, now) -> (now ? dark : light).setSelected(true));
    MenuItem toggleTheme = item("Toggle theme", "menu-theme-toggle", Shortcuts.TOGGLE_THEME,
        () -> vm.setDarkTheme(!vm.darkThemeProperty().get()));
    CheckMenuItem minimap = new CheckMenuItem("_Minimap");
    minimap.setId("menu-minimap");
    minimap.setAccelerator(Shortcuts.MINIMAP);
    minimap.setSelected(vm.minimapProperty().get());
    minimap.setOnAction(e -> vm.setMinimap(minimap.isSelected()));
    Menu view = new Menu("_View");
    view.getItems().addAll(
        item("Zoom _In", "menu-zoom-in", Shortcuts.ZOOM_IN, canvas::zoomIn),
        item("Zoom _Out", "menu-zoom-out", Shortcuts.ZOOM_OUT, canvas::zoomOut),
        item("Actual _Size", "menu-zoom-reset", Shortcuts.ZOOM_RESET, canvas::resetZoom),
        item("_Fit to Window", "menu-fit", Shortcuts.FIT, canvas::fitToView),
        new SeparatorMenuItem(),
        item("_Auto Layout", "menu-auto-layout", Shortcuts.AUTO_LAYOUT, canvas::autoLayout),
        new SeparatorMenuItem(),
        item("Mo_nitor", "menu-monitor", dev.pipewright.app.monitor.MonitorWindow.SHORTCUT, monitorWindow::open),
        new SeparatorMenuItem(), light, dark, toggleTheme, new SeparatorMenuItem(), minimap);

    Menu help = new Menu("_Help");
    help.getItems().addAll(
        item("_Keyboard Shortcuts", "menu-shortcuts", Shortcuts.HELP, dialogs::showShortcuts),
        item("_About Pipewright", "menu-about", null, dialogs::showAbout));
    MenuBar bar = new MenuBar(file, edit, view, trialView.runMenu(), help);
    bar.setId("menu-bar");
    return bar;
  }

  /**
   * An edit action that means the text when the person is typing in a field (Ctrl+Z undoes
   * typing, Delete deletes a character) and the drawing otherwise.
   */
  private Runnable textOr(java.util.function.Consumer<TextInputControl> onText, Runnable onCanvas) {
    return () -> {
      if (stage.getScene() != null && stage.getScene().getFocusOwner() instanceof TextInputControl t) {
        onText.accept(t);
      } else {
        onCanvas.run();
      }
    };
  }

  private static MenuItem item(String text, String id, KeyCombination keys, Runnable action) {
    MenuItem i = new MenuItem(text);
    i.setId(id);
    if (keys != null) {
      i.setAccelerator(keys);
    }
    i.setOnAction(e -> action.run());
    return i;
  }

  private ToolBar toolBar() {
    Button undo = tool("Undo", "tool-undo", vm.document()::undo);
    undo.disableProperty().bind(vm.document().canUndoProperty().not());
    undo.tooltipProperty().bind(Bindings.createObjectBinding(
        () -> new Tooltip(vm.document().undoLabelProperty().get() + " (" + Shortcuts.UNDO.getDisplayText() + ")"),
        vm.document().undoLabelProperty()));
    Button redo = tool("Redo", "tool-redo", vm.document()::redo);
    redo.disableProperty().bind(vm.document().canRedoProperty().not());
    redo.tooltipProperty().bind(Bindings.createObjectBinding(
        () -> new Tooltip(vm.document().redoLabelProperty().get() + " (" + Shortcuts.REDO.getDisplayText() + ")"),
        vm.document().redoLabelProperty()));
    Label zoom = new Label();
    zoom.setId("tool-zoom-level");
    zoom.setMinWidth(44);
    zoom.textProperty().bind(Bindings.createStringBinding(
        () -> Math.round(vm.state().zoom().get() * 100) + " %", vm.state().zoom()));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Button theme = tool("", "tool-theme", () -> vm.setDarkTheme(!vm.darkThemeProperty().get()));
    theme.textProperty().bind(Bindings.when(vm.darkThemeProperty()).then("Light theme").otherwise("Dark theme"));
    ToolBar bar = new ToolBar(
        tip(tool("New", "tool-new", this::newPipeline), "New pipeline", Shortcuts.NEW),
        tip(tool("Open", "tool-open", this::open), "Open a pipeline file", Shortcuts.OPEN),
        tip(tool("Save", "tool-save", this::save), "Save", Shortcuts.SAVE),
        tip(tool("Templates", "tool-templates", this::showGallery), "Start from a template", Shortcuts.TEMPLATES),
        new Separator(Orientation.VERTICAL),
        undo, redo,
        new Separator(Orientation.VERTICAL),
        trialView.toolbarButtons().get(0), trialView.toolbarButtons().get(1),
        new Separator(Orientation.VERTICAL),
        tip(tool("−", "tool-zoom-out", canvas::zoomOut), "Zoom out", Shortcuts.ZOOM_OUT),
        zoom,
        tip(tool("+", "tool-zoom-in", canvas::zoomIn), "Zoom in", Shortcuts.ZOOM_IN),
        tip(tool("Fit", "tool-fit", canvas::fitToView), "Fit the pipeline into the window", Shortcuts.FIT),
        tip(tool("Auto layout", "tool-auto-layout", canvas::autoLayout), "Arrange nodes left to right",
            Shortcuts.AUTO_LAYOUT),
        spacer, theme);
    bar.setId("tool-bar");
    return bar;
  }

  private static Button tool(String text, String id, Runnable action) {
    Button b = new Button(text);
    b.setId(id);
    b.getStyleClass().add(Styles.FLAT);
    b.setFocusTraversable(false);
    b.setOnAction(e -> action.run());
    return b;
  }

  private static Button tip(Button b, String text, KeyCombination keys) {
    b.setTooltip(new Tooltip(text + " (" + keys.getDisplayText() + ")"));
    return b;
  }

  private HBox statusBar() {
    Label problems = new Label();
    problems.setId("status-problems");
    problems.getStyleClass().add("status-problems");
    problems.textProperty().bind(vm.problems().summaryProperty());
    vm.findingsProperty().addListener((obs, was, now) -> styleProblems(problems, now));
    styleProblems(problems, vm.findingsProperty().get());
    problems.setOnMouseClicked(e -> problemsView.table().requestFocus());

    Label saved = new Label();
    saved.setId("status-saved");
    saved.textProperty().bind(Bindings.when(vm.document().dirtyProperty()).then("Unsaved changes").otherwise("Saved"));
    Label file = new Label();
    file.setId("status-file");
    file.textProperty().bind(Bindings.createStringBinding(
        () -> vm.file() == null ? "Not saved to a file yet" : shorten(vm.file()), vm.fileProperty()));
    Label size = new Label();
    size.setId("status-size");
    size.textProperty().bind(Bindings.createStringBinding(() -> {
      Pipeline p = vm.document().pipeline();
      return count(p.nodes().size(), "node") + " · " + count(p.edges().size(), "edge") + " · "
          + p.environment().yamlName();
    }, vm.document().pipelineProperty()));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox bar = new HBox(problems, saved, spacer, size, file);
    bar.getStyleClass().add("status-bar");
    bar.setId("status-bar");
    return bar;
  }

  private static void styleProblems(Label l, List<Finding> findings) {
    l.getStyleClass().removeAll("has-errors", "has-warnings");
    if (findings.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
      l.getStyleClass().add("has-errors");
    } else if (findings.stream().anyMatch(f -> f.severity() == Severity.WARNING)) {
      l.getStyleClass().add("has-warnings");
    }
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String shorten(Path p) {
    if (p == null) {
      return "";
    }
    Path cwd = Path.of("").toAbsolutePath();
    if (p.isAbsolute() && p.startsWith(cwd) && !p.equals(cwd)) {
      return cwd.relativize(p).toString();
    }
    String home = System.getProperty("user.home");
    String s = p.toString();
    return home != null && s.startsWith(home + "/") ? "~" + s.substring(home.length()) : s;
  }

  /** The window's content, for screenshots. */
  public Region root() {
    return root;
  }

  /** For tests: the scene point at the centre of a palette entry. */
  public Point2D paletteEntryCentre(NodeKind kind) { // visible for testing
    var n = root.lookup("#palette-" + kind.id());
    Bounds b = n.localToScene(n.getLayoutBounds());
    return new Point2D(b.getCenterX(), b.getCenterY());
  }

}
