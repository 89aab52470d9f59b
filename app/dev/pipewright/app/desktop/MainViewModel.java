package dev.pipewright.app.desktop;

import dev.pipewright.app.desktop.RecoveryStore.Recovery;
import dev.pipewright.app.desktop.inspector.InspectorViewModel;
import dev.pipewright.app.desktop.palette.PaletteViewModel;
import dev.pipewright.app.desktop.problems.ProblemsViewModel;
import dev.pipewright.canvas.EditorDocument;
import dev.pipewright.canvas.EditorState;
import dev.pipewright.canvas.command.ReplacePipeline;
import dev.pipewright.canvas.layout.Layout;
import dev.pipewright.model.Finding;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.io.FileProblem;
import dev.pipewright.model.io.PipelineFile;
import dev.pipewright.model.io.PipelineFileException;
import dev.pipewright.model.io.PlainTextSecretException;
import dev.pipewright.model.lint.Linter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window's state and file handling: the open document and its file, the title, live
 * lint (debounced, off the UI thread), recent files, autosave to a recovery file while unsaved
 * and recovery after a crash. The view asks for file names and shows {@link FileOutcome}s; this
 * class never touches the scene graph, so it is tested without FX.
 */
public final class MainViewModel {
  /** How long after the last edit the lint runs. */
  public static final Duration LINT_DELAY = Duration.ofMillis(250);
  /** How often the view calls {@link #autosave()} while the document is unsaved. */
  public static final Duration AUTOSAVE_INTERVAL = Duration.ofSeconds(5);

  private final EditorDocument document = new EditorDocument(Pipeline.empty(
      dev.pipewright.app.desktop.gallery.TemplateGalleryViewModel.BLANK_NAME));
  private final EditorState state = new EditorState();
  private final AppHome home;
  private final TaskExecutor tasks;
  private final DesktopPrefs prefs;
  private final RecoveryStore recovery;
  private final String session = UUID.randomUUID().toString();
  private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
  private final ReadOnlyObjectWrapper<List<Finding>> findings =
      new ReadOnlyObjectWrapper<>(this, "findings", List.of());
  private final ReadOnlyBooleanWrapper darkTheme = new ReadOnlyBooleanWrapper(this, "darkTheme");
  private final ReadOnlyBooleanWrapper minimap = new ReadOnlyBooleanWrapper(this, "minimap");
  private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
  private final ProblemsViewModel problems = new ProblemsViewModel();
  private List<Finding> lintFindings = List.of();
  // Drift from the last "Compare with cluster…", shown until the next compare or edit.
  private List<Finding> driftFindings = List.of();
  private final InspectorViewModel inspector = new InspectorViewModel(document, state);
  private final PaletteViewModel palette = new PaletteViewModel();
  private Path recoveryFile;
  private Pipeline lastAutosaved;

  public MainViewModel(AppHome home, TaskExecutor tasks) {
    this.home = home;
    this.tasks = tasks;
    this.prefs = DesktopPrefs.load(home);
    this.recovery = new RecoveryStore(home);
    darkTheme.set(prefs.darkTheme());
    minimap.set(prefs.minimap());
    recentFiles.setAll(prefs.recentFiles());
    recoveryFile = recovery.fileFor(null, session);
    document.pipelineProperty().addListener((obs, was, now) -> {
      updateTitle();
      scheduleLint();
    });
    document.dirtyProperty().addListener((obs, was, now) -> updateTitle());
    file.addListener((obs, was, now) -> updateTitle());
    updateTitle();
    scheduleLint();
  }

  /** Where this window keeps its files (trials keep their data under it too). */
  public AppHome home() {
    return home;
  }

  /** The executor of this window's background work (for panels the app adds). */
  public TaskExecutor tasks() {
    return tasks;
  }

  public EditorDocument document() {
    return document;
  }

  public EditorState state() {
    return state;
  }

  public ProblemsViewModel problems() {
    return problems;
  }

  public InspectorViewModel inspector() {
    return inspector;
  }

  public PaletteViewModel palette() {
    return palette;
  }

