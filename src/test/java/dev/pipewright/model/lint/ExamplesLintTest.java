package dev.pipewright.model.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.model.Finding;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.io.PipelineFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The shipped example pipelines must be exportable, and the anti-pattern example must be caught. */
class ExamplesLintTest {

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("examples"))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void examplePipelineHasNoErrors(Path file) throws Exception {
    Pipeline p = PipelineFile.load(file);
    List<Finding> errors = Linter.errors(p);
    assertThat(errors).as("lint errors in %s", file).isEmpty();
  }

  @Test
  void legacyDualWriteExampleIsFlaggedAsADualWrite() throws Exception {
    Path file = Path.of("examples/legacy-dual-write.yaml");
    assertThat(file).exists();
    assertThat(Linter.check(PipelineFile.load(file))).extracting(Finding::ruleId).contains("PW-DUAL-WRITE");
  }
}
