package dev.pipewright.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.model.Pipeline;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Thousands of mutated copies of valid files, with a fixed seed so a failure reproduces. Every
 * outcome must be a pipeline that survives a save/load round trip, or located problems; nothing
 * else may escape.
 */
class PipelineFileFuzzTest {
  private static final long SEED = 20261121L;
  private static final int CASES = 3000;
  private static final List<String> SEEDS = List.of("canonical.yaml", "styled.yaml", "minimal.yaml");
  private static final String[] TOKENS = {
      ":", ": ", "- ", "-", "[", "]", "{", "}", "#", "&a ", "*a", "!!java.lang.Object ", "!x ", "|", ">", "'",
      "\"", "%", "@", "`", ",", "?", "~", "null", "true", "0x1F", ".inf", "1e400", "\t", "\\", "---", "...",
      "nodes:", "kind: ", "name: ", "properties:", "edges:", "from: ", "to: ", "\u00e9", "\u2028", "\uFEFF",
      "\u0000", "\u0085", "${env:X}", "  ", "\n", "\r\n", "<<: *a"};

  private final Random random = new Random(SEED);
  private int pipelines;
  private int refusals;

  @Test
  void mutatedFilesLoadOrFailWithLocatedProblems() throws Exception {
    List<byte[]> seeds = new ArrayList<>();
    for (String s : SEEDS) {
      seeds.add(PipelineFileRoundTripTest.resource(s));
    }
    for (int i = 0; i < CASES; i++) {
      byte[] bytes = seeds.get(random.nextInt(seeds.size()));
      int rounds = 1 + random.nextInt(3);
      StringBuilder applied = new StringBuilder();
      for (int r = 0; r < rounds; r++) {
        int m = random.nextInt(13);
        applied.append(m).append(' ');
        bytes = mutate(m, bytes);
      }
      check(bytes, "case " + i + " (mutations " + applied.toString().trim() + ")");
    }
    // Both outcomes must actually occur, or the mutations are too weak (or too strong) to test anything.
    assertThat(pipelines).as("mutants that still load").isGreaterThan(CASES / 50);
    assertThat(refusals).as("mutants refused").isGreaterThan(CASES / 2);
  }

  private void check(byte[] bytes, String label) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    // YAML also breaks lines at NEL, LS and PS, and so do the line numbers the parser reports.
    long lines = text.split("\r\n|[\n\r\u0085\u2028\u2029]", -1).length;
    Pipeline p;
    try {
      p = PipelineFile.parse(bytes, "fuzz.yaml");
    } catch (PipelineFileException e) {
      refusals++;
      assertThat(e.problems()).as(label).isNotEmpty();
      for (FileProblem problem : e.problems()) {
        assertThat(problem.message()).as(label).isNotBlank();
        assertThat(problem.file()).as(label).isEqualTo("fuzz.yaml");
        if (problem.line() == 0) {
          assertThat(problem.column()).as(label + ": whole-file problem " + problem).isZero();
        } else {
          assertThat(problem.line()).as(label + ": " + problem).isBetween(1, (int) lines + 1);
          assertThat(problem.column()).as(label + ": " + problem).isGreaterThanOrEqualTo(1);
        }
        assertThat(problem.format()).as(label).doesNotContain("Exception", "\tat ", "null:");
      }
      return;
    }
    pipelines++;
    String yaml = PipelineFile.toYaml(p);
    try {
      Pipeline again = PipelineFile.parse(yaml, "saved.yaml");
      assertThat(again).as(label + ": the saved form reads back equal\n" + yaml).isEqualTo(p);
      assertThat(PipelineFile.toYaml(again)).as(label + ": saving is stable").isEqualTo(yaml);
    } catch (PipelineFileException e) {
      throw new AssertionError(label + ": the saved form of a loaded pipeline does not load:\n" + e.getMessage()
          + "\n---\n" + yaml, e);
    }
  }

  private byte[] mutate(int kind, byte[] bytes) {
    List<String> lines = new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n", -1)));
    int at = random.nextInt(lines.size());
    switch (kind) {
      case 0 -> lines.remove(at);
      case 1 -> lines.add(at, lines.get(at));
      case 2 -> {
        int other = random.nextInt(lines.size());
        String t = lines.get(at);
        lines.set(at, lines.get(other));
        lines.set(other, t);
      }
      case 3 -> lines.set(at, replaceChar(lines.get(at)));
      case 4 -> {
        return Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
      }
      case 5 -> lines.set(at, "\t" + lines.get(at));
      case 6 -> lines.set(at, reindent(lines.get(at)));
      case 7 -> {
        return insertRandomBytes(bytes);
      }
      case 8 -> lines.set(at, insert(lines.get(at), "x".repeat(random.nextBoolean() ? 20_000 : 70_000)));
      case 9 -> lines.set(at, random.nextBoolean() ? insert(lines.get(at), "&a ") : aliasValue(lines.get(at)));
      case 10 -> lines.set(at, insert(lines.get(at), TOKENS[random.nextInt(TOKENS.length)]));
      case 11 -> lines.add(at, random.nextBoolean() ? "---" : lines.get(random.nextInt(lines.size())));
      default -> lines.set(at, changeValue(lines.get(at)));
    }
    return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
  }

  private String replaceChar(String line) {
    if (line.isEmpty()) {
      return TOKENS[random.nextInt(TOKENS.length)];
    }
    int i = random.nextInt(line.length());
    char c = random.nextInt(4) == 0 ? (char) random.nextInt(0x3000) : ":-[]{}#&*!|>'\"%@`, \t".charAt(random.nextInt(20));
    return line.substring(0, i) + c + line.substring(i + 1);
  }

  private String reindent(String line) {
    int shift = random.nextInt(7) - 3;
    if (shift < 0) {
      return line.substring(Math.min(line.length(), -shift));
    }
    return " ".repeat(shift) + line;
  }

  private String insert(String line, String what) {
    int i = random.nextInt(line.length() + 1);
    return line.substring(0, i) + what + line.substring(i);
  }

  private String aliasValue(String line) {
    int colon = line.indexOf(": ");
    return colon < 0 ? line + " *a" : line.substring(0, colon + 2) + "*a";
  }

  /** Replaces a value with one of a different type, the mistakes people make when editing by hand. */
  private String changeValue(String line) {
    int colon = line.indexOf(": ");
    String[] values = {"", "abc", "-5", "99999999999999999999", "yes", "~", "[1, 2]", "{a: b}", "5s", "0.5",
        "'quoted'", "\"${env:X}\"", "hunter2", "postgres", "1h", "30 days"};
    String v = values[random.nextInt(values.length)];
    return colon < 0 ? line : line.substring(0, colon + 2) + v;
  }

  private byte[] insertRandomBytes(byte[] bytes) {
    int at = random.nextInt(bytes.length + 1);
    byte[] junk = new byte[1 + random.nextInt(8)];
    random.nextBytes(junk);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(bytes, 0, at);
    out.write(junk, 0, junk.length);
    out.write(bytes, at, bytes.length - at);
    return out.toByteArray();
  }
}
