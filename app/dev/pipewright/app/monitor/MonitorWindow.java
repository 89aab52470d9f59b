package dev.pipewright.app.monitor;

import dev.pipewright.canvas.PipelineCanvas;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Pipeline;
import dev.pipewright.monitor.Health;
import dev.pipewright.monitor.Monitor;
import dev.pipewright.monitor.MonitorConfigException;
import dev.pipewright.monitor.MonitorSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Popup;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The live monitor of the main window: a window of its own with the dashboard and the SLO alerts
 * list, which while open colours the main canvas's nodes and edges by health, labels the edges
 * with their rate and lag (joined with the trial's rates, never overwriting them) and pops a non-modal
 * notification in the main window's corner when an alert starts firing. Closing it stops the
 * {@link Monitor} (off the FX thread) and clears the canvas.
 */
public final class MonitorWindow {
  /** View > Monitor. Ctrl+M is the minimap's, so the monitor takes Ctrl+Shift+M. */
  public static final KeyCombination SHORTCUT =
      new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
  /**
   * One poll a second, the charts' resolution. The monitor schedules with a fixed delay, so a poll
   * slower than this (a huge cluster, a broker timing out) delays the next instead of piling up.
   */
  public static final Duration INTERVAL = Duration.ofSeconds(1);

  private final Window owner;
  private final PipelineCanvas canvas;
  private final Supplier<Pipeline> pipeline;
  private final Supplier<Optional<MonitorTarget>> trialTarget;
  private final ReadOnlyObjectProperty<Map<Edge, String>> trialLabels;
  private Map<Edge, String> monitorLabels = Map.of();
  private Map<Edge, String> monitorRates = Map.of();
  private Map<String, Health.Level> health = Map.of();
  private Map<Edge, Health.Level> edgeHealth = Map.of();
  private MonitorSnapshot previous;
  private Stage stage;
  private Monitor monitor;
  private Pipeline watched;
  private final List<Popup> popups = new ArrayList<>();

  /**
   * @param trialTarget the running trial's addresses, empty when none streams
   * @param trialLabels the trial panel's edge labels (rates), combined with the monitor's lag
   */
  public MonitorWindow(Window owner, PipelineCanvas canvas, Supplier<Pipeline> pipeline,
      Supplier<Optional<MonitorTarget>> trialTarget, ReadOnlyObjectProperty<Map<Edge, String>> trialLabels) {
    this.owner = owner;
    this.canvas = canvas;
    this.pipeline = pipeline;
    this.trialTarget = trialTarget;
    this.trialLabels = trialLabels;
    // registered after the trial panel's own listener, so this combined text is what stays drawn
    trialLabels.addListener((obs, was, now) -> {
      if (isOpen()) {
        showLabels();
      }
    });
  }

  public boolean isOpen() {
    return stage != null && stage.isShowing();
  }

  public Stage stage() {
    return stage;
  }

  /** The colours last put on the canvas, by node name. */
  public Map<String, Health.Level> health() {
    return health;
  }

  /** The colours last put on the canvas's edges. */
  public Map<Edge, Health.Level> edgeHealth() {
    return edgeHealth;
  }

  /** Opens the monitor on the running trial if one streams, else on the pipeline's own cluster; brings it forward if open. */
  public void open() {
    if (isOpen()) {
      stage.toFront();
      return;
    }
    open(trialTarget.get().orElseGet(() -> MonitorTarget.ownCluster(pipeline.get())));
  }

  /** Opens (or switches) the monitor to {@code target}. */
  public void open(MonitorTarget target) {
    Pipeline p = pipeline.get();
    stopMonitor();
    List<String> notes = new ArrayList<>();
    MonitorDashboardViewModel dashVm = new MonitorDashboardViewModel(p.slos(), Platform::runLater);
    AlertsViewModel alertsVm = new AlertsViewModel(Platform::runLater, this::notify);
    Label note = new Label();
    note.setId("monitor-notes");
    note.setWrapText(true);
    note.setStyle("-fx-text-fill: #57606a; -fx-font-size: 11px;");
    try {
      monitor = target.open(p, INTERVAL, notes::add);
      watched = p;
      note.setText(String.join("\n", notes));
    } catch (MonitorConfigException e) {
      monitor = null;
      note.setText("Cannot watch " + target.description() + ": " + e.getMessage());
      note.setStyle("-fx-text-fill: #cf222e; -fx-font-size: 12px;");
    }
    BorderPane root = new BorderPane();
    root.setId("monitor-window");
    root.setTop(header(p, target, note));
    SplitPane split = new SplitPane(new MonitorDashboardView(dashVm), alertsPanel(alertsVm));
    split.setOrientation(javafx.geometry.Orientation.VERTICAL);
    split.setDividerPositions(0.78);
    root.setCenter(split);
    if (stage == null) {
      stage = new Stage();
      stage.initOwner(owner);
      stage.setOnHidden(e -> stopMonitor());
    }
    stage.setTitle("Monitor — " + p.name() + " on " + target.description());
    stage.setScene(new Scene(root, 1180, 820));
    stage.show();
    if (monitor != null) {
      Monitor m = monitor;
      m.addListener(dashVm);
      m.addListener(alertsVm);
      m.addListener(snap -> Platform.runLater(() -> {
        if (monitor == m) {
          showOnCanvas(snap);
        }
      }));
      m.start();
    }
  }

  private VBox header(Pipeline p, MonitorTarget current, Label note) {
    ComboBox<MonitorTarget> choice = new ComboBox<>();
    choice.setId("monitor-target");
    trialTarget.get().ifPresent(choice.getItems()::add);
    choice.getItems().add(MonitorTarget.ownCluster(p));
    if (!choice.getItems().contains(current)) {
      choice.getItems().add(0, current);
    }
    choice.setConverter(new StringConverter<>() {
      @Override
      public String toString(MonitorTarget t) {
        return t == null ? "" : t.description();
      }

      @Override
      public MonitorTarget fromString(String s) {
        return null;
      }
    });
    choice.setValue(current);
    choice.setOnAction(e -> {
      MonitorTarget t = choice.getValue();
      if (t != null && !t.equals(current)) {
        Platform.runLater(() -> open(t));
      }
    });
    HBox bar = new HBox(8, new Label("Watching"), choice);
    bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    VBox top = new VBox(4, bar, note);
    top.setPadding(new Insets(8, 12, 4, 12));
    return top;
  }

  private static VBox alertsPanel(AlertsViewModel vm) {
    Label heading = new Label("SLO alerts");
    heading.setStyle("-fx-font-weight: bold; -fx-font-size: 13px;");
    ListView<AlertsViewModel.Row> list = new ListView<>();
    list.setId("monitor-alerts");
    list.setPlaceholder(new Label("No burn-rate alert is firing."));
    list.setCellFactory(lv -> new javafx.scene.control.ListCell<>() {
      @Override
      protected void updateItem(AlertsViewModel.Row r, boolean empty) {
        super.updateItem(r, empty);
        setText(empty || r == null ? null : r.text());
        setStyle(empty || r == null ? "" : "-fx-text-fill: #cf222e;");
      }
    });
    vm.firingProperty().addListener((obs, was, now) -> list.getItems().setAll(now));
    VBox box = new VBox(6, heading, list);
    VBox.setVgrow(list, Priority.ALWAYS);
    box.setPadding(new Insets(8, 12, 12, 12));
    return box;
  }

  private void showOnCanvas(MonitorSnapshot snap) {
    Pipeline p = watched;
    health = CanvasHealth.nodeLevels(p, snap);
    Map<String, Color> colours = new HashMap<>();
    health.forEach((node, level) -> colours.put(node, Color.web(MonitorDashboardView.color(level))));
    canvas.setHealth(colours);
    edgeHealth = CanvasHealth.edgeLevels(p, snap);
    Map<Edge, Color> edgeColours = new HashMap<>();
    edgeHealth.forEach((edge, level) -> edgeColours.put(edge, Color.web(MonitorDashboardView.color(level))));
    canvas.setEdgeHealth(edgeColours);
    monitorLabels = CanvasHealth.lagLabels(p, snap);
    monitorRates = CanvasHealth.rateLabels(p, previous, snap);
    previous = snap;
    showLabels();
  }

  /** Trial rates where the trial has them, else the monitor's; then the monitor's lag. */
  private void showLabels() {
    Map<Edge, String> trial = trialLabels.get();
    Map<Edge, String> rates = new java.util.LinkedHashMap<>(monitorRates);
    rates.keySet().removeAll(trial.keySet());
    canvas.setEdgeLabels(CanvasHealth.combine(CanvasHealth.combine(trial, rates), monitorLabels));
  }

  /** A non-modal popup in the owner's bottom-right corner that goes away by itself after 10 s. */
  private void notify(AlertsViewModel.Row alert) {
    if (owner == null || !owner.isShowing()) {
      return;
    }
    Label title = new Label("SLO alert: " + alert.slo());
    title.setStyle("-fx-font-weight: bold; -fx-text-fill: white;");
    Label body = new Label(alert.severity() + " since " + alert.since() + "\n" + alert.breached());
    body.setWrapText(true);
    body.setMaxWidth(340);
    body.setStyle("-fx-text-fill: white;");
    VBox box = new VBox(4, title, body);
    box.setId("monitor-alert-popup");
    box.setPadding(new Insets(10, 14, 10, 14));
    box.setStyle("-fx-background-color: #cf222e; -fx-background-radius: 8; -fx-effect: dropshadow(gaussian, rgba(0,0,0,0.3), 8, 0, 0, 2);");
    Popup popup = new Popup();
    popup.getContent().add(box);
    popup.setAutoHide(false);
    box.setOnMouseClicked(e -> popup.hide());
    popup.setOnHidden(e -> popups.remove(popup));
    double offset = popups.stream().mapToDouble(pp -> pp.getHeight() + 8).sum();
    popups.add(popup);
    popup.show(owner);
    popup.setX(owner.getX() + owner.getWidth() - popup.getWidth() - 16);
    popup.setY(owner.getY() + owner.getHeight() - popup.getHeight() - 16 - offset);
    PauseTransition later = new PauseTransition(javafx.util.Duration.seconds(10));
    later.setOnFinished(e -> popup.hide());
    later.play();
  }

  /** Closes the window and stops polling. */
  public void close() {
    if (stage != null) {
      stage.hide();
    }
    stopMonitor();
  }

  private void stopMonitor() {
    Monitor m = monitor;
    monitor = null;
    if (m != null) {
      // closing waits for a poll in flight and the admin client: not on the FX thread
      Thread t = new Thread(m::close, "pipewright-monitor-close");
      t.setDaemon(true);
      t.start();
    }
    health = Map.of();
    edgeHealth = Map.of();
    monitorLabels = Map.of();
    monitorRates = Map.of();
    previous = null;
    canvas.setHealth(Map.of());
    canvas.setEdgeHealth(Map.of());
    canvas.setEdgeLabels(trialLabels.get());
    new ArrayList<>(popups).forEach(Popup::hide);
  }
}
