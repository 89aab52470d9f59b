package dev.pipewright.app.trial;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.canvas.EditorState;
import dev.pipewright.canvas.PipelineCanvas;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Pipeline;
import dev.pipewright.runtime.stats.EdgeSample;
import dev.pipewright.runtime.stats.SinkStats;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.SetChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The trial panel (phases with elapsed times, the failure sentence, the workload control, sink
 * figures and the records of the selected edge) plus the Run menu and the Run/Stop toolbar
 * buttons. Puts the view model's edge labels on the canvas and tells it which edge is selected.
 */
public final class TrialView extends HBox {
  public static final KeyCombination RUN = new KeyCodeCombination(KeyCode.F5);
  public static final KeyCombination STOP = new KeyCodeCombination(KeyCode.F5, KeyCombination.SHIFT_DOWN);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TrialViewModel vm;
  private final Supplier<Pipeline> current;
  private final TableView<EdgeSample> table = new TableView<>();
  private final TextArea detail = new TextArea();
  private List<Button> toolbarButtons;

  public TrialView(TrialViewModel vm, Supplier<Pipeline> current, PipelineCanvas canvas, EditorState state) {
    this.vm = vm;
    this.current = current;
    setId("trial-panel");
    getStylesheets().add(TrialView.class.getResource("/dev/pipewright/app/trial/trial.css").toExternalForm());
    getStyleClass().addAll("panel", "trial-panel");

    vm.edgeLabelsProperty().addListener((obs, was, now) -> canvas.setEdgeLabels(now));
    state.selectedEdges().addListener((SetChangeListener<Edge>) c ->
        vm.selectEdge(state.selectedEdges().isEmpty() ? null : state.selectedEdges().iterator().next()));

    VBox left = new VBox(8, headline(), phases(), failure(), workload(), sinks());
    left.setPadding(new Insets(8, 12, 8, 12));
    ScrollPane leftScroll = new ScrollPane(left);
    leftScroll.setFitToWidth(true);
    leftScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    leftScroll.setMinWidth(320);
    leftScroll.setPrefWidth(340);
    leftScroll.getStyleClass().add("edge-to-edge");
    VBox right = records();
    HBox.setHgrow(right, Priority.ALWAYS);
    getChildren().addAll(leftScroll, right);
  }

