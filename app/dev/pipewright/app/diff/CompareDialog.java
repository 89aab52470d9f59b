package dev.pipewright.app.diff;

import dev.pipewright.app.desktop.MainViewModel;
import javafx.scene.control.Alert;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Stage;

/**
 * The "Compare with cluster…" action: confirms the Kafka Connect URL (empty compares only the
 * topics, when the pipeline's cluster has bootstrap servers), compares in the background
 * and puts the drift on the canvas and in the Problems table (via {@link MainViewModel#showDrift}).
 */
public final class CompareDialog {
  private CompareDialog() {}

  /** Asks for the URL (prefilled from the pipeline's cluster) and starts the comparison. */
  public static void open(Stage owner, MainViewModel vm) {
    var pipeline = vm.document().pipeline();
    TextInputDialog ask = new TextInputDialog(ClusterDiffViewModel.defaultUrl(pipeline));
    ask.initOwner(owner);
    ask.setTitle("Compare with cluster");
    boolean topics = pipeline.cluster() != null && !pipeline.cluster().embedded();
    ask.setHeaderText("Compare the drawing with what a Kafka Connect cluster runs"
        + (topics ? "\nand with the topics on Kafka at " + pipeline.cluster().bootstrapServers() : ""));
    ask.setContentText("Connect URL:");
    ask.getDialogPane().setId("compare-dialog");
    ask.getEditor().setId("compare-url");
    ask.getEditor().setPrefColumnCount(30);
    ask.showAndWait().ifPresent(url -> new ClusterDiffViewModel(vm.tasks()).compare(pipeline, vm.file(), url,
        outcome -> {
          if (!outcome.failed() && vm.document().pipeline() == pipeline) {
            vm.showDrift(outcome.findings());
          }
          Alert told = new Alert(outcome.failed() ? Alert.AlertType.WARNING : Alert.AlertType.INFORMATION,
              outcome.summary(url.trim()));
          told.initOwner(owner);
          told.setTitle("Compare with cluster");
          told.setHeaderText(null);
          told.getDialogPane().setId("compare-outcome");
          told.show(); // not modal-waiting: the badges are already on the canvas behind it
        }));
  }
}
