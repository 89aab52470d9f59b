package dev.pipewright.app.cli;

import dev.pipewright.model.Durations;
import dev.pipewright.monitor.Bytes;
import dev.pipewright.monitor.Endpoints;
import dev.pipewright.monitor.Health;
import dev.pipewright.monitor.Monitor;
import dev.pipewright.monitor.MonitorConfigException;
import dev.pipewright.monitor.MonitorJson;
import dev.pipewright.monitor.MonitorSnapshot;
import dev.pipewright.monitor.Watchlist;
import dev.pipewright.monitor.connect.ConnectorStatus;
import dev.pipewright.monitor.freshness.Freshness;
import dev.pipewright.monitor.kafka.GroupLag;
import dev.pipewright.monitor.kafka.PartitionLag;
import dev.pipewright.monitor.lag.TimeLag;
import dev.pipewright.monitor.pg.SlotStatus;
import dev.pipewright.monitor.slo.BurnAlert;
import dev.pipewright.monitor.slo.SloStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code pipewright monitor FILE}: consumer lag in messages and seconds, replication slots,
 * connectors and SLOs of a running pipeline, once or every interval, as a table or JSON.
 * With {@code --once} the exit code is 1 when a system is RED or a burn-rate alert fires.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true,
    description = {"Watch a running pipeline: consumer lag (messages and seconds), replication-slot WAL,",
        "connector status, freshness and SLOs. Lag in seconds needs a few polls to learn the log's pace."})
