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
}
