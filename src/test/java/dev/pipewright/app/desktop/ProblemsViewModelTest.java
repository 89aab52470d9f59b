package dev.pipewright.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.app.desktop.problems.ProblemsViewModel;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Finding;
import dev.pipewright.model.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemsViewModelTest {

  @Test
  void listsErrorsFirstThenWarningsThenNotesEachByPlace() {
    ProblemsViewModel vm = new ProblemsViewModel();
    Finding warnB = Finding.onNode("PW-HEARTBEAT", Severity.WARNING, "b-cdc", null, "m", "f");
    Finding warnA = Finding.onNode("PW-DLQ", Severity.WARNING, "a-sink", null, "m", "f");
    Finding error = Finding.onNode("PW-REQUIRED", Severity.ERROR, "z-db", "host", "m", "f");
    Finding note = Finding.onPipeline("PW-SLO", Severity.INFO, "m", "f");
    Finding pipelineWarning = Finding.onPipeline("PW-RF", Severity.WARNING, "m", "f");

    vm.setFindings(List.of(warnB, note, warnA, error, pipelineWarning));

    assertThat(vm.findings()).containsExactly(error, pipelineWarning, warnA, warnB, note);
  }

  @Test
  void summaryCountsErrorsAndWarnings() {
    ProblemsViewModel vm = new ProblemsViewModel();
    assertThat(vm.summaryProperty().get()).isEqualTo("No problems");

    vm.setFindings(List.of(
        Finding.onPipeline("A", Severity.ERROR, "m", "f"), Finding.onPipeline("B", Severity.ERROR, "m", "f"),
        Finding.onPipeline("C", Severity.WARNING, "m", "f"), Finding.onPipeline("D", Severity.WARNING, "m", "f"),
        Finding.onPipeline("E", Severity.WARNING, "m", "f"), Finding.onPipeline("F", Severity.WARNING, "m", "f"),
        Finding.onPipeline("G", Severity.WARNING, "m", "f")));

    assertThat(vm.summaryProperty().get()).isEqualTo("2 errors · 5 warnings");
    vm.setFindings(List.of(Finding.onPipeline("A", Severity.ERROR, "m", "f")));
    assertThat(vm.summaryProperty().get()).isEqualTo("1 error");
  }

  @Test
  void aFindingOnAnEdgeRevealsTheNodeTheEdgeLeaves() {
    Finding onEdge = Finding.onEdge("PW-DUAL", Severity.WARNING, new Edge("app", "search"), "m", "f");

    assertThat(ProblemsViewModel.nodeOf(onEdge)).contains("app");
    assertThat(ProblemsViewModel.nodeOf(Finding.onPipeline("X", Severity.INFO, "m", "f"))).isEmpty();
  }
}
