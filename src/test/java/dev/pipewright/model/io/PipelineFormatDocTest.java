package dev.pipewright.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.PropertySpec;
import dev.pipewright.model.PropertyType;
import dev.pipewright.model.SloKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/pipeline-format.md true: the node-kind tables are regenerated from {@link NodeKind}
 * and compared, every key the loader accepts is documented, and the example is a canonical file.
 * Run with {@code -Dpipewright.updateDocs=true} to rewrite the generated section.
 */
class PipelineFormatDocTest {
  static final Path DOC = Path.of("docs/pipeline-format.md");
  static final String BEGIN = "<!-- BEGIN GENERATED node-kinds: PipelineFormatDocTest writes this section from "
      + "NodeKind; do not edit by hand -->";
  static final String END = "<!-- END GENERATED node-kinds -->";

  @Test
  void theNodeKindTablesMatchTheCatalogue() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int begin = doc.indexOf(BEGIN);
    int end = doc.indexOf(END);
    assertThat(begin).as("the generated section's start marker").isNotNegative();
    assertThat(end).as("the generated section's end marker").isGreaterThan(begin);
    String current = doc.substring(begin + BEGIN.length(), end);
    String generated = "\n" + kindTables();
    if (!current.equals(generated) && Boolean.getBoolean("pipewright.updateDocs")) {
      doc = doc.substring(0, begin + BEGIN.length()) + generated + doc.substring(end);
      Files.writeString(DOC, doc, StandardCharsets.UTF_8);
      current = generated;
    }
    assertThat(current).as("docs/pipeline-format.md is out of date with NodeKind; regenerate it with: "
        + "mvn -o -q test -Dtest=PipelineFormatDocTest -Dpipewright.updateDocs=true").isEqualTo(generated);
  }

  @Test
  void everyKeyTheLoaderAcceptsIsDocumented() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    Stream.of(PipelineReader.TOP_KEYS, PipelineReader.CLUSTER_KEYS, PipelineReader.SECURITY_KEYS,
            PipelineReader.CONNECT_KEYS, PipelineReader.NODE_KEYS, PipelineReader.POSITION_KEYS,
            PipelineReader.EDGE_KEYS, PipelineReader.SLO_KEYS, PipelineReader.PROTOCOLS,
            PipelineReader.SASL_MECHANISMS, Stream.of(SloKind.values()).map(SloKind::yamlName).toList())
        .flatMap(List::stream)
        .forEach(key -> assertThat(doc).as("docs/pipeline-format.md documents `%s`", key).contains("`" + key + "`"));
  }

  @Test
  void theExampleInTheDocIsACanonicalPipelineFile() throws Exception {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(doc);
    assertThat(m.find()).as("a yaml example").isTrue();
    String example = m.group(1);

    Pipeline p = PipelineFile.parse(example, "docs/pipeline-format.md");

    assertThat(PipelineFile.toYaml(p)).isEqualTo(example);
  }

  /** One section per kind: its id, label, stage and description, then a table of its properties. */
  static String kindTables() {
    StringBuilder sb = new StringBuilder();
    for (NodeKind k : NodeKind.values()) {
      sb.append("\n### `").append(k.id()).append("` — ").append(k.label()).append(" (")
          .append(k.category().label()).append(")\n\n").append(k.description()).append("\n\n");
      if (k.properties().isEmpty()) {
        sb.append("No properties.\n");
        continue;
      }
      sb.append("| key | type | default | required | secret | group | doc |\n");
      sb.append("|---|---|---|---|---|---|---|\n");
      for (PropertySpec p : k.properties()) {
        sb.append("| `").append(cell(p.key())).append("` | ").append(type(p)).append(" | ")
            .append(p.defaultOpt().map(d -> d.isEmpty() ? "(empty)" : "`" + cell(d) + "`").orElse(""))
            .append(" | ").append(p.required() ? "yes" : "").append(" | ").append(p.secret() ? "yes" : "")
            .append(" | ").append(p.group().label()).append(" | ").append(cell(doc(p))).append(" |\n");
      }
    }
    return sb.toString();
  }

  private static String type(PropertySpec p) {
    String t = p.type().name().toLowerCase(java.util.Locale.ROOT);
    if (p.type() == PropertyType.ENUM) {
      return t + ": " + String.join(", ", p.choices().stream().map(c -> "`" + cell(c) + "`").toList());
    }
    return t;
  }

  private static String doc(PropertySpec p) {
    String label = p.label().equals(p.key()) ? "" : p.label() + ".";
    String only = p.onlyFor().isEmpty() ? "" : " Only for " + String.join(", ", new TreeSet<>(p.onlyFor())) + " sources.";
    return (label + (p.doc().isEmpty() ? "" : " " + p.doc()) + only).trim();
  }

  /** Escapes what would break a Markdown table cell. */
  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
