package dev.pipewright.model.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.model.Finding;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinterTest {

  @Test
  void wellDesignedProductionPipelineHasNoFindings() {
    List<Finding> findings = Linter.check(TestPipelines.wellDesigned());
    assertThat(findings).isEmpty();
  }

  @Test
  void ruleIdsAreUniqueAndWellFormed() {
    Set<String> ids = new HashSet<>();
    for (Rule r : Linter.rules()) {
      assertThat(ids.add(r.id())).as("duplicate id %s", r.id()).isTrue();
      assertThat(r.id()).matches("PW-[A-Z0-9]+(-[A-Z0-9]+)*");
      assertThat(r.title()).isNotBlank().doesNotContain("\n");
      assertThat(r.rationale()).isNotBlank();
      assertThat(r.exampleFix()).isNotBlank();
    }
  }

  @Test
  void findingsAreOrderedBySeverityThenNodeThenRule() {
    Pipeline p = TestPipelines.production()
        .node("orphan-sink", NodeKind.JDBC_SINK)
        .node("shop-cdc", NodeKind.DEBEZIUM, "topic.prefix", "shop")
        .build();
    List<Finding> all = Linter.check(p);
    assertThat(all).extracting(Finding::severity).isSortedAccordingTo(Enum::compareTo);
    List<Finding> errors = Linter.errors(p);
    assertThat(errors).isNotEmpty().allMatch(f -> f.severity() == Severity.ERROR);
    assertThat(errors.get(0).node()).isEqualTo("orphan-sink");
    assertThat(errors.get(errors.size() - 1).node()).isEqualTo("shop-cdc");
    assertThat(Linter.check(p)).isEqualTo(all);
  }
}
