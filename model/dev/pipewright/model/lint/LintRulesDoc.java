package dev.pipewright.model.lint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes {@code docs/lint-rules.md} from {@link Linter#rules()}, so the documentation is the
 * registry and cannot drift from it (a test compares the two). Run
 * {@code java -cp target/classes dev.pipewright.model.lint.LintRulesDoc docs/lint-rules.md}.
 */
public final class LintRulesDoc {
  private LintRulesDoc() {}

  /** The whole document, deterministic for a given registry. */
  public static String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Lint rules\n\n")
        .append("<!-- Generated from Linter.rules() by dev.pipewright.model.lint.LintRulesDoc; do not edit by hand.\n")
        .append("     Regenerate: mvn -o -q compile && java -cp target/classes "
            + "dev.pipewright.model.lint.LintRulesDoc docs/lint-rules.md -->\n\n")
        .append("Pipewright checks every pipeline with these rules: the canvas shows the findings as badges, ")
        .append("`pipewright lint` prints them, and the exporters refuse a pipeline with an ERROR.\n\n")
        .append("- **ERROR**: the pipeline cannot run or cannot be exported as drawn.\n")
        .append("- **WARNING**: it runs, badly (data loss, stalls, WAL growth, duplicates).\n")
        .append("- **INFO**: worth a look; often deliberate.\n\n")
        .append("Rule ids are stable and never renumbered. Findings are ordered by severity, then by the ")
        .append("order of the nodes in the pipeline (pipeline-wide findings first), then by rule id. ")
        .append("Rules about replication, dead-letter topics, heartbeats on the embedded database and SLOs ")
        .append("are relaxed in `environment: local`, as each rule says.\n\n")
        .append("| Id | Severity | Rule |\n|---|---|---|\n");
    for (Rule r : Linter.rules()) {
      md.append("| [").append(r.id()).append("](#").append(r.id().toLowerCase(java.util.Locale.ROOT)).append(") | ")
          .append(r.severity()).append(" | ").append(cell(r.title())).append(" |\n");
    }
    for (Rule r : Linter.rules()) {
      md.append("\n## ").append(r.id()).append("\n\n")
          .append("**").append(r.title()).append("** (").append(r.severity()).append(")\n\n")
          .append(r.rationale()).append("\n");
      if (!r.exampleFix().isBlank()) {
        md.append("\n*Example fix:* ").append(r.exampleFix()).append("\n");
      }
    }
    return md.toString();
  }

  private static String cell(String s) {
    return s.replace("|", "\\|");
  }

  /** Writes the document to the path given (default {@code docs/lint-rules.md}), atomically. */
  public static void main(String[] args) throws IOException {
    Path target = Path.of(args.length > 0 ? args[0] : "docs/lint-rules.md");
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".lint-rules", ".md");
    try {
      Files.writeString(tmp, markdown(), StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    System.out.println("Wrote " + Linter.rules().size() + " rules to " + target);
  }
}
