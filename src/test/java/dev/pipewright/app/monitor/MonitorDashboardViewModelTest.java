package dev.pipewright.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.app.chart.SeriesHistory;
import dev.pipewright.monitor.Health;
import dev.pipewright.monitor.MonitorSnapshot;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
    SeriesHistory h = lag.history();
    assertThat(h.names()).containsExactly("connect-orders-read-model", "connect-audit-log");
    assertThat(h.size()).isEqualTo(60);
    assertThat(h.timeAt(59)).isEqualTo(Snapshots.T0.plusSeconds(118).toEpochMilli());
    assertThat(h.value(0, 59)).isEqualTo(run.get(59).kafka().groups().get(0).maxLagSeconds());
    assertThat(s.charts().get(1).history().value(0, 59)).isEqualTo(29 * 120.0); // messages behind at poll 59
    assertThat(s.charts().get(3).threshold()).isEqualTo(64.0); // 64 MiB
    assertThat(s.charts().get(1).threshold()).isNaN();          // no lag-messages SLO

    DashboardState.Budget fresh = s.budgets().get(0);
    assertThat(fresh.slo()).isEqualTo("read-model-fresh");
    assertThat(fresh.state()).isEqualTo("BREACHED");
    assertThat(fresh.remaining()).isLessThan(1.0);
    assertThat(fresh.alerts()).isNotEmpty().allSatisfy(a -> assertThat(a).contains("read-model-fresh"));
  }

  @Test
  void theTitleNamesThePipelineAndTheLastPollAsTheChartsShowTime() {
    MonitorDashboardViewModel vm = new MonitorDashboardViewModel(Snapshots.SLOS, Runnable::run, ZoneId.of("Europe/Paris"));
    List<MonitorSnapshot> run = Snapshots.run(2);
    run.forEach(vm);
    String hhmmss = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("Europe/Paris")).format(run.get(1).at());
    assertThat(vm.stateProperty().get().title()).isEqualTo(run.get(1).pipeline() + " — last poll " + hhmmss);
    assertThat(Times.of(run.get(1).at().minus(Duration.ofDays(2)), ZoneId.of("Europe/Paris"), run.get(1).at()))
        .as("an alert from another day shows its date").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
  }

  @Test
  void historyKeepsTheLastHourSoALongSessionKeepsFlatMemory() {
    MonitorDashboardViewModel vm = new MonitorDashboardViewModel(Snapshots.SLOS, Runnable::run);
    List<MonitorSnapshot> run = Snapshots.run(2000); // 2 s apart: 66 minutes
    run.forEach(vm);
    SeriesHistory h = vm.stateProperty().get().charts().get(0).history();
    long newest = run.get(1999).at().toEpochMilli();
    assertThat(h.timeAt(h.size() - 1)).isEqualTo(newest);
    assertThat(h.timeAt(0)).isGreaterThan(newest - Duration.ofHours(1).toMillis());
    assertThat(h.size()).isEqualTo(1800); // an hour of 2 s polls
    assertThat(h.capacity()).isEqualTo(MonitorDashboardViewModel.HISTORY);
  }

  @Test
  void withManyGroupsOnlyThoseNotOkGetATileOfTheirOwn() {
    MonitorDashboardViewModel vm = new MonitorDashboardViewModel(Snapshots.SLOS, Runnable::run);
    Snapshots.busy(20, 2301).forEach(vm); // at 2300 s the shipments sink is in its incident
    DashboardState s = vm.stateProperty().get();
    assertThat(s.tiles()).extracting(DashboardState.Tile::name)
        .containsExactly("Kafka", "connect-shipments-sink", "Other groups", "Replication slots", "Connectors");
    assertThat(s.tiles().get(1).level()).isEqualTo(Health.Level.AMBER);
    assertThat(s.tiles().get(2).headline()).startsWith("19 groups OK");
    assertThat(s.charts().get(0).history().seriesCount()).isEqualTo(20);
  }

  @Test
  void chartsAreTheSameObjectsFromPollToPollSoTheViewOnlyRedraws() {
    MonitorDashboardViewModel vm = new MonitorDashboardViewModel(Snapshots.SLOS, Runnable::run);
    List<MonitorSnapshot> run = Snapshots.run(3);
    vm.accept(run.get(0));
    DashboardState.Chart first = vm.stateProperty().get().charts().get(0);
    long revision = first.history().revision();
    vm.accept(run.get(1));
    assertThat(vm.stateProperty().get().charts().get(0)).isSameAs(first);
    assertThat(first.history().revision()).isGreaterThan(revision);
  }

  @Test
  void stateIsPublishedOnTheUiExecutorOnly() {
    List<Runnable> queued = new ArrayList<>();
    MonitorDashboardViewModel vm = new MonitorDashboardViewModel(Snapshots.SLOS, queued::add);
    vm.accept(Snapshots.run(1).get(0));
    assertThat(vm.stateProperty().get()).isSameAs(DashboardState.EMPTY);
    assertThat(vm.stateProperty().get().charts()).isEmpty();
    queued.forEach(Runnable::run);
    assertThat(vm.stateProperty().get().tiles()).isNotEmpty();
    assertThat(vm.stateProperty().get().charts().get(0).history().size()).isEqualTo(1);
  }
}
