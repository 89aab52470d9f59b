package dev.pipewright.app.attach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.app.desktop.AppHome;
import dev.pipewright.app.desktop.DesktopApp;
import dev.pipewright.app.desktop.MainView;
import dev.pipewright.app.desktop.Png;
import dev.pipewright.app.desktop.TaskExecutor;
import dev.pipewright.model.Cluster;
import dev.pipewright.model.Credentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** File › Attach… with its Security section, on a real stage (Monocle headless). */
class AttachDialogTest {
  @TempDir Path home;
  @TempDir Path dir;
  private final FxRobot robot = new FxRobot();
  private MainView view;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
    Platform.setImplicitExit(false);
  }

  @AfterEach
  void close() {
    robot.interact(() -> {
      Window.getWindows().stream().filter(w -> w != view.stage()).toList().forEach(Window::hide);
      view.stage().hide();
    });
  }

  @Test
  void securitySectionRefusesALiteralPasswordInPlaceAndAttachesWithTheReference() throws Exception {
    AtomicReference<Dialog<Cluster>> dialog = new AtomicReference<>();
    AttachViewModel vm = new AttachViewModel();
    robot.interact(() -> {
      Stage stage = new Stage();
      view = DesktopApp.create(stage, new AppHome(home), TaskExecutor.synchronous());
      view.show();
      dialog.set(AttachDialog.create(view.stage(), vm));
      dialog.get().show();
    });
    WaitForAsyncUtils.waitForFxEvents();
    TitledPane security = robot.lookup("#attach-security").queryAs(TitledPane.class);
    assertThat(security.isExpanded()).as("collapsed by default").isFalse();
    assertThat(robot.lookup("#attach-mechanism").queryAs(Node.class).isDisabled()).isTrue();

    robot.clickOn(security.lookup(".title"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(security.isExpanded()).isTrue();

    robot.interact(() -> {
      vm.connectUrlProperty().set("https://connect.prod.example.com:8083");
      vm.bootstrapProperty().set("kafka-1.prod.example.com:9094,kafka-2.prod.example.com:9094");
      vm.protocolProperty().set("SASL_SSL");
      vm.text(AttachViewModel.Field.TRUSTSTORE).set(Path.of(System.getProperty("java.home"), "lib", "security", "cacerts").toString());
    });
    assertThat(robot.lookup("#attach-mechanism").queryAs(Node.class).isDisabled()).isFalse();
    robot.clickOn("#attach-username").write("svc-pipewright");
    robot.clickOn("#attach-password").write("hunter2");
    robot.clickOn("Attach");
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(dialog.get().isShowing()).as("a refused field keeps the dialog open").isTrue();
    Label error = robot.lookup("#attach-error-password").queryAs(Label.class);
    assertThat(error.isVisible()).as(() -> java.util.Arrays.stream(AttachViewModel.Field.values())
        .map(f -> f + "=" + vm.text(f).get() + " -> " + vm.error(f).get()).toList().toString()).isTrue();
    assertThat(error.getText()).isEqualTo("Use a reference such as ${env:KAFKA_PASSWORD}; secrets are never stored in plain text.");
    snapshot(dialog.get(), Path.of("target", "screenshots", "attach-security.png"));

    String ref = "${file:" + Files.writeString(dir.resolve("kafka.properties"), "kafka=x\n") + ":kafka}";
    robot.interact(() -> vm.text(AttachViewModel.Field.PASSWORD).set(ref));
    assertThat(error.isVisible()).as("editing clears the refusal").isFalse();
    robot.clickOn("Attach");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(dialog.get().isShowing()).isFalse();
    Cluster c = dialog.get().getResult();
    assertThat(c.security().credentials()).isEqualTo(new Credentials("svc-pipewright", ref));
    assertThat(c.security().saslMechanism()).isEqualTo("SCRAM-SHA-512");
  }

  private void snapshot(Dialog<?> d, Path file) throws Exception {
    AtomicReference<WritableImage> image = new AtomicReference<>();
    robot.interact(() -> image.set(d.getDialogPane().getScene().getRoot().snapshot(null, null)));
    Png.write(image.get(), file);
  }
}
