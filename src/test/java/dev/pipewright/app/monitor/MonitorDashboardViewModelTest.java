package dev.pipewright.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.monitor.Health;
import dev.pipewright.monitor.MonitorSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dashboard's view model without the FX toolkit: snapshots in, state out. */
class MonitorDashboardViewModelTest {
  @Test
  void tilesChartsAndBudgetsFollowTheSnapshots() {
    MonitorDashboardViewModel vm = new MonitorDashboardViewModel(Snapshots.SLOS, Runnable::run);
    List<MonitorSnapshot> run = Snapshots.run(60);
    run.forEach(vm);
    DashboardState s = vm.stateProperty().get();

    assertThat(s.tiles()).extracting(DashboardState.Tile::name)
        .containsExactly("Kafka", "connect-orders-read-model", "connect-audit-log", "Replication slots", "Connectors");
    assertThat(s.tiles().get(1).level()).isEqualTo(Health.Level.AMBER); // Burrow WARN: lag grows
    assertThat(s.tiles().get(4).headline()).isEqualTo("2 of 2 running");

    DashboardState.Chart lag = s.charts().get(0);
    assertThat(lag.threshold()).isEqualTo(10.0);
    assertThat(lag.series().get(0).points()).hasSize(60);
    assertThat(lag.series().get(0).points().get(59).t()).isEqualTo(118.0);
    assertThat(s.charts().get(3).threshold()).isEqualTo(64.0); // 64 MiB
    assertThat(s.charts().get(1).threshold()).isNaN();          // no lag-messages SLO

    DashboardState.Budget fresh = s.budgets().get(0);
    assertThat(fresh.slo()).isEqualTo("read-model-fresh");
    assertThat(fresh.state()).isEqualTo("BREACHED");
    assertThat(fresh.remaining()).isLessThan(1.0);
    assertThat(fresh.alerts()).isNotEmpty().allSatisfy(a -> assertThat(a).contains("read-model-fresh"));
  }

  @Test
  void historyIsBoundedSoALongSessionKeepsFlatMemory() {
    MonitorDashboardViewModel vm = new MonitorDashboardViewModel(Snapshots.SLOS, Runnable::run);
    Snapshots.run(MonitorDashboardViewModel.HISTORY + 50).forEach(vm);
    assertThat(vm.stateProperty().get().charts().get(0).series().get(0).points()).hasSize(MonitorDashboardViewModel.HISTORY);
  }

  @Test
  void stateIsPublishedOnTheUiExecutorOnly() {
    List<Runnable> queued = new ArrayList<>();
    MonitorDashboardViewModel vm = new MonitorDashboardViewModel(Snapshots.SLOS, queued::add);
    vm.accept(Snapshots.run(1).get(0));
    assertThat(vm.stateProperty().get()).isSameAs(DashboardState.EMPTY);
    queued.forEach(Runnable::run);
    assertThat(vm.stateProperty().get().tiles()).isNotEmpty();
  }
}
