package dev.pipewright.app.desktop.palette;

import atlantafx.base.controls.CustomTextField;
import dev.pipewright.app.desktop.KindIcons;
import dev.pipewright.model.Category;
import dev.pipewright.model.NodeKind;
import java.util.List;
import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The palette on the left: a search field and every node kind under its category. Dragging an
 * entry shows a ghost in the window's overlay and places the node where it is released over
 * the canvas. The drag is plain mouse events, not OS drag-and-drop, so it also works headless.
 */
public final class PaletteView extends VBox {
  /** Where palette entries can be dropped. */
  public interface DropTarget {
    /** True when a drop at this scene point would land on the canvas. */
    boolean accepts(double sceneX, double sceneY);

    /** Places a node of {@code kind} at the scene point. */
    void drop(NodeKind kind, double sceneX, double sceneY);

    /** Places a node of {@code kind} in the middle of what is visible (double-click, Enter). */
    void dropInCentre(NodeKind kind);
  }

  private static final double DRAG_THRESHOLD = 4;

  private final PaletteViewModel vm;
  private final Pane overlay;
  private final DropTarget target;
  private final VBox list = new VBox();

  private HBox ghost;
  private Point2D pressedAt;

  public PaletteView(PaletteViewModel vm, Pane overlay, DropTarget target) {
    this.vm = vm;
    this.overlay = overlay;
    this.target = target;
    getStyleClass().addAll("palette", "panel");
    setId("palette");

    Label title = new Label("NODES");
    title.getStyleClass().add("panel-title");
    CustomTextField search = new CustomTextField();
    search.setId("palette-filter");
    search.setPromptText("Search nodes");
    search.textProperty().bindBidirectional(vm.filterProperty());
    search.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ESCAPE) {
        search.clear();
      } else if (e.getCode() == KeyCode.ENTER && vm.visibleKinds().size() == 1) {
        target.dropInCentre(vm.visibleKinds().get(0));
      }
    });
    VBox header = new VBox(8, title, search);
    header.getStyleClass().add("panel-header");

    ScrollPane scroll = new ScrollPane(list);
    scroll.setFitToWidth(true);
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    list.setFillWidth(true);
    list.setStyle("-fx-padding: 0 0 12 0;");
    getChildren().addAll(header, scroll);

    vm.groupsProperty().addListener((obs, was, now) -> fill(now));
    fill(vm.groupsProperty().get());
  }

  private void fill(Map<Category, List<NodeKind>> groups) {
    list.getChildren().clear();
    if (groups.isEmpty()) {
      Label none = new Label("No node matches '" + vm.filterProperty().get().strip() + "'.");
      none.setWrapText(true);
      none.getStyleClass().add("palette-empty");
      list.getChildren().add(none);
      return;
    }
    groups.forEach((category, kinds) -> {
      Label heading = new Label(category.label().toUpperCase(java.util.Locale.ROOT));
      heading.getStyleClass().add("palette-category");
      list.getChildren().add(heading);
      for (NodeKind k : kinds) {
        list.getChildren().add(entry(k));
      }
    });
  }

  private HBox entry(NodeKind kind) {
    Label label = new Label(kind.label());
    HBox row = new HBox(KindIcons.node(kind, 20), label);
    row.setId("palette-" + kind.id());
    row.getStyleClass().add("palette-entry");
    Tooltip tip = new Tooltip(kind.description() + "\nDrag onto the canvas, or double-click to add.");
    tip.setWrapText(true);
    tip.setMaxWidth(320);
    Tooltip.install(row, tip);
    row.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
      if (e.getButton() == MouseButton.PRIMARY) {
        pressedAt = new Point2D(e.getSceneX(), e.getSceneY());
      }
    });
    row.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
      if (pressedAt == null) {
        return;
      }
      if (ghost == null && pressedAt.distance(e.getSceneX(), e.getSceneY()) >= DRAG_THRESHOLD) {
        ghost = ghostOf(kind);
        overlay.getChildren().add(ghost);
      }
      if (ghost != null) {
        moveGhost(e.getSceneX(), e.getSceneY());
      }
    });
    row.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
      boolean dragged = ghost != null;
      if (dragged) {
        overlay.getChildren().remove(ghost);
        ghost = null;
      }
      pressedAt = null;
      if (dragged && target.accepts(e.getSceneX(), e.getSceneY())) {
        target.drop(kind, e.getSceneX(), e.getSceneY());
      }
    });
    row.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
      if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && e.isStillSincePress()) {
        target.dropInCentre(kind);
      }
    });
    return row;
  }

  private HBox ghostOf(NodeKind kind) {
    HBox g = new HBox(KindIcons.node(kind, 24), new Label(kind.label()));
    g.getStyleClass().add("drag-ghost");
    g.setId("palette-ghost");
    g.setMouseTransparent(true);
    g.setManaged(false);
    g.autosize();
    return g;
  }

  private void moveGhost(double sceneX, double sceneY) {
    Point2D p = overlay.sceneToLocal(sceneX, sceneY);
    ghost.autosize();
    // Centred on the pointer, the way the node will be placed.
    ghost.relocate(p.getX() - ghost.getWidth() / 2, p.getY() - ghost.getHeight() / 2);
    ghost.setOpacity(target.accepts(sceneX, sceneY) ? 0.95 : 0.55);
  }
}