  /**
   * The bottom tabs: {@code problems} and this panel; the trial tab comes to the front when a
   * trial starts.
   */
  public TabPane tabsWith(javafx.scene.Node problems) {
    Tab problemsTab = new Tab("Problems", problems);
    problemsTab.setId("tab-problems");
    Tab trialTab = new Tab("Local trial", this);
    trialTab.setId("tab-trial");
    TabPane tabs = new TabPane(problemsTab, trialTab);
    tabs.setId("bottom-tabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.setMinHeight(90);
    vm.stateProperty().addListener((obs, was, now) -> {
      if (now == TrialState.STARTING) {
        tabs.getSelectionModel().select(trialTab);
      }
    });
    return tabs;
  }

  // ---- run controls --------------------------------------------------------------------------

  public void run() {
    vm.start(current.get());
  }

  public void stop() {
    vm.stop();
  }

  /** The Run menu: Run locally (F5), Stop (Shift+F5), Generate workload…. */
  public Menu runMenu() {
    MenuItem run = new MenuItem("_Run Locally");
    run.setId("menu-run-locally");
    run.setAccelerator(RUN);
    run.setOnAction(e -> run());
    run.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.stateProperty().get().canRun(), vm.stateProperty()));
    MenuItem stop = new MenuItem("_Stop");
    stop.setId("menu-run-stop");
    stop.setAccelerator(STOP);
    stop.setOnAction(e -> stop());
    stop.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.stateProperty().get().canStop(), vm.stateProperty()));
    MenuItem workload = new MenuItem("Generate _Workload…");
    workload.setId("menu-run-workload");
    workload.setOnAction(e -> askForWorkload());
    workload.disableProperty().bind(Bindings.createBooleanBinding(
        () -> vm.stateProperty().get() != TrialState.STREAMING, vm.stateProperty()));
    Menu m = new Menu("_Run");
    m.setId("menu-run");
    m.getItems().addAll(run, stop, new SeparatorMenuItem(), workload);
    return m;
  }

  /** Run and Stop buttons for the toolbar (the same two on every call). */
  public List<Button> toolbarButtons() {
    if (toolbarButtons == null) {
      toolbarButtons = makeToolbarButtons();
    }
    return toolbarButtons;
  }

  private List<Button> makeToolbarButtons() {
    Button run = new Button("▶ Run");
    run.setId("tool-run");
    run.getStyleClass().addAll(Styles.FLAT, Styles.SUCCESS);
    run.setFocusTraversable(false);
    run.setTooltip(new Tooltip("Run this pipeline locally with embedded PostgreSQL and Kafka (" + RUN.getDisplayText() + ")"));
    run.setOnAction(e -> run());
    run.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.stateProperty().get().canRun(), vm.stateProperty()));
    Button stop = new Button("■ Stop");
    stop.setId("tool-stop");
    stop.getStyleClass().addAll(Styles.FLAT, Styles.DANGER);
    stop.setFocusTraversable(false);
    stop.setTooltip(new Tooltip("Stop the local trial (" + STOP.getDisplayText() + ")"));
    stop.setOnAction(e -> stop());
    stop.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.stateProperty().get().canStop(), vm.stateProperty()));
    return List.of(run, stop);
  }

  private void askForWorkload() {
    TextInputDialog d = new TextInputDialog(vm.workloadRateProperty().get());
    d.setTitle("Generate workload");
    d.setHeaderText("Change rows of the demo shop (customers, orders) in the embedded database");
    d.setContentText("Changes per second:");
    if (getScene() != null) {
      d.initOwner(getScene().getWindow());
    }
    d.showAndWait().ifPresent(rate -> {
      vm.workloadRateProperty().set(rate);
      vm.startWorkload();
    });
  }

  // ---- left column ---------------------------------------------------------------------------

  private Label headline() {
    Label l = new Label();
    l.setId("trial-headline");
    l.getStyleClass().add("trial-headline");
    l.setWrapText(true);
    l.textProperty().bind(vm.headlineProperty());
    return l;
  }

  private GridPane phases() {
    GridPane g = new GridPane();
    g.setId("trial-phases");
    g.setHgap(10);
    g.setVgap(2);
    ColumnConstraints glyph = new ColumnConstraints(16);
    ColumnConstraints name = new ColumnConstraints(170);
    ColumnConstraints time = new ColumnConstraints(80);
    g.getColumnConstraints().addAll(glyph, name, time);
    Runnable fill = () -> {
      g.getChildren().clear();
      int r = 0;
      for (PhaseProgress.Row row : vm.phasesProperty().get()) {
        Label mark = new Label(glyph(row.status()));
        mark.getStyleClass().addAll("trial-phase-mark", "trial-phase-" + row.status().name().toLowerCase());
        Label label = new Label(row.phase().label());
        label.setId("trial-phase-" + row.phase().name());
        label.getStyleClass().addAll("trial-phase-name", "trial-phase-" + row.status().name().toLowerCase());
        label.setUserData(row.status());
        Label elapsed = new Label(row.status() == PhaseProgress.Status.SKIPPED ? "not needed"
            : RateFormat.elapsed(row.elapsed()));
        elapsed.getStyleClass().add("trial-phase-time");
        g.addRow(r++, mark, label, elapsed);
      }
    };
    vm.phasesProperty().addListener((obs, was, now) -> fill.run());
    fill.run();
    return g;
  }

  private static String glyph(PhaseProgress.Status s) {
    return switch (s) {
      case WAITING -> "○";
      case RUNNING -> "◐";
      case DONE -> "✓";
      case FAILED -> "✗";
      case SKIPPED -> "–";
    };
  }

  private Label failure() {
    Label l = new Label();
    l.setId("trial-failure");
    l.getStyleClass().add("trial-failure");
    l.setWrapText(true);
    l.textProperty().bind(vm.failureProperty());
    l.visibleProperty().bind(vm.failureProperty().isNotEmpty());
    l.managedProperty().bind(l.visibleProperty());
    return l;
  }

  private VBox workload() {
    TextField rate = new TextField();
    rate.setId("trial-workload-rate");
    rate.setPrefColumnCount(5);
    rate.textProperty().bindBidirectional(vm.workloadRateProperty());
    Button start = new Button("Start");
    start.setId("trial-workload-start");
    start.setOnAction(e -> vm.startWorkload());
    start.disableProperty().bind(Bindings.createBooleanBinding(
        () -> vm.stateProperty().get() != TrialState.STREAMING, vm.stateProperty()));
    Button stop = new Button("Stop");
    stop.setId("trial-workload-stop");
    stop.setOnAction(e -> vm.stopWorkload());
    stop.disableProperty().bind(vm.workloadRunningProperty().not());
    Label changes = new Label();
    changes.setId("trial-workload-changes");
    changes.textProperty().bind(Bindings.createStringBinding(
        () -> RateFormat.count(vm.workloadChangesProperty().get()) + " rows changed", vm.workloadChangesProperty()));
    Label title = new Label("Workload");
    title.setMinWidth(Region.USE_PREF_SIZE);
    Label unit = new Label("changes/s");
    unit.setMinWidth(Region.USE_PREF_SIZE);
    start.setMinWidth(Region.USE_PREF_SIZE);
    stop.setMinWidth(Region.USE_PREF_SIZE);
    start.setTooltip(new Tooltip("Change rows of the demo shop in the embedded database at this rate"));
    HBox row = new HBox(6, title, rate, unit, start, stop);
    row.setAlignment(Pos.CENTER_LEFT);
    Label message = new Label();
    message.setId("trial-workload-message");
    message.getStyleClass().add(Styles.TEXT_MUTED);
    message.setWrapText(true);
    message.textProperty().bind(Bindings.createStringBinding(() -> vm.workloadMessageProperty().get()
        + (vm.workloadRunningProperty().get() || vm.workloadChangesProperty().get() > 0
            ? "  " + changes.getText() : ""), vm.workloadMessageProperty(), vm.workloadRunningProperty(),
        changes.textProperty()));
    return new VBox(4, row, message);
  }

  private Label sinks() {
    Label l = new Label();
    l.setId("trial-sinks");
    l.setWrapText(true);
    l.getStyleClass().add("trial-sinks");
    l.textProperty().bind(Bindings.createStringBinding(() -> sinkText(vm.sinksProperty().get()), vm.sinksProperty()));
    return l;
  }

  static String sinkText(List<SinkStats> sinks) {
    StringBuilder b = new StringBuilder();
    for (SinkStats s : sinks) {
      if (b.length() > 0) {
        b.append('\n');
      }
      b.append(s.node()).append(": ").append(RateFormat.count(s.written())).append(" written");
      if (s.preview()) {
        b.append(" (PREVIEW: recorded, not sent)");
      }
      if (s.latencyP50() != null) {
        b.append(", p50 ").append(s.latencyP50().toMillis()).append(" ms");
      }
      if (s.lastError() != null) {
        b.append(", error: ").append(s.lastError());
      }
    }
    return b.toString();
  }

  // ---- records -------------------------------------------------------------------------------

  private VBox records() {
    Label title = new Label();
    title.setId("trial-records-title");
    title.getStyleClass().add("panel-title");
    title.textProperty().bind(Bindings.createStringBinding(() -> {
      Edge e = vm.selectedEdgeProperty().get();
      return e == null ? "Click an edge on the canvas to see the last records that crossed it"
          : "Last records on " + e.from() + " → " + e.to();
    }, vm.selectedEdgeProperty()));

    table.setId("trial-records");
    Label placeholder = new Label();
    placeholder.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedEdgeProperty().get() == null
        ? "No edge selected" : "No records on this edge yet", vm.selectedEdgeProperty()));
    table.setPlaceholder(placeholder);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setMinWidth(0);
    table.getColumns().add(column("Time", 64, s -> TIME.format(s.at())));
    table.getColumns().add(column("Op", 64, s -> opLabel(s.op())));
    table.getColumns().add(column("Key", 76, s -> oneLine(s.key())));
    table.getColumns().add(column("Row", 160, s -> oneLine(s.after() != null ? s.after() : s.before())));
    vm.recordsProperty().addListener((obs, was, now) -> {
      EdgeSample selected = table.getSelectionModel().getSelectedItem();
      table.setItems(FXCollections.observableArrayList(now));
      if (selected != null && now.contains(selected)) {
        table.getSelectionModel().select(selected);
      }
    });
    detail.setId("trial-record-detail");
    detail.setEditable(false);
    detail.setWrapText(false);
    detail.getStyleClass().add("trial-record-detail");
    detail.setPromptText("Select a record to see its key, operation, before and after");
    // Records roll over quickly at high rates: the detail keeps the record last chosen until
    // another one is chosen, even once it has left the table.
    table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
      if (now != null) {
        detail.setText(describe(now));
      }
    });
    vm.selectedEdgeProperty().addListener((obs, was, now) -> detail.clear());
    SplitPane split = new SplitPane(table, detail);
    split.setOrientation(Orientation.HORIZONTAL);
    split.setDividerPositions(0.6);
    VBox.setVgrow(split, Priority.ALWAYS);
    VBox box = new VBox(6, title, split);
    box.setPadding(new Insets(8, 8, 8, 0));
    box.setMinWidth(0);
    box.setPrefWidth(200);
    detail.setMinWidth(0);
    return box;
  }

  private static TableColumn<EdgeSample, String> column(String name, double width,
      java.util.function.Function<EdgeSample, String> value) {
    TableColumn<EdgeSample, String> c = new TableColumn<>(name);
    c.setPrefWidth(width);
    c.setSortable(false);
    c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
    return c;
  }

  /** {@code c create}, {@code u update}, {@code d delete}, {@code r read} (snapshot). */
  static String opLabel(String op) {
    if (op == null) {
      return "";
    }
    return switch (op) {
      case "c" -> "c create";
      case "u" -> "u update";
      case "d" -> "d delete";
      case "r" -> "r read";
      default -> op;
    };
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replace('\n', ' ');
  }

  /** The detail pane's text: topic, key, operation, then before and after, pretty-printed. */
  static String describe(EdgeSample s) {
    if (s == null) {
      return "";
    }
    return "topic   " + s.topic() + "\nkey     " + pretty(s.key()) + "\nop      " + opLabel(s.op())
        + "\nat      " + TIME.format(s.at()) + "\n\nbefore\n" + pretty(s.before()) + "\n\nafter\n" + pretty(s.after());
  }

  private static String pretty(String json) {
    if (json == null) {
      return "(none)";
    }
    try {
      JsonNode n = JSON.readTree(json);
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n);
    } catch (Exception e) {
      return json;
    }
  }

  /** For tests and screenshots: the records table. */
  public TableView<EdgeSample> recordsTable() { // visible for testing
    return table;
  }
}
