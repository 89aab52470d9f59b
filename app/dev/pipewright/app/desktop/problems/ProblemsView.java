package dev.pipewright.app.desktop.problems;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.pipewright.model.Finding;
import dev.pipewright.model.Severity;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/**
 * The problems panel under the canvas: one row per lint finding with its severity, rule, place,
 * message and fix. Clicking a row hands the finding to {@code onSelect} (the main view selects
 * and centres its node).
 */
public final class ProblemsView extends VBox {
  private final TableView<Finding> table = new TableView<>();

  public ProblemsView(ProblemsViewModel vm, Consumer<Finding> onSelect) {
    setId("problems");
    getStyleClass().addAll("problems", "panel");
    Label summary = new Label();
    summary.setId("problems-summary");
    summary.textProperty().bind(vm.summaryProperty());
    summary.getStyleClass().add(Styles.TEXT_MUTED);
    // The tab above says "Problems"; the header only summarises.
    HBox header = new HBox(12, summary);
    header.getStyleClass().add("panel-header");
    header.setStyle("-fx-padding: 6 12 6 12;");

    table.setId("problems-table");
    table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
    table.setItems(vm.findings());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    Label empty = new Label("No problems: the design follows every rule.");
    empty.getStyleClass().add(Styles.TEXT_MUTED);
    table.setPlaceholder(empty);

    TableColumn<Finding, Severity> severity = new TableColumn<>("");
    severity.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().severity()));
    severity.setCellFactory(c -> new SeverityCell());
    severity.setPrefWidth(96);
    severity.setMinWidth(96);
    severity.setMaxWidth(96);
    severity.setSortable(false);

    table.getColumns().add(severity);
    TableColumn<Finding, String> rule = text("Rule", Finding::ruleId, 190, false);
    rule.setMinWidth(150);
    TableColumn<Finding, String> where = text("Where", ProblemsView::place, 170, true);
    where.setMinWidth(140);
    TableColumn<Finding, String> message = text("Message", Finding::message, 400, true);
    message.setMinWidth(160);
    TableColumn<Finding, String> fix = text("Fix", Finding::fix, 360, true);
    fix.setMinWidth(160);
    table.getColumns().add(rule);
    table.getColumns().add(where);
    table.getColumns().add(message);
    table.getColumns().add(fix);

    table.setRowFactory(tv -> {
      TableRow<Finding> row = new TableRow<>();
      row.setOnMouseClicked(e -> {
        if (!row.isEmpty()) {
          onSelect.accept(row.getItem());
        }
      });
      return row;
    });
    VBox.setVgrow(table, Priority.ALWAYS);
    getChildren().addAll(header, table);
  }

  public TableView<Finding> table() {
    return table;
  }

  /** Where a finding applies, compactly: the node (and field), the edge, or the pipeline. */
  static String place(Finding f) {
    if (f.node() != null) {
      return f.field() == null ? f.node() : f.node() + " · " + f.field();
    }
    if (f.edge() != null) {
      return f.edge().from() + " → " + f.edge().to();
    }
    return "pipeline";
  }

  /** A text column; wrapping ones grow rows so the whole message and fix can be read. */
  private static TableColumn<Finding, String> text(String name, java.util.function.Function<Finding, String> f,
      double width, boolean wrap) {
    TableColumn<Finding, String> c = new TableColumn<>(name);
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
    c.setPrefWidth(width);
    c.setSortable(false);
    c.setCellFactory(col -> new TableCell<>() {
      // A Text with a wrapping width (not a Label) so that the row's height follows the
      // wrapped text: tables ask cells for their height without a width.
      private final Text text = new Text();

      {
        text.getStyleClass().add(wrap ? "problem-text" : "problem-rule");
        if (wrap) {
          text.wrappingWidthProperty().bind(col.widthProperty().subtract(18));
        }
      }

      @Override
      protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        if (empty || item == null) {
          setGraphic(null);
          setTooltip(null);
          return;
        }
        text.setText(item);
        setGraphic(text);
        setTooltip(item.isEmpty() ? null : new Tooltip(item));
      }
    });
    return c;
  }

  /** A coloured dot and the severity's name. */
  private static final class SeverityCell extends TableCell<Finding, Severity> {
    @Override
    protected void updateItem(Severity s, boolean empty) {
      super.updateItem(s, empty);
      if (empty || s == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      Region dot = new Region();
      String name = s.name().toLowerCase(Locale.ROOT);
      dot.getStyleClass().addAll("severity", "severity-" + name);
      Label l = new Label(s == Severity.INFO ? "Note" : Character.toUpperCase(name.charAt(0)) + name.substring(1));
      HBox box = new HBox(8, dot, l);
      box.setAlignment(Pos.CENTER_LEFT);
      // Level with the first line of the message, however many lines it wraps to.
      box.setMaxHeight(Region.USE_PREF_SIZE);
      setGraphic(box);
      setText(null);
    }
  }
}
