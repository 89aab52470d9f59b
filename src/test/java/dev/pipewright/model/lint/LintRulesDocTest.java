package dev.pipewright.model.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LintRulesDocTest {

  private static final Path DOC = Path.of("docs/lint-rules.md");

  @Test
  void docsListExactlyTheRegisteredRules() throws IOException {
    assertThat(DOC).as("docs/lint-rules.md exists").exists();
    String onDisk = Files.readString(DOC, StandardCharsets.UTF_8);
    assertThat(onDisk)
        .as("docs/lint-rules.md is out of date with Linter.rules(); regenerate it with: mvn -o -q compile && "
            + "java -cp target/classes dev.pipewright.model.lint.LintRulesDoc docs/lint-rules.md")
        .isEqualTo(LintRulesDoc.markdown());
  }

  @Test
  void everyRuleHasASectionWithItsSeverityAndFix() {
    String md = LintRulesDoc.markdown();
    for (Rule r : Linter.rules()) {
      assertThat(md).contains("\n## " + r.id() + "\n")
          .contains("**" + r.title() + "** (" + r.severity() + ")")
          .contains("*Example fix:* " + r.exampleFix());
    }
  }
}
