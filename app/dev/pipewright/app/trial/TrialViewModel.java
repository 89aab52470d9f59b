package dev.pipewright.app.trial;

import dev.pipewright.app.desktop.AppHome;
import dev.pipewright.app.desktop.TaskExecutor;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.runtime.Trial;
import dev.pipewright.runtime.TrialListener;
import dev.pipewright.runtime.TrialPhase;
import dev.pipewright.runtime.TrialSnapshot;
import dev.pipewright.runtime.pg.EmbeddedPostgres;
import dev.pipewright.runtime.stats.EdgeSample;
import dev.pipewright.runtime.stats.EdgeStats;
import dev.pipewright.runtime.stats.SinkStats;
import dev.pipewright.runtime.workload.DemoWorkload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * The app's local trial: starts a {@link Trial} of the current pipeline off the UI thread,
 * follows its phases, polls {@link Trial#snapshot()} every {@link #POLL_INTERVAL} and publishes
 * immutable values (phase rows, edge labels, the records of the selected edge, sink figures) on
 * the UI executor; runs the demo workload on request and stops everything on {@link #stop} or
 * {@link #close}. Never imports the scene graph, so it is tested without the FX toolkit.
 */
public final class TrialViewModel implements AutoCloseable {
  /** How often the live figures are refreshed. */
  public static final Duration POLL_INTERVAL = Duration.ofMillis(500);
  /** The demo workload's default rate, in changed rows per second. */
  public static final double DEFAULT_RATE = 50;

  private final AppHome home;
  private final TaskExecutor tasks;
  private final Executor ui;
  private final Object lock = new Object();

  private final ReadOnlyObjectWrapper<TrialState> state = new ReadOnlyObjectWrapper<>(TrialState.IDLE);
  private final ReadOnlyObjectWrapper<List<PhaseProgress.Row>> phases =
      new ReadOnlyObjectWrapper<>(new PhaseProgress().rows(Duration.ZERO));
  private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper();
  private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper("No trial running. Press Run to try this pipeline on this machine.");
  private final ReadOnlyObjectWrapper<Map<Edge, String>> edgeLabels = new ReadOnlyObjectWrapper<>(Map.of());
  private final ReadOnlyObjectWrapper<Edge> selectedEdge = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<List<EdgeSample>> records = new ReadOnlyObjectWrapper<>(List.of());
  private final ReadOnlyObjectWrapper<List<SinkStats>> sinks = new ReadOnlyObjectWrapper<>(List.of());
  private final ReadOnlyBooleanWrapper workloadRunning = new ReadOnlyBooleanWrapper();
  private final ReadOnlyLongWrapper workloadChanges = new ReadOnlyLongWrapper();
  private final ReadOnlyStringWrapper workloadMessage = new ReadOnlyStringWrapper("");
  private final StringProperty workloadRate = new SimpleStringProperty(String.valueOf((int) DEFAULT_RATE));

  // touched by the worker, the poller and the UI thread: guarded by lock
  private Trial trial;
  private Pipeline pipeline;
  private PhaseProgress progress = new PhaseProgress();
  private DemoWorkload workload;
  private ScheduledExecutorService poller;
  private TrialSnapshot lastSnapshot;
  private List<Integer> ports = List.of();
  private final AtomicReference<TrialSnapshot> pendingSnapshot = new AtomicReference<>();
  private final AtomicBoolean publishQueued = new AtomicBoolean();

  /**
   * @param tasks runs starting and stopping (seconds of work) off the UI thread
   * @param ui the UI thread ({@code Platform::runLater} in the app, {@code Runnable::run} in tests)
   */
  public TrialViewModel(AppHome home, TaskExecutor tasks, Executor ui) {
    this.home = home;
    this.tasks = tasks;
    this.ui = ui;
  }

  // ---- properties ----------------------------------------------------------------------------

  public ReadOnlyObjectProperty<TrialState> stateProperty() {
    return state.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<List<PhaseProgress.Row>> phasesProperty() {
    return phases.getReadOnlyProperty();
  }

  /** The sentence saying why the trial failed (or how to fix it), or null. */
  public ReadOnlyStringProperty failureProperty() {
    return failure.getReadOnlyProperty();
  }

  /** One line on what the trial is doing now. */
  public ReadOnlyStringProperty headlineProperty() {
    return headline.getReadOnlyProperty();
  }

  /** Text for every edge while a trial runs ("120/s · 4,210"; "PREVIEW · …" into preview-only sinks). */
  public ReadOnlyObjectProperty<Map<Edge, String>> edgeLabelsProperty() {
    return edgeLabels.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Edge> selectedEdgeProperty() {
    return selectedEdge.getReadOnlyProperty();
  }

  /** The last records that crossed the selected edge, newest first. */
  public ReadOnlyObjectProperty<List<EdgeSample>> recordsProperty() {
    return records.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<List<SinkStats>> sinksProperty() {
    return sinks.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty workloadRunningProperty() {
    return workloadRunning.getReadOnlyProperty();
  }

  public ReadOnlyLongProperty workloadChangesProperty() {
    return workloadChanges.getReadOnlyProperty();
  }

  /** What the workload control says (its rate, or why it cannot run). */
  public ReadOnlyStringProperty workloadMessageProperty() {
    return workloadMessage.getReadOnlyProperty();
  }

  /** The rate the person typed, changes per second. */
  public StringProperty workloadRateProperty() {
    return workloadRate;
  }

  /** The loopback ports the running trial listens on (broker, embedded PostgreSQL). */
  public List<Integer> listeningPorts() { // visible for testing
    synchronized (lock) {
      return ports;
    }
  }

  /** The folder a trial of {@code pipeline} keeps its servers' data in (resumed on the next run). */
  public Path workDirFor(Pipeline pipeline) {
    String safe = pipeline.name().replaceAll("[^A-Za-z0-9._-]", "_");
    return home.dir().resolve("trials").resolve(safe.isBlank() ? "untitled" : safe);
  }

  // ---- run and stop --------------------------------------------------------------------------

  /** Starts a trial of {@code pipeline}; ignored while one runs. */
  public void start(Pipeline pipeline) {
    if (!state.get().canRun()) {
      return;
    }
    PhaseProgress fresh = new PhaseProgress();
    Trial t = Trial.builder().pipeline(pipeline).workDir(workDirFor(pipeline)).listener(new Listener(fresh)).build();
    synchronized (lock) {
      trial = t;
      this.pipeline = pipeline;
      progress = fresh;
      lastSnapshot = null;
      ports = List.of();
    }
    state.set(TrialState.STARTING);
    failure.set(null);
    headline.set("Starting a local trial of " + pipeline.name() + " …");
    edgeLabels.set(Map.of());
    records.set(List.of());
    sinks.set(List.of());
    phases.set(fresh.rows(Duration.ZERO));
    startPolling(t);
    tasks.submit(() -> {
      t.start();
      synchronized (lock) {
        ports = portsOf(pipeline, t);
      }
      return t;
    }, started -> {
      if (trialIs(started) && state.get() == TrialState.STARTING) {
        state.set(TrialState.STREAMING);
        headline.set("Streaming. Click an edge to see its records.");
      }
      pollNow(started);
    }, error -> {
      if (trialIs(t)) {
        stopPolling();
        state.set(TrialState.FAILED);
        failure.set(error.getMessage());
        headline.set("The trial did not start.");
        edgeLabels.set(Map.of());
        publishPhases(t.snapshot());
      }
    });
  }

  /** Stops the workload and the trial cleanly (off the UI thread); ignored when nothing runs. */
  public void stop() {
    Trial t;
    synchronized (lock) {
      t = trial;
    }
    if (t == null || !state.get().canStop()) {
      return;
    }
    state.set(TrialState.STOPPING);
    headline.set("Stopping: captures commit their offsets, sinks write what reached Kafka …");
    tasks.submit(() -> {
      long changed = closeWorkload();
      t.close();
      return new Stopped(t.snapshot(), changed);
    }, stopped -> {
      TrialSnapshot last = stopped.last();
      if (stopped.workloadChanges() >= 0) {
        workloadChanges.set(stopped.workloadChanges());
        workloadMessage.set("The workload stopped with the trial.");
      }
      if (trialIs(t)) {
        stopPolling();
        publish(last);
        edgeLabels.set(Map.of());
        workloadRunning.set(false);
        boolean failed = last.failure() != null;
        state.set(failed ? TrialState.FAILED : TrialState.STOPPED);
        headline.set(failed ? "The trial stopped on an error." : "Stopped. Nothing is left running; Run resumes where it stopped.");
      }
    }, error -> {
      stopPolling();
      state.set(TrialState.FAILED);
      failure.set(error.getMessage());
    });
  }

  /**
   * Stops everything now, on the calling thread (the window is closing): the workload, the
   * trial's captures, sinks and servers. Safe to call when nothing runs.
   */
  @Override
  public void close() {
    stopPolling();
    closeWorkload();
    Trial t;
    synchronized (lock) {
      t = trial;
    }
    if (t != null) {
      t.close();
    }
    tasks.close();
  }

  private boolean trialIs(Trial t) {
    synchronized (lock) {
      return trial == t;
    }
  }

  private static List<Integer> portsOf(Pipeline p, Trial t) {
    List<Integer> out = new ArrayList<>();
    String bootstrap = t.bootstrapServers();
    if (bootstrap != null && bootstrap.contains(":")) {
      try {
        out.add(Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1).split(",")[0]));
      } catch (NumberFormatException ignored) {
        // an external cluster with an odd address: not ours to watch
      }
    }
    for (Node n : p.nodesOf(NodeKind.POSTGRES)) {
      t.embeddedPostgres(n.name()).map(EmbeddedPostgres::port).ifPresent(out::add);
    }
    return List.copyOf(out);
  }

  // ---- workload ------------------------------------------------------------------------------

  /** Starts the demo workload at the typed rate against the trial's embedded source. */
  public void startWorkload() {
    Optional<Double> rate = parseRate(workloadRate.get());
    if (rate.isEmpty()) {
      workloadMessage.set("'" + workloadRate.get() + "' is not a rate. Type the changes per second, e.g. 50.");
      return;
    }
    Trial t;
    synchronized (lock) {
      t = trial;
    }
    if (t == null || state.get() != TrialState.STREAMING) {
      workloadMessage.set("Run the trial first; the workload changes rows in its embedded database.");
      return;
    }
    Optional<String> url = jdbcUrlOfEmbeddedSource(t);
    if (url.isEmpty()) {
      workloadMessage.set("This pipeline has no embedded PostgreSQL source; change the source database yourself.");
      return;
    }
    long before = closeWorkload();
    if (before >= 0) {
      workloadChanges.set(before);
    }
    DemoWorkload w = DemoWorkload.builder().jdbcUrl(url.get()).rate(rate.get()).build().start();
    synchronized (lock) {
      workload = w;
    }
    workloadRunning.set(true);
    workloadMessage.set(String.format(Locale.ROOT, "Changing about %s rows/s in public.customers and public.orders.",
        RateFormat.count(Math.round(rate.get()))));
  }

  /** Stops the demo workload (the trial keeps running). */
  public void stopWorkload() {
    tasks.submit(this::closeWorkload, changed -> {
      if (changed >= 0) {
        workloadChanges.set(changed);
      }
      workloadRunning.set(false);
      workloadMessage.set("Workload stopped.");
    }, error -> workloadMessage.set(error.getMessage()));
  }

  /** A positive number of changes per second, or empty. */
  static Optional<Double> parseRate(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      double d = Double.parseDouble(text.trim().replace("/s", "").trim());
      return d > 0 && d <= 100_000 ? Optional.of(d) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The streaming trial's Kafka bootstrap servers and the JDBC URL of its embedded source (null
   * when the source is not embedded), for the monitor to watch; empty when no trial streams.
   */
  public Optional<String[]> monitorAddresses() {
    Trial t;
    synchronized (lock) {
      t = trial;
    }
    if (t == null || state.get() != TrialState.STREAMING || t.bootstrapServers() == null) {
      return Optional.empty();
    }
    return Optional.of(new String[] {t.bootstrapServers(), jdbcUrlOfEmbeddedSource(t).orElse(null)});
  }

  private Optional<String> jdbcUrlOfEmbeddedSource(Trial t) {
    Pipeline p;
    synchronized (lock) {
      p = pipeline;
    }
    for (Node src : p.nodesOf(NodeKind.POSTGRES)) {
      Optional<EmbeddedPostgres> pg = t.embeddedPostgres(src.name());
      if (pg.isPresent()) {
        return Optional.of(pg.get().jdbcUrl(src.property("database").orElse("postgres")));
      }
    }
    return Optional.empty();
  }

  /** Stops the workload, if any, on the calling thread; returns the rows it changed, or -1 when none ran. */
  private long closeWorkload() {
    DemoWorkload w;
    synchronized (lock) {
      w = workload;
      workload = null;
    }
    if (w == null) {
      return -1;
    }
    w.close();
    return w.changes();
  }

  /** What a stop hands back to the UI thread. */
  private record Stopped(TrialSnapshot last, long workloadChanges) {}

  // ---- edges and records ---------------------------------------------------------------------

  /** Shows the records of {@code edge} (null: none) from now on. */
  public void selectEdge(Edge edge) {
    selectedEdge.set(edge);
    TrialSnapshot s;
    synchronized (lock) {
      s = lastSnapshot;
    }
    records.set(recordsOf(s, edge));
  }

  static List<EdgeSample> recordsOf(TrialSnapshot s, Edge edge) {
    if (s == null || edge == null) {
      return List.of();
    }
    for (EdgeStats e : s.edges()) {
      if (e.edge().equals(edge)) {
        List<EdgeSample> newestFirst = new ArrayList<>(e.lastEvents());
        Collections.reverse(newestFirst);
        return List.copyOf(newestFirst);
      }
    }
    return List.of();
  }

  /** The label of every edge in {@code s}; edges into preview-only sinks say so first. */
  static Map<Edge, String> labelsOf(TrialSnapshot s) {
    Map<Edge, String> out = new LinkedHashMap<>();
    for (EdgeStats e : s.edges()) {
      SinkStats into = s.sinks().get(e.edge().to());
      String label = RateFormat.edgeLabel(e.ratePerSecond(), e.total());
      out.put(e.edge(), into != null && into.preview() ? "PREVIEW · " + label : label);
    }
    return Collections.unmodifiableMap(out);
  }

  // ---- polling -------------------------------------------------------------------------------

  private void startPolling(Trial t) {
    ScheduledThreadPoolExecutor p = new ScheduledThreadPoolExecutor(1, r -> {
      Thread th = new Thread(r, "pipewright-trial-poller");
      th.setDaemon(true);
      return th;
    });
    ScheduledExecutorService old;
    synchronized (lock) {
      old = poller;
      poller = p;
    }
    if (old != null) {
      old.shutdownNow();
    }
    p.scheduleWithFixedDelay(() -> pollNow(t), POLL_INTERVAL.toMillis(), POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void stopPolling() {
    ScheduledExecutorService p;
    synchronized (lock) {
      p = poller;
      poller = null;
    }
    if (p != null) {
      p.shutdownNow();
    }
  }

  /** Takes a snapshot and hands it to the UI; while the UI is behind, only the newest one is kept. */
  private void pollNow(Trial t) {
    if (!trialIs(t)) {
      return;
    }
    pendingSnapshot.set(t.snapshot());
    if (publishQueued.compareAndSet(false, true)) {
      ui.execute(() -> {
        publishQueued.set(false);
        TrialSnapshot s = pendingSnapshot.getAndSet(null);
        if (s != null && trialIs(t)) {
          publish(s);
        }
      });
    }
  }

  private void publish(TrialSnapshot s) {
    synchronized (lock) {
      lastSnapshot = s;
    }
    publishPhases(s);
    if (s.phase() == TrialPhase.STREAMING) {
      edgeLabels.set(labelsOf(s));
    }
    records.set(recordsOf(s, selectedEdge.get()));
    sinks.set(List.copyOf(s.sinks().values()));
    DemoWorkload w;
    synchronized (lock) {
      w = workload;
    }
    if (w != null) {
      workloadChanges.set(w.changes());
      if (w.failure() != null) {
        workloadMessage.set("The workload stopped: " + w.failure().getMessage());
      }
    }
    if (s.phase() == TrialPhase.FAILED && state.get() == TrialState.STREAMING) {
      // broke down while streaming (a sink gave up): say why and shut the rest down
      failure.set(s.failure());
      stop();
    }
  }

  private void publishPhases(TrialSnapshot s) {
    PhaseProgress p;
    synchronized (lock) {
      p = progress;
    }
    synchronized (p) {
      phases.set(p.rows(s.sinceStart()));
    }
  }

  /** Feeds the trial's events into the phase list, on the UI executor. */
  private final class Listener implements TrialListener {
    private final PhaseProgress target;

    Listener(PhaseProgress target) {
      this.target = target;
    }

    @Override
    public void phaseStarted(TrialPhase phase, Duration sinceStart) {
      synchronized (target) {
        target.started(phase, sinceStart);
      }
      ui.execute(() -> {
        synchronized (target) {
          if (progressIs(target)) {
            phases.set(target.rows(sinceStart));
          }
        }
      });
    }

    @Override
    public void phaseCompleted(TrialPhase phase, Duration took) {
      synchronized (target) {
        target.completed(phase, took);
      }
    }

    @Override
    public void failed(TrialPhase phase, String sentence) {
      synchronized (target) {
        target.failed(phase, sentence);
      }
      ui.execute(() -> {
        if (progressIs(target)) {
          failure.set(sentence);
        }
      });
    }
  }

  private boolean progressIs(PhaseProgress p) {
    synchronized (lock) {
      return progress == p;
    }
  }
}
