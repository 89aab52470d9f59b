package dev.pipewright.app.attach;

import dev.pipewright.app.desktop.TaskExecutor;
import dev.pipewright.canvas.layout.Layout;
import dev.pipewright.model.Pipeline;
import java.time.Duration;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * File > Attach to running pipeline…: asks for a Connect URL and a Kafka bootstrap, reads the
 * deployed pipeline off the UI thread and hands the laid-out drawing to {@code open} (which
 * replaces the document and starts monitoring). Failures and left-out connectors are told in a
 * sentence.
 */
public final class AttachDialog {
  private AttachDialog() {}

  public static void show(Window owner, TaskExecutor tasks, Consumer<Pipeline> open) {
    TextField connect = new TextField("http://localhost:8083");
    connect.setId("attach-connect-url");
    TextField bootstrap = new TextField("localhost:9092");
    bootstrap.setId("attach-bootstrap");
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(8);
    grid.addRow(0, new Label("Kafka Connect URL"), connect);
    grid.addRow(1, new Label("Kafka bootstrap servers"), bootstrap);
    connect.setPrefColumnCount(28);
    Dialog<ButtonType> d = new Dialog<>();
    d.initOwner(owner);
    d.setTitle("Attach to running pipeline");
    d.setHeaderText("Read the deployed connectors and topics, draw them and monitor them.\nSecrets are not copied.");
    d.getDialogPane().setContent(grid);
    d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    if (d.showAndWait().filter(b -> b == ButtonType.OK).isEmpty()) {
      return;
    }
    String url = connect.getText().trim();
    String servers = bootstrap.getText().trim();
    tasks.submit(() -> AttachClient.read(url, servers, Duration.ofSeconds(10)), r -> {
      open.accept(Layout.apply(r.pipeline()));
      if (!r.notes().isEmpty()) {
        message(owner, Alert.AlertType.INFORMATION, "Some connectors were left out", String.join("\n", r.notes()));
      }
    }, e -> message(owner, Alert.AlertType.ERROR, "Could not attach", e.getMessage()));
  }

  private static void message(Window owner, Alert.AlertType type, String header, String text) {
    Alert a = new Alert(type, text, ButtonType.OK);
    a.initOwner(owner);
    a.setHeaderText(header);
    a.show();
  }
}
