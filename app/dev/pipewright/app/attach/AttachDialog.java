package dev.pipewright.app.attach;

import dev.pipewright.app.attach.AttachViewModel.Field;
import dev.pipewright.app.desktop.MainView;
import dev.pipewright.app.desktop.TaskExecutor;
import dev.pipewright.app.desktop.inspector.ReferenceHelper;
import dev.pipewright.canvas.layout.Layout;
import dev.pipewright.model.Cluster;
import dev.pipewright.model.Pipeline;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Window;

/**
 * File > Attach to running pipeline…: asks for a Connect URL and a Kafka bootstrap, and in a
 * collapsed "Security" section for SASL/TLS settings and Connect's basic auth (passwords as
 * references only), reads the deployed pipeline off the UI thread and hands the laid-out drawing
 * to {@code open} (which replaces the document and starts monitoring). Checking lives in
 * {@link AttachViewModel}; refused fields show the reason under them and the dialog stays open.
 */
public final class AttachDialog {
  private AttachDialog() {}

  public static void show(Window owner, TaskExecutor tasks, Consumer<Pipeline> open) {
    Dialog<Cluster> d = create(owner, new AttachViewModel());
    Cluster cluster = d.showAndWait().orElse(null);
    if (cluster == null) {
      return;
    }
    tasks.submit(() -> AttachClient.read(cluster, Duration.ofSeconds(10)), r -> {
      open.accept(Layout.apply(r.pipeline()));
      if (!r.notes().isEmpty()) {
        message(owner, Alert.AlertType.INFORMATION, "Some connectors were left out", String.join("\n", r.notes()));
      }
    }, e -> message(owner, Alert.AlertType.ERROR, "Could not attach", e.getMessage()));
  }

  /**
   * The dialog, not yet shown; its result is the checked cluster, or null when cancelled. OK is
   * refused (the dialog stays open) while a field has a problem.
   */
  public static Dialog<Cluster> create(Window owner, AttachViewModel vm) {
    GridPane main = grid();
    row(main, 0, "Kafka Connect URL", text(vm, Field.CONNECT_URL, "attach-connect-url", "http://localhost:8083"), vm, Field.CONNECT_URL);
    row(main, 2, "Kafka bootstrap servers", text(vm, Field.BOOTSTRAP, "attach-bootstrap", "localhost:9092"), vm, Field.BOOTSTRAP);

    TitledPane security = new TitledPane("Security (SASL, TLS, Connect login)", securityForm(owner, vm));
    security.setId("attach-security");
    security.setExpanded(false);
    security.setAnimated(false);

    VBox content = new VBox(12, main, security);
    content.setPrefWidth(640);
    Dialog<Cluster> d = new Dialog<>();
    d.initOwner(owner);
    d.setTitle("Attach to running pipeline");
    d.setHeaderText("Read the deployed connectors and topics, draw them and monitor them.\n"
        + "Passwords are references (${env:…} or ${file:…}); no secret is copied or saved.");
    d.setResizable(true);
    d.getDialogPane().setId("attach-dialog");
    d.getDialogPane().getStylesheets().add(MainView.STYLESHEET);
    d.getDialogPane().setContent(content);
    d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    Button ok = (Button) d.getDialogPane().lookupButton(ButtonType.OK);
    ok.setText("Attach");
    // the cluster the filter checked is the one returned: building it reads password files
    AtomicReference<Cluster> checked = new AtomicReference<>();
    ok.addEventFilter(ActionEvent.ACTION, e -> {
      checked.set(vm.cluster().orElse(null));
      if (checked.get() == null) {
        e.consume();
        if (List.of(Field.USERNAME, Field.PASSWORD, Field.TRUSTSTORE, Field.CONNECT_USERNAME, Field.CONNECT_PASSWORD)
            .stream().anyMatch(f -> !vm.error(f).get().isEmpty())) {
          security.setExpanded(true);
        }
      }
    });
    d.setResultConverter(b -> b == ButtonType.OK ? checked.get() : null);
    d.getDialogPane().heightProperty().addListener((obs, was, now) -> fitOnScreen(d));
    security.expandedProperty().addListener((obs, was, now) -> d.getDialogPane().requestLayout());
    return d;
  }

  /** The pane grows when Security opens: keep the window around it and its buttons on the screen. */
  private static void fitOnScreen(Dialog<?> d) {
    if (d.getDialogPane().getScene() == null || d.getDialogPane().getScene().getWindow() == null) {
      return;
    }
    Window w = d.getDialogPane().getScene().getWindow();
    w.sizeToScene();
    List<Screen> screens = Screen.getScreensForRectangle(w.getX(), w.getY(), w.getWidth(), w.getHeight());
    Rectangle2D bounds = (screens.isEmpty() ? Screen.getPrimary() : screens.get(0)).getVisualBounds();
    if (w.getY() + w.getHeight() > bounds.getMaxY()) {
      w.setY(Math.max(bounds.getMinY(), bounds.getMaxY() - w.getHeight()));
    }
  }