  /** "shop-orders — Pipewright", with a leading "• " while there are unsaved changes. */
  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  /** The file the document was opened from or saved to, or null while untitled. */
  public ReadOnlyObjectProperty<Path> fileProperty() {
    return file.getReadOnlyProperty();
  }

  public Path file() {
    return file.get();
  }

  /** The findings of the latest lint run plus any cluster drift, for the canvas badges. */
  public ReadOnlyObjectProperty<List<Finding>> findingsProperty() {
    return findings.getReadOnlyProperty();
  }

  /**
   * Shows {@code drift} (from comparing with a Connect cluster) beside the lint findings, on the
   * canvas and in the Problems table, until the next comparison or the next change of the pipeline.
   */
  public void showDrift(List<Finding> drift) {
    driftFindings = List.copyOf(drift);
    publishFindings();
  }

  private void publishFindings() {
    List<Finding> all = new java.util.ArrayList<>(lintFindings);
    all.addAll(driftFindings);
    findings.set(List.copyOf(all));
    problems.setFindings(all);
  }

  public ReadOnlyBooleanProperty darkThemeProperty() {
    return darkTheme.getReadOnlyProperty();
  }

  public void setDarkTheme(boolean dark) {
    darkTheme.set(dark);
    prefs.setDarkTheme(dark);
  }

  public ReadOnlyBooleanProperty minimapProperty() {
    return minimap.getReadOnlyProperty();
  }

  public void setMinimap(boolean show) {
    minimap.set(show);
    prefs.setMinimap(show);
  }

  /** Recently opened or saved files, newest first. */
  public ObservableList<Path> recentFiles() {
    return FXCollections.unmodifiableObservableList(recentFiles);
  }

  /**
   * Starts a new untitled document from {@code template} (a copy of an example, or blank).
   * Nodes without a position (hand-written files) are laid out, here and in {@link #open}.
   */
  public void newDocument(Pipeline template) {
    discardOwnRecovery();
    file.set(null);
    document.load(Layout.apply(template));
    state.selectOnly(List.of());
    recoveryFile = recovery.fileFor(null, session);
  }

  /**
   * Opens {@code path}. When the file cannot be read, the current document stays as it was and
   * the outcome lists every problem the loader found.
   */
  public FileOutcome open(Path path) {
    if (!Files.exists(path)) {
      prefs.removeRecent(path);
      recentFiles.setAll(prefs.recentFiles());
      return FileOutcome.failure("Cannot open " + path.getFileName(),
          path + " does not exist (any more). It was removed from the recent files.", List.of());
    }
    Pipeline loaded;
    try {
      loaded = PipelineFile.load(path);
    } catch (PipelineFileException e) {
      return FileOutcome.failure("Cannot open " + path.getFileName(),
          path.getFileName() + " has " + count(e.problems().size(), "problem")
              + ". Nothing was changed; fix the file and open it again.",
          e.problems().stream().map(FileProblem::format).toList());
    }
    discardOwnRecovery();
    file.set(path.toAbsolutePath().normalize());
    document.load(Layout.apply(loaded));
    state.selectOnly(List.of());
    recoveryFile = recovery.fileFor(file.get(), session);
    remember(path);
    return FileOutcome.success();
  }

  /** Saves to the current file; the view must call {@link #saveAs} instead while untitled. */
  public FileOutcome save() {
    if (file.get() == null) {
      throw new IllegalStateException("untitled: ask for a file name and call saveAs");
    }
    return saveAs(file.get());
  }

