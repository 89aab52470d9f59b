package dev.pipewright.app.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.app.desktop.AppHome;
import dev.pipewright.app.desktop.TaskExecutor;
import dev.pipewright.model.Edge;
import dev.pipewright.model.io.PipelineFile;
import dev.pipewright.runtime.stats.EdgeSample;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The trial view model against a real {@link dev.pipewright.runtime.Trial} of
 * examples/local-trial.yaml (embedded PostgreSQL and Kafka, Debezium, the JDBC sink), without the
 * FX toolkit: start, live labels, records of one edge, the workload, a clean stop.
 */
class TrialViewModelIT {
  static final Edge ORDERS_INTO_READ_MODEL = new Edge("shop.public.orders", "orders-read-model");

  @TempDir Path home;

  static long totalIn(String label) {
    if (label == null) {
      return 0;
    }
    String total = label.substring(label.lastIndexOf('·') + 1).trim().replace(",", "");
    return Long.parseLong(total);
  }

  @Test
  void aRealTrialStreamsShowsLiveLabelsAndRecordsAndStopsLeavingNothingListening() throws Exception {
    TrialViewModel vm = new TrialViewModel(new AppHome(home), TaskExecutor.synchronous(), Runnable::run);
    try {
      vm.start(PipelineFile.load(Path.of("examples", "local-trial.yaml")));

      assertThat(vm.failureProperty().get()).isNull();
      assertThat(vm.stateProperty().get()).isEqualTo(TrialState.STREAMING);
      assertThat(vm.phasesProperty().get()).filteredOn(r -> r.phase() != dev.pipewright.runtime.TrialPhase.STREAMING)
          .extracting(PhaseProgress.Row::status).containsOnly(PhaseProgress.Status.DONE);
      List<Integer> ports = vm.listeningPorts();
      assertThat(ports).hasSize(2).allMatch(TrialPorts::listening);

      vm.workloadRateProperty().set("40");
      vm.startWorkload();
      assertThat(vm.workloadRunningProperty().get()).isTrue();
      vm.selectEdge(ORDERS_INTO_READ_MODEL);
      WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
          () -> totalIn(vm.edgeLabelsProperty().get().get(ORDERS_INTO_READ_MODEL)) > 0 && !vm.recordsProperty().get().isEmpty());

      assertThat(vm.edgeLabelsProperty().get()).containsKey(new Edge("unwrap-customers", "customer-cache"));
      assertThat(vm.edgeLabelsProperty().get().get(new Edge("unwrap-customers", "customer-cache"))).startsWith("PREVIEW · ");
      EdgeSample newest = vm.recordsProperty().get().get(0);
      assertThat(newest.topic()).isEqualTo("shop.public.orders");
      assertThat(newest.op()).isIn("c", "u", "d", "r");
      assertThat(newest.key()).contains("id");
      WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.workloadChangesProperty().get() > 0);

      vm.stop();

      assertThat(vm.stateProperty().get()).isEqualTo(TrialState.STOPPED);
      assertThat(vm.edgeLabelsProperty().get()).isEmpty();
      assertThat(vm.workloadRunningProperty().get()).isFalse();
      assertThat(ports).noneMatch(TrialPorts::listening);
      assertThat(vm.phasesProperty().get()).extracting(PhaseProgress.Row::phase)
          .contains(dev.pipewright.runtime.TrialPhase.STOPPED);
    } finally {
      vm.close();
    }
  }
}