  private static Node securityForm(Window owner, AttachViewModel vm) {
    GridPane g = grid();
    int r = 0;
    g.add(heading("Kafka"), 0, r++, 2, 1);

    ComboBox<String> protocol = new ComboBox<>();
    protocol.setId("attach-protocol");
    protocol.getItems().setAll(vm.protocols());
    protocol.valueProperty().bindBidirectional(vm.protocolProperty());
    row(g, r, "Security protocol", protocol, null, null);
    r += 2;

    ComboBox<String> mechanism = new ComboBox<>();
    mechanism.setId("attach-mechanism");
    mechanism.getItems().setAll(vm.mechanisms());
    mechanism.valueProperty().bindBidirectional(vm.mechanismProperty());
    mechanism.disableProperty().bind(vm.saslProperty().not());
    row(g, r, "SASL mechanism", mechanism, null, null);
    r += 2;

    TextField user = text(vm, Field.USERNAME, "attach-username", "SASL user");
    user.disableProperty().bind(vm.saslProperty().not());
    row(g, r, "User", user, vm, Field.USERNAME);
    r += 2;

    Node password = password(vm, Field.PASSWORD, "attach-password");
    password.disableProperty().bind(vm.saslProperty().not());
    row(g, r, "Password", password, vm, Field.PASSWORD);
    r += 2;

    TextField trust = text(vm, Field.TRUSTSTORE, "attach-truststore", "JVM default CAs");
    trust.setTooltip(new Tooltip("CA certificates (PEM, JKS or PKCS12) that signed the broker's and the Connect worker's certificates"));
    Button choose = new Button("Choose…");
    choose.setId("attach-truststore-choose");
    choose.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    choose.setOnAction(e -> {
      FileChooser fc = new FileChooser();
      fc.setTitle("Truststore");
      fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Truststores", "*.pem", "*.crt", "*.jks", "*.p12", "*.pfx"),
          new FileChooser.ExtensionFilter("All files", "*"));
      String current = vm.text(Field.TRUSTSTORE).get();
      if (current != null && !current.isBlank()) {
        File parent = Path.of(current.trim()).toAbsolutePath().getParent().toFile();
        if (parent.isDirectory()) {
          fc.setInitialDirectory(parent);
        }
      }
      File f = fc.showOpenDialog(owner);
      if (f != null) {
        vm.text(Field.TRUSTSTORE).set(f.getAbsolutePath());
      }
    });
    HBox trustLine = new HBox(6, trust, choose);
    HBox.setHgrow(trust, Priority.ALWAYS);
    trustLine.disableProperty().bind(vm.tlsProperty().not());
    row(g, r, "Truststore", trustLine, vm, Field.TRUSTSTORE);
    r += 2;

    g.add(heading("Kafka Connect (basic auth)"), 0, r++, 2, 1);
    row(g, r, "User", text(vm, Field.CONNECT_USERNAME, "attach-connect-username", "none"), vm, Field.CONNECT_USERNAME);
    r += 2;
    row(g, r, "Password", password(vm, Field.CONNECT_PASSWORD, "attach-connect-password"), vm, Field.CONNECT_PASSWORD);
    return g;
  }

  /** A reference field with the inspector's "Reference…" helper. */
  private static Node password(AttachViewModel vm, Field f, String id) {
    String example = "${env:" + AttachViewModel.suggestedVariable(f) + "}";
    // masked like the inspector's secret fields: a secret pasted by mistake is not shown on screen
    TextField t = bind(new PasswordField(), vm, f, id, example);
    t.setTooltip(new Tooltip("A reference: ${env:NAME} or ${file:path:key}. The value itself stays outside the file."));
    ReferenceHelper helper = new ReferenceHelper(id, AttachViewModel.suggestedVariable(f),
        (provider, name, key) -> vm.useReference(f, provider, name, key), () -> { });
    helper.show(vm.text(f).get());
    vm.text(f).addListener((obs, was, now) -> helper.show(now));
    HBox line = new HBox(6, t, helper.toggle());
    HBox.setHgrow(t, Priority.ALWAYS);
    line.setAlignment(Pos.CENTER_LEFT);
    return new VBox(4, line, helper.shown(), helper.box());
  }

  private static TextField text(AttachViewModel vm, Field f, String id, String prompt) {
    return bind(new TextField(), vm, f, id, prompt);
  }

  private static TextField bind(TextField t, AttachViewModel vm, Field f, String id, String prompt) {
    t.setId(id);
    t.setPromptText(prompt);
    t.textProperty().bindBidirectional(vm.text(f));
    return t;
  }

  /** Label and control on {@code row}, the field's refusal (if any) under the control. */
  private static void row(GridPane g, int row, String label, Node control, AttachViewModel vm, Field f) {
    Label l = new Label(label);
    GridPane.setValignment(l, javafx.geometry.VPos.TOP);
    l.setPadding(new Insets(8, 0, 0, 0));
    g.add(l, 0, row);
    g.add(control, 1, row);
    if (vm != null) {
      Label error = new Label();
      error.setId("attach-error-" + f.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
      error.getStyleClass().add("field-error");
      error.setWrapText(true);
      error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
      error.textProperty().bind(vm.error(f));
      error.visibleProperty().bind(vm.error(f).isNotEmpty());
      error.managedProperty().bind(error.visibleProperty());
      g.add(error, 1, row + 1);
    }
  }

  private static Label heading(String text) {
    Label l = new Label(text);
    l.setStyle("-fx-font-weight: bold;");
    return l;
  }

  private static GridPane grid() {
    GridPane g = new GridPane();
    g.setHgap(10);
    g.setVgap(6);
    ColumnConstraints labels = new ColumnConstraints();
    labels.setMinWidth(150);
    ColumnConstraints fields = new ColumnConstraints();
    fields.setHgrow(Priority.ALWAYS);
    fields.setFillWidth(true);
    g.getColumnConstraints().addAll(labels, fields);
    return g;
  }

  private static void message(Window owner, Alert.AlertType type, String header, String text) {
    Alert a = new Alert(type, text, ButtonType.OK);
    a.initOwner(owner);
    a.setHeaderText(header);
    a.show();
  }
}
