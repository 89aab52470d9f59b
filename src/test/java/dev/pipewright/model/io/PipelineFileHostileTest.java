package dev.pipewright.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents built to hurt a YAML loader. Each must end in one clear problem: never a stack
 * trace, never a hang, never a class instantiated.
 */
class PipelineFileHostileTest {

  private static final String HEAD = "apiVersion: pipewright/v1\nname: x\n";

  @TempDir
  Path dir;

  private static FileProblem onlyProblem(byte[] bytes) {
    PipelineFileException e = catchThrowableOfType(PipelineFileException.class,
        () -> PipelineFile.parse(bytes, "hostile.yaml"));
    assertThat(e).as("the hostile file must be refused").isNotNull();
    assertThat(e.problems()).as(e.getMessage()).hasSize(1);
    FileProblem p = e.problems().get(0);
    assertThat(p.file()).isEqualTo("hostile.yaml");
    assertThat(p.format()).doesNotContain("Exception", "\tat ");
    return p;
  }

  private static FileProblem onlyProblem(String text) {
    return onlyProblem(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void billionLaughsIsRefusedAtTheFirstAliasWithoutExpandingIt() {
    StringBuilder doc = new StringBuilder(HEAD).append("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 10; i++) {
      doc.append("a").append(i).append(": &a").append(i).append(" [")
          .append(String.join(", ", Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
    }

    FileProblem p = onlyProblem(doc.toString());

    assertThat(p.line()).isEqualTo(4);
    assertThat(p.column()).isEqualTo(10);
    assertThat(p.field()).isEqualTo("a1[0]");
    assertThat(p.message()).contains("aliases (*a0) are not supported", "80 more like it");
  }

  @Test
  void deepFlowNestingIsRefused() {
    FileProblem p = onlyProblem(HEAD + "description: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");

    assertThat(p.line()).isEqualTo(3);
    assertThat(p.message()).contains("nested more than 64 levels deep");
  }

  @Test
  void deepBlockNestingIsRefused() {
    StringBuilder doc = new StringBuilder(HEAD);
    for (int i = 0; i < 500; i++) {
      doc.append("  ".repeat(i)).append("k").append(i).append(":\n");
    }

    FileProblem p = onlyProblem(doc.toString());

    assertThat(p.message()).contains("nested more than 64 levels deep");
    assertThat(p.field()).startsWith("k0.k1.k2");
    assertThat(p.field().length()).isLessThanOrEqualTo(120);
  }

  @Test
  void aMultiMegabyteLineIsRefusedBeforeParsing() {
    FileProblem p = onlyProblem(HEAD + "description: " + "x".repeat(7_000_000) + "\n");

    assertThat(p.line()).isEqualTo(3);
    assertThat(p.message()).isEqualTo("Line 3 is 6.7 MiB long; lines are limited to 65 KiB");
  }

  @Test
  void aMultiMegabyteValueOverManyLinesIsRefused() {
    String block = ("  " + "x".repeat(78) + "\n").repeat(40_000);

    FileProblem p = onlyProblem(HEAD + "description: |\n" + block);

    assertThat(p.line()).isEqualTo(3);
    assertThat(p.field()).isEqualTo("description");
    assertThat(p.message()).contains("values are limited to 64 KiB");
  }

  @Test
  void classTagsAreRefusedAndNeverInstantiated() {
    System.clearProperty(TagCanary.PROPERTY);
    String doc = HEAD + "nodes:\n"
        + "  - !!dev.pipewright.model.io.TagCanary {}\n"
        + "  - !!java.lang.ProcessBuilder [[touch, /tmp/pipewright-pwned]]\n"
        + "  - !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x/\"]]]]\n";

    FileProblem p = onlyProblem(doc);

    assertThat(System.getProperty(TagCanary.PROPERTY)).as("TagCanary's static initialiser ran").isNull();
    assertThat(Path.of("/tmp/pipewright-pwned")).doesNotExist();
    assertThat(p.line()).isEqualTo(4);
    assertThat(p.field()).isEqualTo("nodes[0]");
    assertThat(p.message()).contains("tag '!!dev.pipewright.model.io.TagCanary' is not allowed", "2 more like it");
  }

  @Test
  void aFileOverTheSizeLimitIsRefusedAsAWhole() throws Exception {
    byte[] big = new byte[PipelineFile.MAX_FILE_BYTES + 1];
    java.util.Arrays.fill(big, (byte) '#');
    Path file = dir.resolve("big.yaml");
    Files.write(file, big);

    PipelineFileException e = catchThrowableOfType(PipelineFileException.class, () -> PipelineFile.load(file));

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.wholeFile()).isTrue();
      assertThat(p.file()).isEqualTo(file.toString());
      assertThat(p.message()).contains("more than 8.0 MiB");
    });
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void anEndlessDeviceIsReadOnlyUpToTheLimit() {
    PipelineFileException e = catchThrowableOfType(PipelineFileException.class,
        () -> PipelineFile.load(Path.of("/dev/zero")));

    assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("more than 8.0 MiB"));
  }

  @Test
  void invalidUtf8IsLocated() {
    byte[] bytes = (HEAD + "description: caf\u00e9 au lait\n").getBytes(StandardCharsets.UTF_8);
    int e = indexOf(bytes, (byte) 0xC3);
    bytes[e + 1] = '('; // 0xC3 followed by a non-continuation byte

    FileProblem p = onlyProblem(bytes);

    assertThat(List.of(p.line(), p.column())).containsExactly(3, 17);
    assertThat(p.message()).contains("not valid UTF-8", "0xC3");
  }

  @Test
  void utf16IsRecognised() {
    FileProblem p = onlyProblem(HEAD.getBytes(StandardCharsets.UTF_16));

    assertThat(p.wholeFile()).isTrue();
    assertThat(p.message()).contains("UTF-16");
  }

  @Test
  void randomBinaryJunkGivesOneProblem() {
    Random random = new Random(42);
    for (int i = 0; i < 50; i++) {
      byte[] junk = new byte[1 + random.nextInt(5000)];
      random.nextBytes(junk);
      FileProblem p = onlyProblem(junk);
      assertThat(p.line()).isGreaterThanOrEqualTo(0);
      assertThat(p.message()).isNotBlank();
    }
  }

  @Test
  void controlCharactersAreLocated() {
    FileProblem p = onlyProblem(HEAD + "description: bell\u0007\n");

    assertThat(List.of(p.line(), p.column())).containsExactly(3, 18);
    assertThat(p.message()).contains("U+0007");
  }

  @Test
  void anEmptyFileIsAWholeFileProblem() {
    FileProblem p = onlyProblem(new byte[0]);

    assertThat(p.wholeFile()).isTrue();
    assertThat(p.message()).isEqualTo("The file is empty");
  }

  @Test
  void aListAtTopLevelIsRefused() {
    FileProblem p = onlyProblem("- apiVersion: pipewright/v1\n- name: x\n");

    assertThat(List.of(p.line(), p.column())).containsExactly(1, 1);
    assertThat(p.message()).contains("this file holds a list");
  }

  @Test
  void multipleDocumentsAreRefused() {
    FileProblem p = onlyProblem(HEAD + "---\n" + HEAD + "---\n" + HEAD);

    assertThat(p.line()).isEqualTo(4);
    assertThat(p.message()).contains("more than one YAML document");
  }

  @Test
  void aHundredThousandKeysStopAtTheValueLimit() {
    StringBuilder doc = new StringBuilder(HEAD);
    for (int i = 0; i < 120_000; i++) {
      doc.append('k').append(i).append(": v\n");
    }

    FileProblem p = onlyProblem(doc.toString());

    assertThat(p.message()).contains("more than " + PipelineFile.MAX_VALUES + " values");
  }

  @Test
  void manyProblemsAreCappedWithACount() {
    StringBuilder doc = new StringBuilder(HEAD);
    for (int i = 0; i < 500; i++) {
      doc.append("unknown").append(i).append(": v\n");
    }

    PipelineFileException e = catchThrowableOfType(PipelineFileException.class,
        () -> PipelineFile.parse(doc.toString(), "many.yaml"));

    assertThat(e.problems()).hasSize(Problems.MAX + 1);
    assertThat(e.problems().get(Problems.MAX).message()).isEqualTo("... and 450 more problems not listed");
  }

  @Test
  void missingFilesAndDirectoriesAreProblemsToo() {
    PipelineFileException missing = catchThrowableOfType(PipelineFileException.class,
        () -> PipelineFile.load(dir.resolve("nope.yaml")));
    PipelineFileException directory = catchThrowableOfType(PipelineFileException.class,
        () -> PipelineFile.load(dir));

    assertThat(missing.problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("The file does not exist"));
    assertThat(directory.problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("directory"));
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    throw new AssertionError("byte not found");
  }
}
