package dev.pipewright.app.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.app.desktop.AppHome;
import dev.pipewright.app.desktop.TaskExecutor;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.runtime.TrialPhase;
import dev.pipewright.runtime.TrialSnapshot;
import dev.pipewright.runtime.stats.EdgeSample;
import dev.pipewright.runtime.stats.EdgeStats;
import dev.pipewright.runtime.stats.SinkStats;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trial view model's own logic, without servers: labels, records, rates, and a start that cannot begin. */
class TrialViewModelTest {
  @TempDir Path home;

  private static final Edge INTO_DB = new Edge("shop.public.orders", "orders-read-model");
  private static final Edge INTO_CACHE = new Edge("unwrap-customers", "customer-cache");

  private static SinkStats sink(String node, boolean preview) {
    return new SinkStats(node, "x", preview, 3, Map.of(), 0, 0, null, null, null, null, null);
  }

  private static EdgeSample sample(int i) {
    return new EdgeSample(Instant.ofEpochSecond(i), "shop.public.orders", "{\"id\":" + i + "}", "c", null,
        "{\"id\":" + i + "}");
  }

  private static TrialSnapshot snapshot() {
    return new TrialSnapshot(TrialPhase.STREAMING, Duration.ofSeconds(30), Map.of(),
        List.of(new EdgeStats(INTO_DB, 4210, 120.4, List.of(sample(1), sample(2), sample(3))),
            new EdgeStats(INTO_CACHE, 7, 0.5, List.of())),
        Map.of("orders-read-model", sink("orders-read-model", false), "customer-cache", sink("customer-cache", true)),
        null);
  }

  @Test
  void everyEdgeGetsItsRateAndTotalAndPreviewSinksSaySo() {
    Map<Edge, String> labels = TrialViewModel.labelsOf(snapshot());

    assertThat(labels).containsEntry(INTO_DB, "120/s · 4,210").containsEntry(INTO_CACHE, "PREVIEW · 0.5/s · 7");
  }

  @Test
  void recordsOfAnEdgeListTheNewestFirst() {
    assertThat(TrialViewModel.recordsOf(snapshot(), INTO_DB)).containsExactly(sample(3), sample(2), sample(1));
    assertThat(TrialViewModel.recordsOf(snapshot(), null)).isEmpty();
  }

  @Test
  void aRateMustBeAPositiveNumber() {
    assertThat(TrialViewModel.parseRate(" 250 ")).contains(250.0);
    assertThat(TrialViewModel.parseRate("80/s")).contains(80.0);
    assertThat(TrialViewModel.parseRate("0")).isEmpty();
    assertThat(TrialViewModel.parseRate("fast")).isEmpty();
  }

  @Test
  void aPipelineWithoutCaptureFailsWithTheTrialsSentenceAndRunIsOfferedAgain() {
    TrialViewModel vm = new TrialViewModel(new AppHome(home), TaskExecutor.synchronous(), Runnable::run);
    Pipeline p = Pipeline.empty("no-capture").withNode(new Node("db", NodeKind.POSTGRES, null, Map.of()));

    vm.start(p);

    assertThat(vm.stateProperty().get()).isEqualTo(TrialState.FAILED);
    assertThat(vm.failureProperty().get()).contains("no Debezium capture");
    assertThat(vm.stateProperty().get().canRun()).isTrue();
    assertThat(vm.phasesProperty().get()).anyMatch(r -> r.status() == PhaseProgress.Status.FAILED);
    vm.close();
  }

  @Test
  void theWorkloadNeedsARunningTrial() {
    TrialViewModel vm = new TrialViewModel(new AppHome(home), TaskExecutor.synchronous(), Runnable::run);

    vm.startWorkload();

    assertThat(vm.workloadRunningProperty().get()).isFalse();
    assertThat(vm.workloadMessageProperty().get()).contains("Run the trial first");
  }

  @Test
  void trialsKeepTheirDataUnderTheAppHomeByPipelineName() {
    TrialViewModel vm = new TrialViewModel(new AppHome(home), TaskExecutor.synchronous(), Runnable::run);

    assertThat(vm.workDirFor(Pipeline.empty("shop orders/v2")))
        .isEqualTo(home.toAbsolutePath().resolve("trials").resolve("shop_orders_v2"));
  }
}
