package dev.pipewright.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.model.Edge;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.Slo;
import dev.pipewright.model.SloKind;
import dev.pipewright.monitor.connect.ConnectReport;
import dev.pipewright.monitor.connect.ConnectorStatus;
import dev.pipewright.monitor.connect.TaskStatus;
import dev.pipewright.monitor.slo.SloStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The monitor's wiring with the trial-style connector source (no servers). */
class MonitorTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static Pipeline pipeline() {
    return Pipeline.empty("shop")
        .withNode(Node.of("shop-db", NodeKind.POSTGRES))
        .withNode(Node.of("shop-cdc", NodeKind.DEBEZIUM))
        .withNode(Node.of("orders", NodeKind.TOPIC))
        .withNode(Node.of("search", NodeKind.ELASTICSEARCH))
        .withEdge(new Edge("shop-db", "shop-cdc")).withEdge(new Edge("shop-cdc", "orders"))
        .withEdge(new Edge("orders", "search"))
        .withSlos(List.of(
            new Slo("search-fresh", SloKind.FRESHNESS, "search", 5, 95, 0.99, Duration.ofDays(1)),
            new Slo("cdc-up", SloKind.CONNECTOR_RUNNING, "shop-cdc", 0, 0, 0.99, Duration.ofDays(1))));
  }

  private static ConnectReport connectors(Instant at, String cdcState) {
    return new ConnectReport(at, Health.GREEN, List.of(new ConnectorStatus("shop-cdc", "source", cdcState, "local", "",
        List.of(new TaskStatus(0, cdcState, "local", "")))));
  }

  @Test
  void snapshotCarriesFreshnessConnectorsAndSloStates() {
    MutableClock clock = new MutableClock(T0);
    AtomicReference<String> cdcState = new AtomicReference<>("RUNNING");
    try (Monitor m = Monitor.builder(pipeline()).clock(clock)
        .connect(() -> connectors(clock.instant(), cdcState.get())).build()) {
      m.freshness("search").record(T0.minusMillis(800), T0.minusMillis(100));
      MonitorSnapshot first = m.pollOnce();
      assertThat(first.freshnessBySink().get("search").p95()).isEqualTo(0.7);
      assertThat(first.slos()).extracting(SloStatus::state)
          .containsExactly(SloStatus.State.MET, SloStatus.State.MET);
      assertThat(first.kafka().health()).isEqualTo(Health.NOT_CONFIGURED);

      cdcState.set("PAUSED");
      clock.advance(Duration.ofMinutes(1));
      MonitorSnapshot second = m.pollOnce();
      SloStatus up = second.slos().get(1);
      assertThat(up.state()).isEqualTo(SloStatus.State.BREACHED);
      assertThat(up.compliance()).isZero();
      // the one write is a minute old: still inside the five-minute freshness window
      assertThat(second.slos().get(0).state()).isEqualTo(SloStatus.State.MET);
      clock.advance(Duration.ofMinutes(10));
      assertThat(m.pollOnce().slos().get(0).state()).isEqualTo(SloStatus.State.NO_DATA);
    }
  }

  @Test
  void startReturnsAtOnceAndListenersReceiveSnapshotsFromThePollThread() throws Exception {
    BlockingQueue<String> threads = new ArrayBlockingQueue<>(10);
    MutableClock clock = new MutableClock(T0);
    CountDownLatch answer = new CountDownLatch(1);
    try (Monitor m = Monitor.builder(pipeline()).clock(clock).interval(Duration.ofMillis(50))
        .connect(() -> {
          // a slow source: the caller of start() must not wait for it
          try {
            answer.await(30, TimeUnit.SECONDS); // a start() that waited would return only after this
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return connectors(clock.instant(), "RUNNING");
        }).build()) {
      m.addListener(s -> threads.offer(Thread.currentThread().getName()));
      m.start();
      assertThat(m.latest()).isNull();
      answer.countDown();
      assertThat(threads.poll(30, TimeUnit.SECONDS)).startsWith("pipewright-monitor-shop");
    }
  }

  @Test
  void failingListenerDoesNotStopOthers() {
    try (Monitor m = Monitor.builder(pipeline()).clock(new MutableClock(T0)).build()) {
      AtomicReference<MonitorSnapshot> got = new AtomicReference<>();
      m.addListener(s -> {
        throw new IllegalStateException("broken view");
      });
      m.addListener(got::set);
      MonitorSnapshot s = m.pollOnce();
      assertThat(got.get()).isSameAs(s);
      assertThat(m.latest()).isSameAs(s);
    }
  }
}