  /**
   * Writes the document to {@code path} (atomically) and makes it the document's file. A literal
   * secret refuses the save, naming the node and field, and leaves the file on disk untouched.
   */
  public FileOutcome saveAs(Path path) {
    Pipeline p = document.pipeline();
    try {
      PipelineFile.save(p, path);
    } catch (PlainTextSecretException e) {
      return FileOutcome.failure("Not saved",
          "Secrets are never written in plain text. Replace each value below with a reference such as "
              + "${env:NAME}; the file on disk was left as it was.",
          e.offenders().stream().map(o -> o.owner() + " " + o.field() + ": use a reference such as "
              + o.suggestedReference()).toList());
    } catch (IOException e) {
      return FileOutcome.failure("Not saved", "Writing " + path + " failed: " + e.getMessage()
          + ". The file on disk was left as it was.", List.of());
    }
    Path normal = path.toAbsolutePath().normalize();
    if (!normal.equals(file.get())) {
      discardOwnRecovery();
      recoveryFile = recovery.fileFor(normal, session);
    }
    file.set(normal);
    document.markSaved();
    discardOwnRecovery();
    remember(normal);
    return FileOutcome.success();
  }

  /**
   * Writes the unsaved document to its recovery file, in the background, if it changed since
   * the last autosave. Does nothing while the document is saved.
   */
  public void autosave() {
    Pipeline p = document.pipeline();
    if (!document.isDirty() || p.equals(lastAutosaved)) {
      return;
    }
    Path target = recoveryFile;
    Path origin = file.get();
    tasks.submit(() -> {
      recovery.write(target, origin, p);
      return p;
    }, saved -> lastAutosaved = saved, error -> {
      // A plain-text secret or a full disk: skip this autosave, the next edit tries again.
    });
  }

  /** Recovery files left by a session that did not close cleanly, newest first. */
  public List<Recovery> pendingRecoveries() {
    return recovery.pending().stream().filter(r -> !r.file().equals(recoveryFile)).toList();
  }

  /**
   * Restores an autosaved draft as an unsaved change on top of its original file (or a blank
   * document), so Undo goes back to what was last saved. The recovery file is then this
   * document's own and is deleted once the document is saved.
   */
  public FileOutcome recover(Recovery r) {
    Pipeline draft;
    try {
      draft = PipelineFile.load(r.file());
    } catch (PipelineFileException e) {
      recovery.discard(r.file());
      return FileOutcome.failure("Cannot recover", "The autosaved copy of " + r.describe()
          + " could not be read and was deleted.", List.of(e.getMessage()));
    }
    Pipeline base = Pipeline.empty(draft.name());
    Path origin = r.origin();
    if (origin != null && Files.isRegularFile(origin)) {
      try {
        base = PipelineFile.load(origin);
      } catch (PipelineFileException e) {
        // The original is damaged or gone; the draft alone is still worth having.
      }
    }
    discardOwnRecovery();
    file.set(origin == null ? null : origin.toAbsolutePath().normalize());
    document.load(Layout.apply(base));
    document.execute(new ReplacePipeline(Layout.apply(draft), "Recover unsaved changes"));
    state.selectOnly(List.of());
    recoveryFile = r.file();
    return FileOutcome.success();
  }

  public void discardRecovery(Recovery r) {
    recovery.discard(r.file());
  }

  /** Called on a clean exit (saved, or the person chose not to save): the draft is not needed. */
  public void closeCleanly() {
    discardOwnRecovery();
    tasks.close();
  }

  /** The recovery file of this document, for tests that check it was written. */
  public Path recoveryFile() { // visible for testing
    return recoveryFile;
  }

  private void discardOwnRecovery() {
    recovery.discard(recoveryFile);
    lastAutosaved = null;
  }

  private void remember(Path path) {
    prefs.addRecent(path);
    recentFiles.setAll(prefs.recentFiles());
  }

  private void scheduleLint() {
    Pipeline p = document.pipeline();
    if (!driftFindings.isEmpty()) {
      showDrift(List.of()); // the drawing changed: the comparison no longer describes it
    }
    tasks.debounce("lint", LINT_DELAY, () -> Linter.check(p), result -> {
      if (document.pipeline() == p) {
        lintFindings = List.copyOf(result);
        publishFindings();
      }
    }, error -> problems.setFindings(List.of(Finding.onPipeline("PW-LINT", dev.pipewright.model.Severity.WARNING,
        "The design rules could not run: " + error.getMessage(), "Report this with the pipeline file."))));
  }

  private void updateTitle() {
    title.set((document.isDirty() ? "• " : "") + document.pipeline().name() + " — Pipewright");
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
