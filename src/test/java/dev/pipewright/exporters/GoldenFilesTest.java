package dev.pipewright.exporters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.model.Finding;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.io.PipelineFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example in {@code examples/} exported in every format equals the files kept under
 * {@code src/test/resources/dev/pipewright/exporters/golden/<example>/<format>/}. A format that
 * refuses an example keeps its findings in {@code REFUSED.txt}. After an intended change run
 * {@code mvn -o -q test -Dtest=GoldenFilesTest -Dgolden.update=true} and review the diff.
 */
class GoldenFilesTest {
  static final Path GOLDEN = Path.of("src/test/resources/dev/pipewright/exporters/golden");
  static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of("examples"))) {
      for (Path f : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        for (ExportFormat fmt : ExportFormat.values()) {
          out.add(Arguments.of(f.getFileName().toString(), fmt));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("cases")
  void exportMatchesTheGoldenFiles(String example, ExportFormat format) throws Exception {
    Pipeline p = PipelineFile.load(Path.of("examples", example));
    Map<String, String> actual = render(p, example, format);
    Path dir = GOLDEN.resolve(example.replaceAll("\\.yaml$", "")).resolve(format.cliName());
    if (UPDATE) {
      write(dir, actual);
    }
    assertThat(read(dir)).as("golden files in %s (regenerate with -Dgolden.update=true)", dir)
        .isEqualTo(actual);
  }

  static Map<String, String> render(Pipeline p, String example, ExportFormat format) {
    Map<String, String> files = new TreeMap<>();
    List<Finding> problems = Exports.problems(p, format);
    if (!problems.isEmpty()) {
      StringBuilder sb = new StringBuilder("# " + example + " is not exported as " + format.cliName() + "\n");
      for (Finding f : problems) {
        sb.append(f.ruleId()).append(" ").append(f.where()).append(": ").append(f.message()).append(" Fix: ")
            .append(f.fix()).append("\n");
      }
      files.put("REFUSED.txt", sb.toString());
      return files;
    }
    for (ExportedFile f : Exports.render(p, format, ExportOptions.of(example))) {
      files.put(f.path(), f.content());
    }
    return files;
  }

  private static Map<String, String> read(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return files;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(f).toString().replace('\\', '/'), Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private static void write(Path dir, Map<String, String> files) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(f);
        }
      }
    }
    for (Map.Entry<String, String> e : files.entrySet()) {
      Path f = dir.resolve(e.getKey());
      Files.createDirectories(f.getParent());
      Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
    }
  }
}
