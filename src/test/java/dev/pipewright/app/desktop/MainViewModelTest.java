package dev.pipewright.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.canvas.command.AddNode;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main window's state and file handling, without the FX toolkit. */
class MainViewModelTest {
  @TempDir Path home;

  private MainViewModel vm() {
    return new MainViewModel(new AppHome(home), TaskExecutor.synchronous());
  }

  @Test
  void titleShowsTheUnsavedMarkerAfterAnEditAndNotAfterUndo() {
    MainViewModel vm = vm();
    vm.newDocument(Pipeline.empty("shop-orders"));
    assertThat(vm.titleProperty().get()).isEqualTo("shop-orders — Pipewright");

    vm.document().execute(new AddNode(Node.of("db", NodeKind.POSTGRES)));
    assertThat(vm.titleProperty().get()).isEqualTo("• shop-orders — Pipewright");

    vm.document().undo();
    assertThat(vm.titleProperty().get()).isEqualTo("shop-orders — Pipewright");
  }

  @Test
  void themeChoiceIsRememberedForTheNextStart() {
    vm().setDarkTheme(true);

    assertThat(vm().darkThemeProperty().get()).isTrue();
  }

  @Test
  void autosaveDoesNothingWhileTheDocumentIsSaved() {
    MainViewModel vm = vm();
    vm.newDocument(Pipeline.empty("p"));

    vm.autosave();

    assertThat(vm.recoveryFile()).doesNotExist();
    assertThat(vm.pendingRecoveries()).isEmpty();
  }

  @Test
  void openingABrokenFileChangesNothingAndListsEveryProblemWithItsLine() throws Exception {
    MainViewModel vm = vm();
    vm.newDocument(Pipeline.empty("kept"));
    Path broken = home.resolve("broken.yaml");
    java.nio.file.Files.writeString(broken, "apiVersion: pipewright/v1\nname: b\nnodes:\n  - name: db\n"
        + "    kind: postgres\n    properties:\n      port: fifty\n");

    FileOutcome outcome = vm.open(broken);

    assertThat(outcome.ok()).isFalse();
    assertThat(outcome.details()).singleElement().asString().contains("broken.yaml:7:").contains("port");
    assertThat(vm.document().pipeline().name()).isEqualTo("kept");
    assertThat(vm.file()).isNull();
  }

  @Test
  void savedDocumentReopensAsTheSameModelAndIsRemembered() {
    MainViewModel vm = vm();
    vm.newDocument(Pipeline.empty("shop"));
    vm.document().execute(new AddNode(new Node("db", NodeKind.POSTGRES, new dev.pipewright.model.Position(16, 32),
        java.util.Map.of("password", "${env:PG_PASSWORD}"))));
    Path file = home.resolve("shop.yaml");

    assertThat(vm.saveAs(file).ok()).isTrue();
    assertThat(vm.titleProperty().get()).isEqualTo("shop — Pipewright");

    MainViewModel other = vm();
    assertThat(other.open(file).ok()).isTrue();
    assertThat(other.document().pipeline()).isEqualTo(vm.document().pipeline());
    assertThat(other.recentFiles()).first().isEqualTo(file.toAbsolutePath());
  }

  @Test
  void saveRefusesALiteralSecretAndSaysWhichField() {
    MainViewModel vm = vm();
    vm.newDocument(Pipeline.empty("shop"));
    vm.document().execute(new AddNode(new Node("db", NodeKind.POSTGRES, null, java.util.Map.of("password", "hunter2"))));
    Path file = home.resolve("shop.yaml");

    FileOutcome outcome = vm.saveAs(file);

    assertThat(outcome.ok()).isFalse();
    assertThat(String.join("\n", outcome.details())).contains("db").contains("password").doesNotContain("hunter2");
    assertThat(file).doesNotExist();
    assertThat(vm.document().isDirty()).isTrue();
  }

  @Test
  void autosaveWritesARecoveryFileThatANewSessionRestoresAsUnsaved() {
    MainViewModel crashed = vm();
    crashed.newDocument(Pipeline.empty("draft"));
    crashed.document().execute(new AddNode(Node.of("db", NodeKind.POSTGRES)));
    crashed.autosave();
    assertThat(crashed.recoveryFile()).exists();

    MainViewModel next = vm();
    var pending = next.pendingRecoveries();
    assertThat(pending).hasSize(1);
    assertThat(next.recover(pending.get(0)).ok()).isTrue();

    assertThat(next.document().pipeline().hasNode("db")).isTrue();
    assertThat(next.document().isDirty()).isTrue();
    assertThat(next.document().undoLabelProperty().get()).isEqualTo("Undo Recover unsaved changes");
  }
}
