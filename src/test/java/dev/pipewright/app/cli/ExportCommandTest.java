package dev.pipewright.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExportCommandTest {
  @TempDir
  Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    CommandLine cl = new CommandLine(new ExportCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void exportsTheLocalTrialAsConnectFiles() {
    Path target = dir.resolve("connect");
    assertThat(run("examples/local-trial.yaml", "--format", "connect", "--out", target.toString())).isZero();
    assertThat(target.resolve("connectors/shop-cdc.json")).exists();
    assertThat(target.resolve("deploy.sh")).exists();
    assertThat(out.toString()).contains("Wrote").contains("connectors/shop-cdc.json");
  }

  @Test
  void pipelineWithValidationErrorsIsNotExportedAndTheErrorsNameFileNodeAndFix() throws Exception {
    String yaml = Files.readString(Path.of("examples/local-trial.yaml"))
        .replace("      topic.prefix: shop\n", "");
    Path file = Files.writeString(dir.resolve("broken.yaml"), yaml);
    Path target = dir.resolve("out");
    assertThat(run(file.toString(), "--format", "terraform", "--out", target.toString())).isEqualTo(1);
    assertThat(target).doesNotExist();
    assertThat(err.toString()).contains("broken.yaml").contains("shop-cdc").contains("Fix:")
        .contains("Nothing was written");
  }

  @Test
  void unreadableFileExitsWithTwoAndSaysWhere() throws Exception {
    Path file = Files.writeString(dir.resolve("bad.yaml"), "apiVersion: pipewright/v1\nname: [oops\n");
    assertThat(run(file.toString(), "--format", "connect", "--out", dir.resolve("o").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("bad.yaml:");
  }

  @Test
  void unknownFormatIsRefusedWithTheChoices() {
    assertThat(run("examples/local-trial.yaml", "--format", "helm", "--out", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("connect|terraform|confluent|strimzi|debezium-server");
  }
}
