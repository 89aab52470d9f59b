package dev.pipewright.app.desktop.gallery;

import atlantafx.base.theme.Styles;
import dev.pipewright.canvas.layout.Layout;
import dev.pipewright.model.Category;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Node;
import dev.pipewright.model.Pipeline;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The template gallery, laid over the canvas: a card per example pipeline with its name,
 * description, a small drawing of its shape and a count of its parts, and the blank pipeline.
 * Choosing a card hands its template to {@code onChoose}; Close (or Escape) keeps the current
 * document.
 */
public final class TemplateGalleryView extends VBox {
  private static final double CARD_WIDTH = 300;
  private static final double PREVIEW_HEIGHT = 120;

  public TemplateGalleryView(TemplateGalleryViewModel vm, Consumer<Template> onChoose, Runnable onClose) {
    setId("template-gallery");
    getStyleClass().add("gallery");

    Label title = new Label("Start a pipeline");
    title.getStyleClass().add("gallery-title");
    Label subtitle = new Label("Pick one of the classic change-data-capture architectures and adapt it, "
        + "or start from a blank canvas.");
    subtitle.getStyleClass().add(Styles.TEXT_MUTED);
    subtitle.setWrapText(true);
    subtitle.setMinHeight(Region.USE_PREF_SIZE);
    VBox titles = new VBox(4, title, subtitle);
    HBox.setHgrow(titles, Priority.ALWAYS);
    Button close = new Button("Close");
    close.setId("gallery-close");
    close.setOnAction(e -> onClose.run());
    close.setMinWidth(Region.USE_PREF_SIZE);
    HBox header = new HBox(16, titles, close);
    header.setAlignment(Pos.TOP_LEFT);
    header.getStyleClass().add("gallery-header");

    FlowPane cards = new FlowPane();
    cards.getStyleClass().add("gallery-cards");
    for (Template t : vm.templates()) {
      cards.getChildren().add(card(t, onChoose));
    }
    VBox content = new VBox(cards);
    for (String note : vm.notes()) {
      Label n = new Label(note);
      n.getStyleClass().add(Styles.TEXT_MUTED);
      n.setStyle("-fx-padding: 0 32 8 32;");
      content.getChildren().add(n);
    }
    ScrollPane scroll = new ScrollPane(content);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    getChildren().addAll(header, scroll);
    setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ESCAPE) {
        onClose.run();
      }
    });
  }

  private static VBox card(Template t, Consumer<Template> onChoose) {
    StackPane preview = new StackPane(preview(t.pipeline()));
    preview.getStyleClass().add("template-preview");
    preview.setMinHeight(PREVIEW_HEIGHT);
    preview.setPrefHeight(PREVIEW_HEIGHT);
    Label name = new Label(t.blank() ? t.title() : t.pipeline().name());
    name.getStyleClass().add("template-name");
    Label description = new Label(t.description());
    description.getStyleClass().add("template-description");
    description.setWrapText(true);
    description.setMinHeight(Region.USE_PREF_SIZE);
    description.setPrefWidth(CARD_WIDTH - 24);
    Label summary = new Label(t.summary());
    summary.getStyleClass().add("template-summary");
    Region grow = new Region();
    VBox.setVgrow(grow, Priority.ALWAYS);
    VBox card = new VBox(preview, name, description, grow, summary);
    card.getStyleClass().add("template-card");
    card.setId("template-" + (t.blank() ? "blank" : t.file().getFileName().toString()
        .replaceFirst("\\.yaml$", "")));
    card.setPrefWidth(CARD_WIDTH);
    card.setMinWidth(CARD_WIDTH);
    card.setMaxWidth(CARD_WIDTH);
    card.setOnMouseClicked(e -> onChoose.accept(t));
    return card;
  }

  /** The pipeline's shape in miniature: one dot per node by stage colour, lines for edges. */
  private static Canvas preview(Pipeline p) {
    double w = CARD_WIDTH - 24;
    double h = PREVIEW_HEIGHT;
    Canvas c = new Canvas(w, h);
    GraphicsContext g = c.getGraphicsContext2D();
    if (p.nodes().isEmpty()) {
      g.setStroke(Color.gray(0.6));
      g.setLineDashes(6, 5);
      g.setLineWidth(1.5);
      g.strokeRoundRect(w / 2 - 44, h / 2 - 22, 88, 44, 10, 10);
      g.setLineDashes();
      g.strokeLine(w / 2 - 8, h / 2, w / 2 + 8, h / 2);
      g.strokeLine(w / 2, h / 2 - 8, w / 2, h / 2 + 8);
      return c;
    }
    Pipeline laid = Layout.layout(p);
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (Node n : laid.nodes()) {
      minX = Math.min(minX, n.position().x());
      minY = Math.min(minY, n.position().y());
      maxX = Math.max(maxX, n.position().x());
      maxY = Math.max(maxY, n.position().y());
    }
    double pad = 16;
    double boxW = 26;
    double boxH = 12;
    double sx = maxX > minX ? (w - 2 * pad - boxW) / (maxX - minX) : 0;
    double sy = maxY > minY ? (h - 2 * pad - boxH) / (maxY - minY) : 0;
    double s = Math.min(sx == 0 ? Double.MAX_VALUE : sx, sy == 0 ? Double.MAX_VALUE : sy);
    if (s == Double.MAX_VALUE) {
      s = 0;
    }
    double offX = (w - ((maxX - minX) * s + boxW)) / 2;
    double offY = (h - ((maxY - minY) * s + boxH)) / 2;
    Map<String, double[]> at = new HashMap<>();
    for (Node n : laid.nodes()) {
      at.put(n.name(), new double[] {offX + (n.position().x() - minX) * s, offY + (n.position().y() - minY) * s});
    }
    g.setStroke(Color.gray(0.55, 0.8));
    g.setLineWidth(1.2);
    for (Edge e : laid.edges()) {
      double[] a = at.get(e.from());
      double[] b = at.get(e.to());
      if (a != null && b != null) {
        double x1 = a[0] + boxW;
        double y1 = a[1] + boxH / 2;
        double x2 = b[0];
        double y2 = b[1] + boxH / 2;
        double mid = (x1 + x2) / 2;
        g.beginPath();
        g.moveTo(x1, y1);
        g.bezierCurveTo(mid, y1, mid, y2, x2, y2);
        g.stroke();
      }
    }
    for (Node n : laid.nodes()) {
      double[] a = at.get(n.name());
      g.setFill(colour(n.kind().category()));
      g.fillRoundRect(a[0], a[1], boxW, boxH, 5, 5);
    }
    return c;
  }

  static Color colour(Category c) {
    return switch (c) {
      case SOURCE -> Color.web("#2f81f7");
      case CAPTURE -> Color.web("#cf222e");
      case TOPIC -> Color.web("#8250df");
      case TRANSFORM -> Color.web("#bf8700");
      case SINK -> Color.web("#1a7f37");
      case APPLICATION -> Color.web("#6e7781");
    };
  }
}
