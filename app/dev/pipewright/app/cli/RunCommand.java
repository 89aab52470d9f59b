package dev.pipewright.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pipewright.model.Durations;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.runtime.Trial;
import dev.pipewright.runtime.TrialException;
import dev.pipewright.runtime.TrialListener;
import dev.pipewright.runtime.TrialPhase;
import dev.pipewright.runtime.TrialSnapshot;
import dev.pipewright.runtime.pg.EmbeddedPostgres;
import dev.pipewright.runtime.stats.EdgeStats;
import dev.pipewright.runtime.stats.LatencySummary;
import dev.pipewright.runtime.stats.SinkStats;
import dev.pipewright.runtime.workload.DemoWorkload;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pipewright run FILE}: runs the pipeline as a local trial (embedded PostgreSQL and Kafka,
 * Debezium, real sinks), prints each phase as it completes and a summary at the end. Exit codes:
 * 0 the trial ran and stopped cleanly, 1 it failed, 2 the file could not be read.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a pipeline as a local trial and print per-phase timings and per-edge counts.")
public final class RunCommand implements Callable<Integer> {
  /** The start of the workload left out of the steady-state latency figures. */
  static final Duration WARM_UP = Duration.ofSeconds(10);

  @Parameters(index = "0", paramLabel = "FILE", description = "The pipeline file (YAML).")
  Path file;

  @Option(names = "--duration", paramLabel = "D",
      description = "How long to stream before stopping, e.g. 30s, 5m (default: until Ctrl-C).")
  String duration;

  @Option(names = "--rate", paramLabel = "R", defaultValue = "100",
      description = "Rows per second the demo workload changes in embedded sources; 0 for none (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--large-tx", paramLabel = "ROWS", defaultValue = "2000",
      description = "Rows of the one large transaction the demo workload runs after 8 s; 0 for none (default: ${DEFAULT-VALUE}).")
  int largeTx;

  @Option(names = "--summary-json", paramLabel = "PATH", description = "Also write the summary as JSON to PATH.")
  Path summaryJson;

  @Option(names = "--work-dir", paramLabel = "DIR",
      description = "Where servers keep data and offsets; reuse it to resume (default: .pipewright/<pipeline name>).")
  Path workDir;

  @Spec
  CommandSpec spec;

