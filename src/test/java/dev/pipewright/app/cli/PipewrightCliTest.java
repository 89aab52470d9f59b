package dev.pipewright.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The CLI as a CI job uses it: real example files in, exit codes and text out. */
class PipewrightCliTest {

  record Result(int exit, String out, String err) {}

  static Result cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = PipewrightCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(exit, out.toString(), err.toString());
  }

  static List<Path> examples() throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of("examples"), "*.yaml")) {
      ds.forEach(files::add);
    }
    files.sort(null);
    assertThat(files).hasSizeGreaterThanOrEqualTo(7);
    return files;
  }

  @ParameterizedTest
  @MethodSource("examples")
  void everyExampleValidates(Path example) {
    Result r = cli("validate", example.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains(example + ": valid");
    assertThat(r.exit()).isZero();
  }

  @Test
  void lintOfTheDualWriteDesignNamesTheProblemAndTheFix() {
    Result r = cli("lint", "examples/legacy-dual-write.yaml");
    assertThat(r.exit()).isEqualTo(PipewrightCli.FINDINGS);
    assertThat(r.out().toLowerCase()).contains("dual write");
    assertThat(r.out()).contains("heartbeat");
    assertThat(r.out()).contains("fix: ");
    // Findings point at the line where the node is declared.
    assertThat(r.out()).containsPattern("examples/legacy-dual-write.yaml:\\d+: warning ");
  }

  @Test
  void lintOfAllExamplesPrintsTotals() throws IOException {
    List<String> args = new ArrayList<>(List.of("lint", "--fail-on", "error"));
    examples().forEach(p -> args.add(p.toString()));
    Result r = cli(args.toArray(String[]::new));
    assertThat(r.exit()).isZero();
    assertThat(r.out()).containsPattern("total: 0 errors, \\d+ warnings?.* in \\d+ files");
  }

  @Test
  void lintAsJsonListsFindingsWithRuleNodeAndFix() throws IOException {
    Result r = cli("lint", "--format", "json", "examples/legacy-dual-write.yaml");
    JsonNode root = new ObjectMapper().readTree(r.out());
    JsonNode findings = root.path("files").get(0).path("findings");
    assertThat(findings.size()).isGreaterThan(2);
    for (JsonNode f : findings) {
      assertThat(f.path("rule").asText()).isNotBlank();
      assertThat(f.path("message").asText()).isNotBlank();
      assertThat(f.path("fix").asText()).isNotBlank();
    }
    assertThat(r.exit()).isEqualTo(PipewrightCli.FINDINGS);
  }

  @Test
  void brokenFileIsExitTwoWithFileLineAndField(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "apiVersion: pipewright/v1\nname: x\nnodes:\n  - name: a\n    kind: postgress\n");
    Result r = cli("validate", bad.toString());
    assertThat(r.exit()).isEqualTo(PipewrightCli.UNREADABLE);
    assertThat(r.err()).contains("bad.yaml:5:").contains("kind").contains("postgres");
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void examplesAreInCanonicalForm() throws IOException {
    List<String> args = new ArrayList<>(List.of("fmt", "--check"));
    examples().forEach(p -> args.add(p.toString()));
    Result r = cli(args.toArray(String[]::new));
    assertThat(r.out()).isEmpty();
    assertThat(r.exit()).isZero();
  }

  @Test
  void fmtRewritesAHandEditedFileCanonicallyAndKeepsTheModel(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("p.yaml");
    Files.writeString(f, "name: tiny\napiVersion: pipewright/v1\nnodes:\n  - kind: postgres\n    name: db\n"
        + "    properties: {user: app, port: 5433, database: d, password: '${env:P}'}\n");
    assertThat(cli("fmt", "--check", f.toString()).exit()).isEqualTo(PipewrightCli.FINDINGS);
    Result r = cli("fmt", f.toString());
    assertThat(r.out()).contains("formatted");
    String text = Files.readString(f);
    assertThat(text).startsWith("apiVersion: pipewright/v1\nname: tiny\n");
    assertThat(text.indexOf("database:")).isLessThan(text.indexOf("port:"));
    assertThat(cli("fmt", "--check", f.toString()).exit()).isZero();
    assertThat(cli("validate", f.toString()).exit()).isZero();
  }

  @Test
  void missingFileIsExitTwoWithASentence() {
    Result r = cli("lint", "no/such/file.yaml");
    assertThat(r.exit()).isEqualTo(PipewrightCli.UNREADABLE);
    assertThat(r.err()).contains("no/such/file.yaml: no such file");
  }

  @Test
  void unknownSubcommandIsExitTwo() {
    assertThat(cli("frobnicate").exit()).isEqualTo(PipewrightCli.UNREADABLE);
  }

  @Test
  void helpListsTheSubcommands() {
    Result r = cli("--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("validate").contains("lint").contains("fmt").contains("export")
        .contains("deploy").contains("diff").contains("run").contains("monitor").contains("app");
  }

  @Test
  void versionIsThePomVersion() throws IOException {
    String pom = Files.readString(Path.of("pom.xml"));
    assertThat(pom).contains("<version>" + Version.VERSION + "</version>");
    assertThat(cli("--version").out()).startsWith("Pipewright " + Version.VERSION);
  }
}
