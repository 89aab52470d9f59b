package dev.pipewright.exporters.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.exporters.ExportFormat;
import dev.pipewright.exporters.ExportOptions;
import dev.pipewright.exporters.ExportedFile;
import dev.pipewright.exporters.Exports;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.io.PipelineFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class TerraformOutputTest {
  static Stream<Arguments> examples() throws Exception {
    try (Stream<Path> s = Files.list(Path.of("examples"))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted()
          .flatMap(p -> Stream.of(Arguments.of(p, ExportFormat.TERRAFORM), Arguments.of(p, ExportFormat.CONFLUENT)))
          .toList().stream();
    }
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("examples")
  void terraformParsesAndReferencesOnlyDeclaredNames(Path example, ExportFormat format) throws Exception {
    Pipeline p = PipelineFile.load(example);
    List<ExportedFile> files = Exports.render(p, format, ExportOptions.of(example.getFileName().toString()));
    Set<String> variables = new LinkedHashSet<>();
    Set<String> resources = new LinkedHashSet<>();
    Set<String> references = new LinkedHashSet<>();
    for (ExportedFile f : files) {
      HclChecker.Result r = HclChecker.parse(f.path(), f.content());
      variables.addAll(r.variables());
      resources.addAll(r.resources());
      references.addAll(r.references());
    }
    Set<String> typeWords = Set.of("string", "number", "bool");
    for (String ref : references) {
      String[] parts = ref.split("\\.");
      if (parts[0].equals("var")) {
        assertThat(variables).as("variable of " + ref).contains(parts[1]);
      } else if (parts.length == 1) {
        assertThat(typeWords).as("bare name " + ref).contains(ref);
      } else {
        assertThat(resources).as("resource of " + ref).contains(parts[0] + "." + parts[1]);
      }
    }
    assertThat(variables).as("every declared variable is used").allSatisfy(v ->
        assertThat(references).contains("var." + v));
  }

  @Test
  void checkerRejectsBrokenHcl() {
    assertThatThrownBy(() -> HclChecker.parse("x.tf", "a = \"open\n")).hasMessageContaining("x.tf:1");
    assertThatThrownBy(() -> HclChecker.parse("x.tf", "resource \"a\" \"b\" {\n")).hasMessageContaining("not closed");
    assertThatThrownBy(() -> HclChecker.parse("x.tf", "a = 1\na = 2\n")).hasMessageContaining("twice");
    assertThatThrownBy(() -> HclChecker.parse("x.tf", "a = { \"k\" = 1, \"k\" = 2 }\n")).hasMessageContaining("twice");
    assertThatThrownBy(() -> HclChecker.parse("x.tf", "a = \"\\q\"\n")).hasMessageContaining("escape");
    assertThat(HclChecker.parse("x.tf", "a = \"$${topic} ${var.b}\"\n").references()).containsExactly("var.b");
  }

  @Test
  void connectPlaceholdersStayTextAndSecretsAreVariables() {
    assertThat(Hcl.str("${topic}")).isEqualTo("\"$${topic}\"");
    assertThat(Hcl.withVars("${env:PG_PASSWORD}", r -> "pg_password")).isEqualTo("var.pg_password");
    assertThat(Hcl.withVars("X required password=\"${env:K}\";", r -> "k"))
        .isEqualTo("\"X required password=\\\"${var.k}\\\";\"");
  }
}