  /** Runs {@code pipewright run} on its own (the tests' and benchmarks' child JVMs use it). */
  public static void main(String[] args) {
    System.exit(new CommandLine(new RunCommand()).execute(args));
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<PipelineInput> input = PipelineInput.load(file, err);
    if (input.isEmpty()) {
      err.flush();
      return PipewrightCli.UNREADABLE;
    }
    Pipeline pipeline = input.get().pipeline();
    Optional<Duration> runFor = Optional.empty();
    if (duration != null) {
      runFor = Durations.parse(duration);
      if (runFor.isEmpty()) {
        err.println("--duration: '" + duration + "' is not a duration. Write it like 30s, 5m or 1h.");
        err.flush();
        return PipewrightCli.UNREADABLE;
      }
    }
    if (rate < 0) {
      err.println("--rate: must be 0 or more rows per second, got " + rate + ".");
      err.flush();
      return PipewrightCli.UNREADABLE;
    }
    Path dir = workDir != null ? workDir : Path.of(".pipewright", pipeline.name());
    Printer printer = new Printer(out);
    Trial trial = Trial.builder().pipeline(pipeline).workDir(dir).listener(printer).build();
    CountDownLatch stop = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.countDown();
      trial.close();
    }, "pipewright-run-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    DemoWorkload workload = null;
    Instant workloadStarted = null;
    String failure = null;
    Memory memory = new Memory();
    try {
      out.println("Running " + pipeline.name() + " in " + dir.toAbsolutePath());
      out.flush();
      trial.start();
      workload = startWorkload(pipeline, trial, out);
      workloadStarted = Instant.now();
      long deadline = runFor.map(d -> System.nanoTime() + d.toNanos()).orElse(Long.MAX_VALUE);
      while (System.nanoTime() < deadline && trial.phase() == TrialPhase.STREAMING) {
        if (stop.await(Math.min(5_000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)), TimeUnit.MILLISECONDS)) {
          break;
        }
        printProgress(out, trial.snapshot(), workload);
        memory.sample();
      }
      failure = trial.failure();
    } catch (TrialException e) {
      failure = e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (workload != null) {
        workload.close();
      }
      trial.close();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException ignored) {
        // already shutting down
      }
    }
    TrialSnapshot last = trial.snapshot();
    Map<String, Object> summary = summary(pipeline, last, workload, failure);
    summary.put("memory", memory.asMap());
    printSummary(out, last, workload, failure);
    if (workloadStarted != null) {
      summary.put("latencyByStage", latencyByStage(out, trial, workloadStarted));
    }
    out.printf(Locale.ROOT, "Memory (this JVM: Kafka, Debezium, sinks; PostgreSQL runs separately): peak RSS %s MB, peak heap used %d MB%n",
        memory.peakRssMb < 0 ? "?" : Long.toString(memory.peakRssMb), memory.peakHeapMb);
    out.flush();
    if (summaryJson != null) {
      try {
        writeJson(summary, summaryJson);
      } catch (IOException e) {
        err.println("Could not write " + summaryJson + ": " + e.getMessage());
        err.flush();
        return PipewrightCli.FINDINGS;
      }
    }
    return failure == null ? PipewrightCli.OK : PipewrightCli.FINDINGS;
  }

  private DemoWorkload startWorkload(Pipeline pipeline, Trial trial, PrintWriter out) {
    if (rate <= 0) {
      return null;
    }
    for (Node src : pipeline.nodesOf(NodeKind.POSTGRES)) {
      Optional<EmbeddedPostgres> pg = trial.embeddedPostgres(src.name());
      if (pg.isPresent()) {
        out.printf(Locale.ROOT, "Demo workload: %.0f changes/s into %s%n", rate, src.name());
        out.flush();
        return DemoWorkload.builder().jdbcUrl(pg.get().jdbcUrl(src.property("database").orElse("postgres")))
            .rate(rate).largeTransaction(largeTx, Duration.ofSeconds(8)).build().start();
      }
    }
    return null;
  }

  private static void printProgress(PrintWriter out, TrialSnapshot s, DemoWorkload w) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "[%6.1fs] streaming", s.sinceStart().toMillis() / 1000.0));
    if (w != null) {
      b.append(String.format(Locale.ROOT, "  source changes %d", w.changes()));
    }
    for (SinkStats k : s.sinks().values()) {
      b.append(String.format(Locale.ROOT, "  %s %d%s", k.node(), k.written(), k.preview() ? " (preview)" : ""));
    }
    out.println(b);
    out.flush();
  }

  private static void printSummary(PrintWriter out, TrialSnapshot s, DemoWorkload w, String failure) {
    out.println();
    out.println(failure == null ? "Trial finished." : "Trial FAILED: " + failure);
    out.println("Phases:");
    s.phaseTimes().forEach((p, d) -> out.printf(Locale.ROOT, "  %-20s %8.2f s%n", p.label(), d.toMillis() / 1000.0));
    out.println("Sinks:");
    for (SinkStats k : s.sinks().values()) {
      out.printf(Locale.ROOT, "  %-20s %s written %d, duplicates %d, errors %d, first event after %s, latency p50 %s p95 %s p99 %s%n",
          k.node(), k.preview() ? "PREVIEW" : "", k.written(), k.duplicates(), k.errors(), secs(k.firstEventAfter()),
          ms(k.latencyP50()), ms(k.latencyP95()), ms(k.latencyP99()));
      if (k.lastError() != null) {
        out.println("      last error: " + k.lastError());
      }
    }
    out.println("Edges:");
    for (EdgeStats e : s.edges()) {
      out.printf(Locale.ROOT, "  %-45s %8d events%n", e.edge().toString(), e.total());
    }
    if (w != null) {
      out.println("Source changes made by the demo workload: " + w.changes());
    }
    out.flush();
  }

  static Map<String, Object> summary(Pipeline p, TrialSnapshot s, DemoWorkload w, String failure) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pipeline", p.name());
    m.put("result", failure == null ? "ok" : "failed");
    m.put("failure", failure);
    Map<String, Object> phases = new LinkedHashMap<>();
    s.phaseTimes().forEach((ph, d) -> phases.put(ph.name().toLowerCase(Locale.ROOT), d.toMillis()));
    m.put("phaseMillis", phases);
    Map<String, Object> first = new LinkedHashMap<>();
    Map<String, Object> sinks = new LinkedHashMap<>();
    long duplicates = 0;
    List<String> errors = new ArrayList<>();
    for (SinkStats k : s.sinks().values()) {
      first.put(k.node(), k.firstEventAfter() == null ? null : k.firstEventAfter().toMillis());
      Map<String, Object> sm = new LinkedHashMap<>();
      sm.put("kind", k.kind());
      sm.put("preview", k.preview());
      sm.put("written", k.written());
      sm.put("writtenPerTopic", k.writtenPerTopic());
      sm.put("duplicates", k.duplicates());
      sm.put("errors", k.errors());
      sm.put("latencyP50Millis", k.latencyP50() == null ? null : k.latencyP50().toMillis());
      sm.put("latencyP95Millis", k.latencyP95() == null ? null : k.latencyP95().toMillis());
      sm.put("latencyP99Millis", k.latencyP99() == null ? null : k.latencyP99().toMillis());
      sinks.put(k.node(), sm);
      duplicates += k.duplicates();
      if (k.lastError() != null) {
        errors.add(k.lastError());
      }
    }
    if (failure != null) {
      errors.add(failure);
    }
    m.put("timeToFirstEventMillis", first);
    List<Map<String, Object>> edges = new ArrayList<>();
    for (EdgeStats e : s.edges()) {
      Map<String, Object> em = new LinkedHashMap<>();
      em.put("from", e.edge().from());
      em.put("to", e.edge().to());
      em.put("events", e.total());
      edges.add(em);
    }
    m.put("edges", edges);
    m.put("sinks", sinks);
    m.put("duplicates", duplicates);
    m.put("errors", errors);
    m.put("sourceChanges", w == null ? null : w.changes());
    return m;
  }

  /**
   * Prints and returns change latency by stage, over the whole run and without the first
   * {@link #WARM_UP} of the workload (JIT compilation, first statements of each sink).
   */
  private static Map<String, Object> latencyByStage(PrintWriter out, Trial trial, Instant workloadStarted) {
    Map<String, LatencySummary> whole = trial.latencyByStage(Instant.EPOCH);
    Map<String, LatencySummary> steady = trial.latencyByStage(workloadStarted.plus(WARM_UP));
    out.printf(Locale.ROOT, "Latency from source commit, p50 / p95 / p99 / max (whole run | after the first %d s):%n",
        WARM_UP.toSeconds());
    Map<String, Object> json = new LinkedHashMap<>();
    Map<String, Object> wholeJson = new LinkedHashMap<>();
    Map<String, Object> steadyJson = new LinkedHashMap<>();
    for (String stage : whole.keySet()) {
      LatencySummary w = whole.get(stage);
      LatencySummary st = steady.get(stage);
      out.printf(Locale.ROOT, "  %-28s %-32s | %s%n", stageLabel(stage), quantiles(w), quantiles(st));
      wholeJson.put(stage, quantileMap(w));
      steadyJson.put(stage, quantileMap(st));
    }
    out.flush();
    json.put("wholeRun", wholeJson);
    json.put("afterWarmUpSeconds", WARM_UP.toSeconds());
    json.put("afterWarmUp", steadyJson);
    // per second of the workload: where the warm-up ends, and what a slow second looked like
    Map<String, Object> perSecond = new LinkedHashMap<>();
    trial.latencyBySecond(workloadStarted).forEach((stage, seconds) -> {
      List<Map<String, Object>> rows = new ArrayList<>();
      seconds.forEach((second, l) -> {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("second", second);
        row.putAll(quantileMap(l));
        rows.add(row);
      });
      perSecond.put(stage, rows);
    });
    json.put("bySecondOfWorkload", perSecond);
    return json;
  }

  private static String stageLabel(String stage) {
    if (stage.equals("capture")) {
      return "to Kafka (acknowledged)";
    }
    return stage.endsWith(" read") ? "to " + stage.substring(0, stage.length() - 5) + " (read)" : "to " + stage + " (written)";
  }

  private static String quantiles(LatencySummary l) {
    if (l == null || l.count() == 0) {
      return "-";
    }
    return String.format(Locale.ROOT, "%d / %d / %d / %d ms (%d)", l.percentile(50).toMillis(),
        l.percentile(95).toMillis(), l.percentile(99).toMillis(), l.max().toMillis(), l.count());
  }

  private static Map<String, Object> quantileMap(LatencySummary l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", l == null ? 0 : l.count());
    if (l != null && l.count() > 0) {
      m.put("p50Millis", l.percentile(50).toMillis());
      m.put("p95Millis", l.percentile(95).toMillis());
      m.put("p99Millis", l.percentile(99).toMillis());
      m.put("maxMillis", l.max().toMillis());
    }
    return m;
  }

  private static void writeJson(Map<String, Object> summary, Path target) throws IOException {
    Path abs = target.toAbsolutePath();
    if (abs.getParent() != null) {
      Files.createDirectories(abs.getParent());
    }
    Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), summary);
    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String secs(Duration d) {
    return d == null ? "-" : String.format(Locale.ROOT, "%.2f s", d.toMillis() / 1000.0);
  }

  private static String ms(Duration d) {
    return d == null ? "-" : d.toMillis() + " ms";
  }

  /** Peak memory of this JVM while streaming, sampled with the progress lines. */
  private static final class Memory {
    long peakRssMb = -1;
    long peakHeapMb;

    void sample() {
      Runtime rt = Runtime.getRuntime();
      peakHeapMb = Math.max(peakHeapMb, (rt.totalMemory() - rt.freeMemory()) >> 20);
      try {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
          if (line.startsWith("VmRSS:")) {
            peakRssMb = Math.max(peakRssMb, Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
          }
        }
      } catch (IOException | RuntimeException e) {
        // not Linux: RSS stays unknown
      }
    }

    Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("peakRssMb", peakRssMb < 0 ? null : peakRssMb);
      m.put("peakHeapUsedMb", peakHeapMb);
      return m;
    }
  }

  /** Prints phases as they start and finish. */
  private static final class Printer implements TrialListener {
    private final PrintWriter out;

    Printer(PrintWriter out) {
      this.out = out;
    }

    @Override
    public synchronized void phaseStarted(TrialPhase phase, Duration sinceStart) {
      out.printf(Locale.ROOT, "[%6.1fs] %s …%n", sinceStart.toMillis() / 1000.0, phase.label());
      out.flush();
    }

    @Override
    public synchronized void phaseCompleted(TrialPhase phase, Duration took) {
      out.printf(Locale.ROOT, "         %s done in %.2f s%n", phase.label(), took.toMillis() / 1000.0);
      out.flush();
    }

    @Override
    public synchronized void failed(TrialPhase phase, String sentence) {
      out.printf(Locale.ROOT, "         %s FAILED: %s%n", phase.label(), sentence);
      out.flush();
    }

    @Override
    public synchronized void firstEventInSink(String sinkNode, Duration sinceStart) {
      out.printf(Locale.ROOT, "[%6.1fs] first event in %s%n", sinceStart.toMillis() / 1000.0, sinkNode);
      out.flush();
    }
  }
}
