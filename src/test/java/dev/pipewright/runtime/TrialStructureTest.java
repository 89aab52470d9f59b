package dev.pipewright.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pipewright.model.Edge;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.io.PipelineFile;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pipelines the trial cannot run are refused in the pre-flight, before any server starts. */
class TrialStructureTest {
  @TempDir
  Path work;

  @Test
  void aSinkBehindDebeziumsScriptingFilterIsRefusedBeforeAnythingStarts() throws Exception {
    Pipeline p = PipelineFile.load(Path.of("examples/local-trial.yaml"))
        .withoutEdge(new Edge("shop.public.orders", "audit-log"))
        .withNode(new Node("paid-only", NodeKind.FILTER, null, Map.of("condition", "value.after.status == 'PAID'")))
        .withEdge(new Edge("shop.public.orders", "paid-only"))
        .withEdge(new Edge("paid-only", "audit-log"));
    try (Trial trial = Trial.builder().pipeline(p).workDir(work).build()) {
      TrialException e = catchThrowableOfType(TrialException.class, trial::start);
      assertThat(e.phase()).isEqualTo(TrialPhase.PREFLIGHT);
      assertThat(e.problems()).anySatisfy(m -> assertThat(m)
          .contains("transform 'paid-only'", "io.debezium.transforms.Filter", "Remove it to try the pipeline locally"));
      assertThat(trial.embeddedPostgres("shop-db")).as("nothing started").isEmpty();
    }
  }
}