public final class MonitorCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format { table, json }

  @Parameters(index = "0", paramLabel = "FILE", description = "Pipeline YAML file.")
  Path file;

  @Option(names = "--bootstrap", paramLabel = "HOST:PORT", description = "Kafka bootstrap servers (default: the file's cluster).")
  String bootstrap;

  @Option(names = "--connect-url", paramLabel = "URL", description = "Kafka Connect REST URL (default: the file's cluster).")
  String connectUrl;

  @Option(names = "--jdbc-url", paramLabel = "URL",
      description = "JDBC URL of the captured PostgreSQL for slot health (default: from the source node).")
  String jdbcUrl;

  @Option(names = "--group", paramLabel = "SINK=GROUP",
      description = "Consumer group of a sink when it is not connect-<sink>; repeatable.")
  Map<String, String> groups = Map.of();

  @Option(names = "--once", description = "Poll once, print and exit.")
  boolean once;

  @Option(names = "--interval", defaultValue = "2s", paramLabel = "DURATION",
      description = "Time between polls, e.g. 500ms, 2s, 1m (default: ${DEFAULT-VALUE}).")
  String interval;

  @Option(names = "--polls", paramLabel = "N", hidden = true, description = "Stop after N polls (for scripts and tests).")
  int polls;

  @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Duration> every = Durations.parse(interval).filter(d -> !d.isZero());
    if (every.isEmpty()) {
      err.println("--interval '" + interval + "' is not a duration; write e.g. 500ms, 2s or 1m");
      return PipewrightCli.UNREADABLE;
    }
    Optional<PipelineInput> in = PipelineInput.load(file, err);
    if (in.isEmpty()) {
      return PipewrightCli.UNREADABLE;
    }
    Watchlist watch = Watchlist.of(in.get().pipeline());
    for (Map.Entry<String, String> g : groups.entrySet()) {
      if (!watch.groupsBySink().containsKey(g.getKey())) {
        err.println("--group " + g.getKey() + "=" + g.getValue() + ": " + file + " has no sink named '" + g.getKey()
            + "'; sinks: " + String.join(", ", watch.groupsBySink().keySet()));
        return PipewrightCli.UNREADABLE;
      }
      watch = watch.withGroup(g.getKey(), g.getValue());
    }
    Monitor monitor;
    try {
      monitor = new Endpoints(bootstrap, connectUrl, jdbcUrl)
          .monitor(in.get().pipeline(), watch, Clock.systemUTC(), every.get(), note -> err.println("note: " + note));
    } catch (MonitorConfigException e) {
      err.println(file + ": " + e.getMessage());
      return PipewrightCli.UNREADABLE;
    }
    try (monitor) {
      if (once) {
        MonitorSnapshot s = monitor.pollOnce();
        print(out, s);
        return s.health().level() == Health.Level.RED || s.slos().stream().anyMatch(x -> !x.alerts().isEmpty())
            ? PipewrightCli.FINDINGS : PipewrightCli.OK;
      }
      int limit = polls > 0 ? polls : Integer.MAX_VALUE;
      CountDownLatch done = new CountDownLatch(1);
      int[] seen = {0};
      monitor.addListener(s -> {
        print(out, s);
        if (++seen[0] >= limit) {
          done.countDown();
        }
      });
      monitor.start();
      done.await();
      return PipewrightCli.OK;
    }
  }

  private void print(PrintWriter out, MonitorSnapshot s) {
    if (format == Format.json) {
      out.println(MonitorJson.write(s));
    } else {
      table(out, s);
    }
    out.flush();
  }

  static void table(PrintWriter out, MonitorSnapshot s) {
    out.printf(Locale.ROOT, "%s  %s  %s%n", s.pipeline(), s.at(), level(s.health()));
    out.printf(Locale.ROOT, "%nKafka %s (%d requests)%n", level(s.kafka().health()), s.kafka().requests());
    if (!s.kafka().groups().isEmpty()) {
      out.printf(Locale.ROOT, "  %-28s %-28s %5s %14s %14s %10s %10s %-7s%n",
          "GROUP", "TOPIC", "PART", "COMMITTED", "LOG-END", "LAG", "LAG-S", "STATUS");
    }
    for (GroupLag g : s.kafka().groups()) {
      for (PartitionLag p : g.partitions()) {
        out.printf(Locale.ROOT, "  %-28s %-28s %5d %14d %14d %10d %10s %-7s%n", g.group(), p.topic(), p.partition(),
            p.committedOffset(), p.logEndOffset(), p.lag(), seconds(p.lagSeconds()), p.status());
      }
      out.printf(Locale.ROOT, "  %-28s group %s, total lag %d, worst %.1f s%n", g.group(), g.status(), g.totalLag(),
          g.maxLagSeconds());
    }
    out.printf(Locale.ROOT, "%nSlots %s%n", level(s.slots().health()));
    for (SlotStatus sl : s.slots().slots()) {
      out.printf(Locale.ROOT, "  %-24s %-8s %-10s retained %s%s%n", sl.slotName(), sl.active() ? "active" : "inactive",
          sl.walStatus(), Bytes.human(sl.retainedBytes()),
          Double.isNaN(sl.growthBytesPerSecond()) ? "" : String.format(Locale.ROOT, ", %s/s", Bytes.human((long) sl.growthBytesPerSecond())));
    }
    out.printf(Locale.ROOT, "%nConnectors %s%n", level(s.connect().health()));
    for (ConnectorStatus c : s.connect().connectors()) {
      out.printf(Locale.ROOT, "  %-28s %-8s %-10s %s tasks %s%n", c.name(), c.type(), c.state(), c.workerId(),
          c.tasks().stream().map(t -> t.id() + ":" + t.state()).toList());
    }
    for (Map.Entry<String, Freshness> f : s.freshnessBySink().entrySet()) {
      out.printf(Locale.ROOT, "  freshness %-20s p50 %.3f s  p95 %.3f s  p99 %.3f s (%d writes)%n", f.getKey(),
          f.getValue().p50(), f.getValue().p95(), f.getValue().p99(), f.getValue().count());
    }
    if (!s.slos().isEmpty()) {
      out.printf(Locale.ROOT, "%nSLOs%n");
    }
    for (SloStatus st : s.slos()) {
      out.printf(Locale.ROOT, "  %-24s %-17s %-8s value %s, budget left %s%n", st.slo().name(), st.slo().kind().yamlName(),
          st.state(), Double.isNaN(st.value()) ? "-" : String.format(Locale.ROOT, "%.3f", st.value()),
          String.format(Locale.ROOT, "%.1f %%", 100 * st.budgetRemaining()));
      for (BurnAlert a : st.alerts()) {
        out.printf(Locale.ROOT, "    %s since %s: %s%n", a.severity(), a.since(), a.breached());
      }
    }
  }

  private static String level(Health h) {
    return h.reason().isEmpty() ? h.level().name() : h.level() + ": " + h.reason();
  }

  /** Lag seconds with its basis: "~" extrapolated, ">=" a lower bound, "?" unknown. */
  private static String seconds(TimeLag t) {
    return switch (t.basis()) {
      case UNKNOWN -> "?";
      case LOWER_BOUND -> String.format(Locale.ROOT, ">=%.1f", t.seconds());
      case EXTRAPOLATED -> String.format(Locale.ROOT, "~%.1f", t.seconds());
      default -> String.format(Locale.ROOT, "%.1f", t.seconds());
    };
  }

}
