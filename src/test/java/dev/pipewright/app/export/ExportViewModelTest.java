package dev.pipewright.app.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.app.desktop.TaskExecutor;
import dev.pipewright.exporters.ExportFormat;
import dev.pipewright.exporters.Exports;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.io.PipelineFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export dialog's state against the real exporters and real files, without the FX toolkit. */
class ExportViewModelTest {
  static final Path EXAMPLE = Path.of("examples", "cqrs-read-model.yaml");

  @TempDir Path out;

  private ExportViewModel vm() throws Exception {
    return new ExportViewModel(PipelineFile.load(EXAMPLE), EXAMPLE, TaskExecutor.synchronous());
  }

  private static long filesUnder(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).count();
    }
  }

  @Test
  void thePreviewListsEveryFileOfTheChosenFormatsUnderTheirSubFolders() throws Exception {
    ExportViewModel vm = vm();
    vm.chosen(ExportFormat.STRIMZI).set(true);

    assertThat(vm.problemsProperty().get()).isEmpty();
    assertThat(vm.filesProperty().get()).extracting(ExportViewModel.PreviewFile::path)
        .anyMatch(p -> p.startsWith("connect/") && p.endsWith(".json"))
        .anyMatch(p -> p.startsWith("strimzi/") && p.endsWith(".yaml"));
    assertThat(vm.filesProperty().get()).filteredOn(f -> f.path().startsWith("connect/") && f.path().endsWith(".json"))
        .anyMatch(f -> f.content().contains("\"connector.class\""));
  }

  @Test
  void exportWritesWhatThePreviewShowed() throws Exception {
    ExportViewModel vm = vm();
    vm.chosen(ExportFormat.STRIMZI).set(true);
    vm.folderProperty().set(out.resolve("deploy").toString());

    vm.export();

    for (ExportViewModel.PreviewFile f : vm.filesProperty().get()) {
      assertThat(out.resolve("deploy").resolve(f.path())).hasContent(f.content());
    }
    assertThat(out.resolve("deploy/connect").resolve(Exports.MARKER)).exists();
    assertThat(vm.writtenProperty().get()).isEqualTo(out.resolve("deploy").toAbsolutePath());
    assertThat(vm.statusProperty().get()).startsWith("Wrote " + vm.filesProperty().get().size() + " files");
  }

  @Test
  void aPipelineWithValidationErrorsListsThemAndWritesNothing() throws Exception {
    Pipeline broken = PipelineFile.load(EXAMPLE);
    String sink = broken.nodes().stream().filter(n -> n.kind().isSink()).findFirst().orElseThrow().name();
    for (Edge e : broken.edges()) {
      if (e.to().equals(sink)) {
        broken = broken.withoutEdge(e);
      }
    }
    ExportViewModel vm = new ExportViewModel(broken, EXAMPLE, TaskExecutor.synchronous());
    vm.folderProperty().set(out.resolve("deploy").toString());

    vm.export();

    assertThat(vm.problemsProperty().get()).isNotEmpty()
        .allSatisfy(p -> assertThat(p.message()).isNotBlank())
        .anyMatch(p -> p.where().contains(sink) && !p.fix().isBlank());
    assertThat(vm.filesProperty().get()).isEmpty();
    assertThat(vm.canExportProperty().get()).isFalse();
    assertThat(filesUnder(out)).isZero();
  }

  @Test
  void aSubFolderHoldingSomeoneElsesFilesStopsEveryFormat() throws Exception {
    ExportViewModel vm = vm();
    vm.chosen(ExportFormat.STRIMZI).set(true);
    Path theirs = out.resolve("deploy/strimzi/notes.txt");
    Files.createDirectories(theirs.getParent());
    Files.writeString(theirs, "mine");
    vm.folderProperty().set(out.resolve("deploy").toString());

    vm.export();

    assertThat(vm.statusProperty().get()).contains("holds files Pipewright did not write").contains("nothing was written");
    assertThat(out.resolve("deploy/connect")).doesNotExist();
    assertThat(filesUnder(out)).isEqualTo(1);
  }

  @Test
  void exportNeedsAFormatAndAFolder() throws Exception {
    ExportViewModel vm = vm();
    vm.folderProperty().set("");
    assertThat(vm.canExportProperty().get()).isFalse();
    vm.folderProperty().set(out.toString());
    assertThat(vm.canExportProperty().get()).isTrue();
    vm.chosen(ExportFormat.CONNECT).set(false);
    assertThat(vm.canExportProperty().get()).isFalse();
    assertThat(vm.statusProperty().get()).isEqualTo("Choose at least one format.");
  }
}
