package dev.pipewright.monitor;

import dev.pipewright.model.Pipeline;
import dev.pipewright.monitor.connect.ConnectReport;
import dev.pipewright.monitor.connect.ConnectorStatusSource;
import dev.pipewright.monitor.freshness.Freshness;
import dev.pipewright.monitor.freshness.FreshnessWindow;
import dev.pipewright.monitor.kafka.KafkaLagCollector;
import dev.pipewright.monitor.kafka.KafkaLagReport;
import dev.pipewright.monitor.pg.ReplicationSlotCollector;
import dev.pipewright.monitor.pg.SlotReport;
import dev.pipewright.monitor.slo.SloEvaluator;
import dev.pipewright.monitor.slo.SloStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one pipeline: on a scheduler thread of its own it polls Kafka lag, replication slots
 * and connector states, evaluates the SLOs and hands an immutable {@link MonitorSnapshot} to
 * every listener. A system that is down shows RED in the snapshot; polling goes on and the caller
 * is never blocked. Built with {@link #builder(Pipeline)}; closing stops polling and closes the
 * collectors it was given.
 */
public final class Monitor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Monitor.class);

  private final Pipeline pipeline;
  private final Watchlist watchlist;
  private final Clock clock;
  private final Duration interval;
  private final KafkaLagCollector kafka;
  private final ReplicationSlotCollector slots;
  private final ConnectorStatusSource connect;
  private final SloEvaluator slo;
  private final Map<String, FreshnessWindow> freshness = new ConcurrentHashMap<>();
  private final List<Consumer<MonitorSnapshot>> listeners = new CopyOnWriteArrayList<>();
  private final Object pollLock = new Object();
  private volatile MonitorSnapshot latest;
  private ScheduledExecutorService scheduler;

  private Monitor(Builder b) {
    this.pipeline = b.pipeline;
    this.watchlist = b.watchlist == null ? Watchlist.of(b.pipeline) : b.watchlist;
    this.clock = b.clock;
    this.interval = b.interval;
    this.kafka = b.kafka;
    this.slots = b.slots;
    this.connect = b.connect;
    this.slo = new SloEvaluator(b.pipeline.slos());
  }

  public static Builder builder(Pipeline pipeline) {
    return new Builder(pipeline);
  }

  /** The freshness window of a sink, for whoever sees its writes (the trial's sink) to feed. */
  public FreshnessWindow freshness(String sinkNode) {
    return freshness.computeIfAbsent(sinkNode, k -> new FreshnessWindow());
  }

  public void addListener(Consumer<MonitorSnapshot> listener) {
    listeners.add(Objects.requireNonNull(listener));
  }

  public void removeListener(Consumer<MonitorSnapshot> listener) {
    listeners.remove(listener);
  }

  /** The newest snapshot, or null before the first poll. */
  public MonitorSnapshot latest() {
    return latest;
  }

  public Watchlist watchlist() {
    return watchlist;
  }

  /** Starts polling every interval on a daemon thread; returns at once. */
  public synchronized void start() {
    if (scheduler != null) {
      return;
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "pipewright-monitor-" + pipeline.name());
      t.setDaemon(true);
      return t;
    });
    scheduler.scheduleWithFixedDelay(this::pollQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void pollQuietly() {
    try {
      pollOnce();
    } catch (RuntimeException e) {
      // A bug in one poll must not end the schedule; the next poll tries again.
      LOG.warn("monitor poll failed: {}", e.toString());
    }
  }

  /** Polls every system once on the calling thread, notifies listeners and returns the snapshot. */
  public MonitorSnapshot pollOnce() {
    synchronized (pollLock) {
      Instant at = clock.instant();
      KafkaLagReport k = kafka == null
          ? new KafkaLagReport(at, Health.NOT_CONFIGURED, List.of(), 0)
          : kafka.poll(new ArrayList<>(watchlist.groupsBySink().values()));
      SlotReport s = slots == null ? SlotReport.notConfigured(at) : slots.poll();
      ConnectReport c = connect == null ? ConnectReport.notConfigured(at) : connect.poll();
      Map<String, Freshness> f = new TreeMap<>();
      freshness.forEach((sink, w) -> f.put(sink, w.stats(at)));
      List<SloStatus> slos = slo.observe(at, SliReader.read(pipeline.slos(), watchlist, k, s, c, f));
      MonitorSnapshot snap = new MonitorSnapshot(at, pipeline.name(), watchlist, k, s, c, f, slos);
      latest = snap;
      for (Consumer<MonitorSnapshot> l : listeners) {
        try {
          l.accept(snap);
        } catch (RuntimeException e) {
          LOG.warn("monitor listener failed: {}", e.toString());
        }
      }
      return snap;
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (scheduler != null) {
        scheduler.shutdownNow();
        try {
          scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    synchronized (pollLock) {
      if (kafka != null) {
        kafka.close();
      }
      if (slots != null) {
        slots.close();
      }
    }
  }

  /** Collects the parts of a {@link Monitor}; every collector is optional. */
  public static final class Builder {
    private final Pipeline pipeline;
    private Watchlist watchlist;
    private Clock clock = Clock.systemUTC();
    private Duration interval = Duration.ofSeconds(2);
    private KafkaLagCollector kafka;
    private ReplicationSlotCollector slots;
    private ConnectorStatusSource connect;

    private Builder(Pipeline pipeline) {
      this.pipeline = Objects.requireNonNull(pipeline);
    }

    public Builder watchlist(Watchlist w) {
      this.watchlist = w;
      return this;
    }

    public Builder clock(Clock c) {
      this.clock = c;
      return this;
    }

    public Builder interval(Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new MonitorConfigException("the poll interval must be positive, got " + d);
      }
      this.interval = d;
      return this;
    }

    public Builder kafka(KafkaLagCollector k) {
      this.kafka = k;
      return this;
    }

    public Builder slots(ReplicationSlotCollector s) {
      this.slots = s;
      return this;
    }

    public Builder connect(ConnectorStatusSource c) {
      this.connect = c;
      return this;
    }

    public Monitor build() {
      return new Monitor(this);
    }
  }
}
