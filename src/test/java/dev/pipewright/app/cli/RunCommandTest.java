package dev.pipewright.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pipewright run}: exit codes and messages for input it cannot use, and the JSON summary of a failed run. */
class RunCommandTest {

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return PipewrightCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void missingFileExitsWithTwoAndSaysWhichFile() {
    int code = run("run", dir.resolve("nope.yaml").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("nope.yaml").contains("no such file");
  }

  @Test
  void durationThatIsNotADurationExitsWithTwo() {
    int code = run("run", "examples/local-trial.yaml", "--duration", "soon", "--work-dir", dir.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("--duration").contains("30s");
  }

  @Test
  void pipelineWithoutCaptureFailsWithASentenceAndWritesTheSummary() throws Exception {
    Path file = dir.resolve("empty.yaml");
    Files.writeString(file, "apiVersion: pipewright/v1\nname: empty\nenvironment: local\n");
    Path summary = dir.resolve("out/summary.json");

    int code = run("run", file.toString(), "--work-dir", dir.resolve("work").toString(),
        "--summary-json", summary.toString());

    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("Trial FAILED").contains("no Debezium capture");
    JsonNode json = new ObjectMapper().readTree(summary.toFile());
    assertThat(json.path("result").asText()).isEqualTo("failed");
    assertThat(json.path("failure").asText()).contains("Draw a capture after a source");
    assertThat(Files.exists(dir.resolve("work").resolve("kafka"))).as("nothing was started").isFalse();
  }
}
