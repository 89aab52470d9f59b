package dev.pipewright.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code pipewright monitor} without servers: what it says when there is nothing to reach. */
class MonitorCommandTest {
  private static PipewrightCliTest.Result cli(String... args) {
    return PipewrightCliTest.cli(args);
  }

  @Test
  void localTrialFileWithoutAddressesSaysWhichOptionsToPassAndListsItsSlos() throws Exception {
    PipewrightCliTest.Result r = cli("monitor", "examples/local-trial.yaml", "--once", "--format", "json");
    assertThat(r.err()).contains("--bootstrap", "--jdbc-url", "--connect-url");
    assertThat(r.exit()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.path("kafka").path("health").path("level").asText()).isEqualTo("OFF");
    assertThat(json.path("slos")).extracting(n -> n.path("name").asText())
        .containsExactly("read-model-fresh", "slot-wal-bounded");
    assertThat(json.path("slos").get(0).path("state").asText()).isEqualTo("NO_DATA");
  }

  @Test
  void unreachableConnectWorkerFailsTheOnceRunWithTheReason() {
    PipewrightCliTest.Result r = cli("monitor", "examples/local-trial.yaml", "--once", "--connect-url", "http://127.0.0.1:9");
    assertThat(r.exit()).isEqualTo(PipewrightCli.FINDINGS);
    assertThat(r.out()).contains("Connectors RED: Kafka Connect at http://127.0.0.1:9 is unreachable");
  }

  @Test
  void badIntervalIsExplained() {
    PipewrightCliTest.Result r = cli("monitor", "examples/local-trial.yaml", "--interval", "soon");
    assertThat(r.exit()).isEqualTo(PipewrightCli.UNREADABLE);
    assertThat(r.err()).contains("--interval 'soon'", "2s");
  }

  @Test
  void groupOverrideForAnUnknownSinkNamesTheSinks() {
    PipewrightCliTest.Result r = cli("monitor", "examples/local-trial.yaml", "--once", "--group", "nope=g");
    assertThat(r.exit()).isEqualTo(PipewrightCli.UNREADABLE);
    assertThat(r.err()).contains("no sink named 'nope'", "orders-read-model");
  }

  @Test
  void missingFileIsExplained() {
    PipewrightCliTest.Result r = cli("monitor", "no/such.yaml", "--once");
    assertThat(r.exit()).isEqualTo(PipewrightCli.UNREADABLE);
    assertThat(r.err()).contains("no/such.yaml: no such file");
  }
}
