package dev.pipewright.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.monitor.MonitorSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertsViewModelTest {
  @Test
  void alertThatStartsFiringIsListedAndNotifiedOnce() {
    List<AlertsViewModel.Row> notified = new ArrayList<>();
    AlertsViewModel vm = new AlertsViewModel(Runnable::run, notified::add);
    List<MonitorSnapshot> run = Snapshots.run(120);
    run.forEach(vm);
    assertThat(vm.firingProperty().get()).isNotEmpty();
    AlertsViewModel.Row first = vm.firingProperty().get().get(0);
    assertThat(first.text()).contains(first.slo()).contains("since").contains(first.breached());
    // every firing alert was notified, each exactly once across 120 polls
    // the breach sentence changes every poll; the alert (SLO, rule, start) is announced once
    assertThat(notified).extracting(r -> r.slo() + "|" + r.rule() + "|" + r.since())
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(vm.firingProperty().get().stream().map(r -> r.slo() + "|" + r.rule() + "|" + r.since()).toList());
  }

  @Test
  void nothingFiresWhileTheRunIsHealthy() {
    List<AlertsViewModel.Row> notified = new ArrayList<>();
    AlertsViewModel vm = new AlertsViewModel(Runnable::run, notified::add);
    Snapshots.run(10).forEach(vm);
    assertThat(vm.firingProperty().get()).isEmpty();
    assertThat(notified).isEmpty();
  }
}
