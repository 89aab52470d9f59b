package dev.pipewright.canvas;

import dev.pipewright.canvas.command.AddNode;
import dev.pipewright.canvas.command.AlignNodes;
import dev.pipewright.canvas.command.AutoLayout;
import dev.pipewright.canvas.command.DistributeNodes;
import dev.pipewright.canvas.command.MoveNodes;
import dev.pipewright.canvas.command.PasteNodes;
import dev.pipewright.canvas.command.RemoveSelection;
import dev.pipewright.canvas.gesture.ConnectPortsOnDrag;
import dev.pipewright.canvas.gesture.DragGesture;
import dev.pipewright.canvas.gesture.MarqueeSelectOnDrag;
import dev.pipewright.canvas.gesture.MoveSelectionOnDrag;
import dev.pipewright.canvas.gesture.PanOnDrag;
import dev.pipewright.canvas.gesture.PanOnScroll;
import dev.pipewright.canvas.gesture.ZoomOnPinch;
import dev.pipewright.canvas.gesture.ZoomOnScroll;
import dev.pipewright.canvas.layout.EdgeGeometry;
import dev.pipewright.canvas.layout.GraphIndex;
import dev.pipewright.canvas.layout.NodeGeometry;
import dev.pipewright.canvas.render.CanvasRenderer;
import dev.pipewright.canvas.render.CanvasTheme;
import dev.pipewright.canvas.render.Overlay;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Finding;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.Position;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.collections.SetChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The pipeline editor surface: draws the document's pipeline with the editor state on a
 * JavaFX canvas and turns mouse, keyboard and trackpad input into gestures and commands. It
 * never changes the pipeline itself; every edit is a command executed on the
 * {@link EditorDocument}, so it is undoable. The app passes lint findings, live edge labels and
 * health colours in; the canvas only draws them.
 */
public final class PipelineCanvas extends Region {
  private static final double PORT_HIT = 12;
  private static final double ZOOM_STEP = 1.2;

  private final EditorDocument doc;
  private final EditorState state;
  private final Canvas canvas = new Canvas();
  private final CanvasRenderer renderer = new CanvasRenderer();
  private final Label refusalLabel = new Label();
  private final Label findingTip = new Label();
  private final PanOnScroll panOnScroll;
  private final ZoomOnScroll zoomOnScroll;
  private final ZoomOnPinch zoomOnPinch;
  private CanvasClipboard clipboard = CanvasClipboard.SHARED;

  private GraphIndex index;
  private DragGesture gesture;
  private String pressedNode;
  private boolean pressedWithToggle;
  private boolean dragged;
  private boolean spaceDown;
  private boolean minimapDrag;
  private boolean redrawQueued;

  public PipelineCanvas(EditorDocument doc, EditorState state) {
    this.doc = doc;
    this.state = state;
    this.panOnScroll = new PanOnScroll(state);
    this.zoomOnScroll = new ZoomOnScroll(state);
    this.zoomOnPinch = new ZoomOnPinch(state);
    this.index = new GraphIndex(doc.pipeline());
    setId("pipeline-canvas");
    getStyleClass().add("pipeline-canvas");
    setFocusTraversable(true);
    setMinSize(100, 100);
    setPrefSize(900, 600);
    canvas.setManaged(false);
    refusalLabel.setId("connect-refusal");
    findingTip.setId("finding-tooltip");
    for (Label l : List.of(refusalLabel, findingTip)) {
      l.setManaged(false);
      l.setVisible(false);
      l.setMouseTransparent(true);
      l.setWrapText(true);
      l.setMaxWidth(360);
    }
    styleLabels();
    getChildren().addAll(canvas, refusalLabel, findingTip);

    doc.pipelineProperty().addListener((obs, old, p) -> {
      index = new GraphIndex(p);
      // Undo may take away selected nodes; the selection must only name nodes that exist.
      state.selection().retainAll(p.nodes().stream().map(Node::name).collect(Collectors.toSet()));
      state.selectedEdges().retainAll(new HashSet<>(p.edges()));
      if (state.hoveredNode().get() != null && !p.hasNode(state.hoveredNode().get())) {
        state.hoveredNode().set(null);
      }
      redraw();
    });
    state.selection().addListener((SetChangeListener<String>) c -> redraw());
    state.selectedEdges().addListener((SetChangeListener<Edge>) c -> redraw());
    state.zoom().addListener(o -> redraw());
    state.panX().addListener(o -> redraw());
    state.panY().addListener(o -> redraw());
    state.hoveredNode().addListener(o -> redraw());
    state.minimapEnabled().addListener(o -> redraw());

    addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
    addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
    addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
    addEventHandler(MouseEvent.MOUSE_MOVED, this::onMoved);
    addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
      state.hoveredNode().set(null);
      findingTip.setVisible(false);
    });
    addEventHandler(ScrollEvent.SCROLL, this::onScroll);
    addEventHandler(ZoomEvent.ZOOM, e -> {
      zoomOnPinch.zoom(e.getZoomFactor(), e.getX(), e.getY());
      e.consume();
    });
    addEventHandler(KeyEvent.KEY_PRESSED, this::onKeyPressed);
    addEventHandler(KeyEvent.KEY_RELEASED, e -> {
      if (e.getCode() == KeyCode.SPACE) {
        spaceDown = false;
        setCursor(Cursor.DEFAULT);
      }
    });
  }

  // ---------------------------------------------------------------- inputs from the app

  /** Lint findings to show as badges; replaces the previous set. */
  public void setFindings(List<Finding> findings) {
    renderer.setFindings(findings);
    redraw();
  }

  /** Text drawn in the middle of edges (live rates from a trial or the monitor); replaces the previous labels. */
  public void setEdgeLabels(Map<Edge, String> labels) {
    renderer.setEdgeLabels(labels);
    redraw();
  }

  /** Border colours by node name (monitor health); replaces the previous colours. */
  public void setHealth(Map<String, Color> nodeColours) {
    renderer.setHealth(nodeColours);
    redraw();
  }

  /** Edge colours (monitor health: what each edge carries); replaces the previous colours. */
  public void setEdgeHealth(Map<Edge, Color> edgeColours) {
    renderer.setEdgeHealth(edgeColours);
    redraw();
  }

  /** Switches between the light and the dark palette. */
  public void setDark(boolean dark) {
    renderer.setTheme(CanvasTheme.of(dark));
    styleLabels();
    redraw();
  }

  /** Uses a different clipboard than the application-wide one (tests, separate workspaces). */
  public void setClipboard(CanvasClipboard clipboard) {
    this.clipboard = clipboard;
  }

  public EditorDocument document() {
    return doc;
  }

  public EditorState state() {
    return state;
  }

  // ---------------------------------------------------------------- commands the app calls

  /**
   * Adds a node of {@code kind} centred on the scene point (where the palette item was dropped),
   * auto-named from the kind id, snapped to the grid when snapping is on, and selects it.
   */
  public void placeNode(NodeKind kind, double sceneX, double sceneY) {
    Point2D local = sceneToLocal(sceneX, sceneY);
    double x = state.toModelX(local.getX()) - NodeGeometry.WIDTH / 2;
    double y = state.toModelY(local.getY()) - NodeGeometry.HEIGHT / 2;
    Position at = new Position(x, y);
    if (state.snapToGrid().get()) {
      at = NodeGeometry.snap(at);
    }
    String name = doc.pipeline().freshName(kind.id());
    if (doc.execute(new AddNode(new Node(name, kind, at, Map.of())))) {
      state.selectOnly(Set.of(name));
    }
  }

  /** Zooms and pans so every node is visible (at most 100 %). */
  public void fitToView() {
    if (doc.pipeline().nodes().isEmpty() || getWidth() <= 0 || getHeight() <= 0) {
      return;
    }
    double[] b = index.bounds();
    double margin = 40;
    double z = Math.min(getWidth() / (b[2] - b[0] + 2 * margin), getHeight() / (b[3] - b[1] + 2 * margin));
    state.zoom().set(Math.min(1.0, z));
    double zoom = state.zoom().get();
    state.panX().set((b[0] + b[2]) / 2 - getWidth() / zoom / 2);
    state.panY().set((b[1] + b[3]) / 2 - getHeight() / zoom / 2);
  }

  /** Pans so the named node is in the middle of the view; zoom is unchanged. */
  public void centreOn(String nodeName) {
    Node n = index.node(nodeName);
    if (n == null) {
      return;
    }
    double z = state.zoom().get();
    state.panX().set(NodeGeometry.centreX(n) - getWidth() / z / 2);
    state.panY().set(NodeGeometry.centreY(n) - getHeight() / z / 2);
  }

  public void zoomIn() {
    state.zoomAround(state.zoom().get() * ZOOM_STEP, getWidth() / 2, getHeight() / 2);
  }

  public void zoomOut() {
    state.zoomAround(state.zoom().get() / ZOOM_STEP, getWidth() / 2, getHeight() / 2);
  }

  public void resetZoom() {
    state.zoomAround(1.0, getWidth() / 2, getHeight() / 2);
  }

  /** Copies the selected nodes and the edges among them to the clipboard. */
  public void copySelection() {
    clipboard.copy(doc.pipeline(), Set.copyOf(state.selection()));
  }

  /** Pastes the clipboard with fresh names, offset from the originals, and selects the copies. */
  public void paste() {
    if (!clipboard.isEmpty()) {
      pasteAndSelect(clipboard.nextPaste(NodeGeometry.GRID * 2));
    }
  }

  /** Copies the selection in place (offset), leaving the clipboard alone, and selects the copies. */
  public void duplicateSelection() {
    Pipeline p = doc.pipeline();
    Set<String> names = Set.copyOf(state.selection());
    List<Node> nodes = p.nodes().stream().filter(n -> names.contains(n.name())).toList();
    if (!nodes.isEmpty()) {
      double step = NodeGeometry.GRID * 2;
      pasteAndSelect(new PasteNodes(nodes, PasteNodes.internalEdges(p, names), step, step));
    }
  }

  private void pasteAndSelect(PasteNodes paste) {
    Map<String, String> names = paste.namesIn(doc.pipeline());
    if (doc.execute(paste)) {
      state.selectOnly(names.values());
    }
  }

  /** Deletes the selected nodes (with their edges) and the selected edges, as one undo step. */
  public void deleteSelection() {
    doc.execute(new RemoveSelection(Set.copyOf(state.selection()), Set.copyOf(state.selectedEdges())));
  }

  public void selectAll() {
    state.selectOnly(doc.pipeline().nodes().stream().map(Node::name).toList());
  }

  /** Lays the whole pipeline out left to right (one undo step) and fits it into the view. */
  public void autoLayout() {
    doc.execute(new AutoLayout());
    fitToView();
  }

  /** Aligns the selected nodes (two or more) on one side or centre line. */
  public void alignSelection(AlignNodes.Edge side) {
    doc.execute(new AlignNodes(Set.copyOf(state.selection()), side));
  }

  /** Spaces the selected nodes (three or more) evenly. */
  public void distributeSelection(boolean horizontal) {
    doc.execute(new DistributeNodes(Set.copyOf(state.selection()), horizontal));
  }

  // ---------------------------------------------------------------- geometry for tests and the shell

  /** Centre of the named node's card in scene coordinates (add the window's position for the screen). */
  public Point2D screenPointOfNode(String name) {
    Node n = requireNode(name);
    return toScene(NodeGeometry.centreX(n), NodeGeometry.centreY(n));
  }

  /** Centre of the named node's output port in scene coordinates. */
  public Point2D screenPointOfOutputPort(String name) {
    Position p = NodeGeometry.outputPort(requireNode(name));
    return toScene(p.x(), p.y());
  }

  /** Centre of the named node's input port in scene coordinates. */
  public Point2D screenPointOfInputPort(String name) {
    Position p = NodeGeometry.inputPort(requireNode(name));
    return toScene(p.x(), p.y());
  }

  /** Centre of the named node's finding badge in scene coordinates. */
  public Point2D screenPointOfBadge(String name) {
    Position p = CanvasRenderer.badgeCentre(requireNode(name));
    return toScene(p.x(), p.y());
  }

  private Node requireNode(String name) {
    Node n = index.node(name);
    if (n == null) {
      throw new IllegalArgumentException("There is no node named '" + name + "' on the canvas.");
    }
    return n;
  }

  private Point2D toScene(double mx, double my) {
    return localToScene(state.toViewX(mx), state.toViewY(my));
  }

  // ---------------------------------------------------------------- drawing

  @Override
  protected void layoutChildren() {
    double w = getWidth();
    double h = getHeight();
    if (canvas.getWidth() != w || canvas.getHeight() != h) {
      canvas.setWidth(w);
      canvas.setHeight(h);
    }
    redrawNow();
  }

  /** Asks for a redraw in the next pulse; many changes in one event cost one frame. */
  private void redraw() {
    if (!redrawQueued) {
      redrawQueued = true;
      requestLayout();
    }
  }

  /** Draws the current frame immediately (the benchmark times this). */
  public void redrawNow() {
    redrawQueued = false;
    if (canvas.getWidth() <= 0 || canvas.getHeight() <= 0) {
      return;
    }
    Pipeline shown = gesture == null ? doc.pipeline() : gesture.preview(doc.pipeline());
    GraphIndex drawn = shown == index.pipeline() ? index : new GraphIndex(shown);
    renderer.draw(canvas.getGraphicsContext2D(), drawn, state, canvas.getWidth(), canvas.getHeight(),
        outputScale(), overlay(), minimapWanted(drawn));
  }

  private double outputScale() {
    return getScene() != null && getScene().getWindow() != null ? getScene().getWindow().getOutputScaleX() : 1.0;
  }

  /** The minimap appears once the pipeline no longer fits in the view. */
  private boolean minimapWanted(GraphIndex drawn) {
    if (!state.minimapEnabled().get() || drawn.pipeline().nodes().isEmpty()) {
      return false;
    }
    double[] b = drawn.bounds();
    double z = state.zoom().get();
    double x0 = state.panX().get();
    double y0 = state.panY().get();
    return b[0] < x0 || b[1] < y0 || b[2] > x0 + getWidth() / z || b[3] > y0 + getHeight() / z;
  }

  private Overlay overlay() {
    if (gesture instanceof ConnectPortsOnDrag c) {
      Node from = index.node(c.from());
      Position start = from == null ? null : NodeGeometry.outputPort(from);
      return new Overlay(start, new Position(c.x(), c.y()), c.target(), c.refusal().isEmpty(), null);
    }
    if (gesture instanceof MarqueeSelectOnDrag m) {
      return new Overlay(null, null, null, false, m.rectangle());
    }
    return Overlay.NONE;
  }

  private void styleLabels() {
    CanvasTheme t = renderer.theme();
    String common = "-fx-padding: 6 9 6 9; -fx-background-radius: 6; -fx-border-radius: 6; -fx-font-size: 12px;"
        + "-fx-effect: dropshadow(gaussian, rgba(0,0,0,0.18), 6, 0, 0, 2);";
    refusalLabel.setStyle(common + "-fx-background-color: " + css(t.illegal()) + "; -fx-text-fill: white;");
    findingTip.setStyle(common + "-fx-background-color: " + css(t.labelBackground()) + "; -fx-text-fill: "
        + css(t.text()) + "; -fx-border-color: " + css(t.cardBorder()) + ";");
  }

  private static String css(Color c) {
    return String.format(java.util.Locale.ROOT, "rgba(%d,%d,%d,%.2f)", (int) Math.round(c.getRed() * 255),
        (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255), c.getOpacity());
  }

  private void showLabel(Label l, String text, double vx, double vy) {
    l.setText(text);
    l.setVisible(true);
    l.autosize();
    double w = l.prefWidth(-1);
    double h = l.prefHeight(w);
    double x = Math.min(vx + 14, getWidth() - w - 4);
    double y = vy + 18 + h > getHeight() ? vy - h - 10 : vy + 18;
    l.resizeRelocate(Math.max(4, x), Math.max(4, y), w, h);
  }

  // ---------------------------------------------------------------- mouse

  private void onPressed(MouseEvent e) {
    requestFocus();
    findingTip.setVisible(false);
    dragged = false;
    minimapDrag = false;
    pressedNode = null;
    double mx = state.toModelX(e.getX());
    double my = state.toModelY(e.getY());
    if (e.getButton() == MouseButton.MIDDLE || (e.getButton() == MouseButton.PRIMARY && spaceDown)) {
      gesture = new PanOnDrag(state, e.getX(), e.getY());
      setCursor(Cursor.CLOSED_HAND);
      return;
    }
    if (e.getButton() != MouseButton.PRIMARY) {
      return;
    }
    if (renderer.minimap().contains(e.getX(), e.getY())) {
      minimapDrag = true;
      panMinimapTo(e.getX(), e.getY());
      return;
    }
    boolean toggle = e.isShiftDown() || e.isShortcutDown();
    Optional<String> port = outputPortAt(mx, my);
    if (port.isPresent() && !toggle) {
      gesture = new ConnectPortsOnDrag(doc, index, port.get(), mx, my);
      return;
    }
    Optional<String> hit = index.nodeAt(mx, my);
    if (hit.isPresent()) {
      String name = hit.get();
      pressedNode = name;
      pressedWithToggle = toggle;
      if (toggle) {
        state.selectedEdges().clear();
        if (!state.selection().remove(name)) {
          state.selection().add(name);
        }
      } else if (!state.selection().contains(name)) {
        state.selectOnly(Set.of(name));
      }
      if (state.selection().contains(name)) {
        gesture = new MoveSelectionOnDrag(doc, state, name, mx, my);
      }
      return;
    }
    Optional<Edge> edge = index.edgeAt(mx, my, 6 / state.zoom().get());
    if (edge.isPresent()) {
      if (!toggle) {
        state.selection().clear();
        state.selectedEdges().clear();
      }
      if (!state.selectedEdges().remove(edge.get())) {
        state.selectedEdges().add(edge.get());
      }
      return;
    }
    gesture = new MarqueeSelectOnDrag(state, index, mx, my, toggle);
  }

  /**
   * The output port under canvas point (mx, my): {@link #PORT_HIT} pixels around it on screen
   * when zoomed out, {@link #PORT_HIT} canvas units when zoomed in (the crosshair cursor shows
   * where a connection would start).
   */
  private Optional<String> outputPortAt(double mx, double my) {
    return index.outputPortAt(mx, my, PORT_HIT / Math.min(1, state.zoom().get()));
  }

  private void onDragged(MouseEvent e) {
    dragged = true;
    if (minimapDrag) {
      panMinimapTo(e.getX(), e.getY());
      return;
    }
    if (gesture == null) {
      return;
    }
    if (gesture instanceof PanOnDrag) {
      gesture.drag(e.getX(), e.getY());
      return;
    }
    gesture.drag(state.toModelX(e.getX()), state.toModelY(e.getY()));
    if (gesture instanceof ConnectPortsOnDrag c) {
      Optional<String> reason = c.refusal();
      if (reason.isPresent()) {
        showLabel(refusalLabel, reason.get(), e.getX(), e.getY());
      } else {
        refusalLabel.setVisible(false);
      }
    }
    redraw();
  }

  private void onReleased(MouseEvent e) {
    refusalLabel.setVisible(false);
    if (gesture != null) {
      DragGesture g = gesture;
      gesture = null;
      g.release();
      if (g instanceof PanOnDrag) {
        setCursor(spaceDown ? Cursor.OPEN_HAND : Cursor.DEFAULT);
      }
    }
    // A plain click on one node of a multi-selection narrows the selection to that node.
    if (!dragged && pressedNode != null && !pressedWithToggle && state.selection().size() > 1) {
      state.selectOnly(Set.of(pressedNode));
    }
    pressedNode = null;
    minimapDrag = false;
    redraw();
  }

  private void panMinimapTo(double vx, double vy) {
    Position m = renderer.minimap().toModel(vx, vy);
    double z = state.zoom().get();
    state.panX().set(m.x() - getWidth() / z / 2);
    state.panY().set(m.y() - getHeight() / z / 2);
  }

  private void onMoved(MouseEvent e) {
    double mx = state.toModelX(e.getX());
    double my = state.toModelY(e.getY());
    state.hoveredNode().set(index.nodeAt(mx, my).orElse(null));
    boolean overPort = outputPortAt(mx, my).isPresent();
    if (!spaceDown) {
      setCursor(overPort ? Cursor.CROSSHAIR : Cursor.DEFAULT);
    }
    Optional<String> tip = badgeTipAt(mx, my);
    if (tip.isPresent()) {
      showLabel(findingTip, tip.get(), e.getX(), e.getY());
    } else {
      findingTip.setVisible(false);
    }
  }

  /** The text of the badge under canvas point (mx, my): every finding's message and fix. */
  private Optional<String> badgeTipAt(double mx, double my) {
    if (state.zoom().get() < CanvasRenderer.TEXT_ZOOM) {
      return Optional.empty();
    }
    double r = CanvasRenderer.badgeRadius() + 2;
    for (Map.Entry<String, List<Finding>> e : renderer.nodeFindings().entrySet()) {
      Node n = index.node(e.getKey());
      if (n != null && near(CanvasRenderer.badgeCentre(n), mx, my, r)) {
        return Optional.of(describe(e.getValue()));
      }
    }
    if (renderer.edgeFindings().isEmpty()) {
      return Optional.empty();
    }
    List<Edge> edges = index.edges();
    for (int i = 0; i < edges.size(); i++) {
      List<Finding> fs = renderer.findingsOn(edges.get(i));
      if (!fs.isEmpty() && near(renderer.badgeCentre(edges.get(i), index.curve(i)), mx, my, r)) {
        return Optional.of(describe(fs));
      }
    }
    return Optional.empty();
  }

  private static boolean near(Position p, double x, double y, double r) {
    return (p.x() - x) * (p.x() - x) + (p.y() - y) * (p.y() - y) <= r * r;
  }

  private static String describe(List<Finding> fs) {
    return fs.stream()
        .map(f -> switch (f.severity()) {
          case ERROR -> "Error: ";
          case WARNING -> "Warning: ";
          case INFO -> "Note: ";
        } + f.message()
            + "\nFix: " + f.fix())
        .collect(Collectors.joining("\n\n"));
  }

  private void onScroll(ScrollEvent e) {
    if (e.isShortcutDown() || e.isControlDown()) {
      zoomOnScroll.scroll(e.getDeltaY(), e.getX(), e.getY());
    } else {
      panOnScroll.scroll(e.getDeltaX(), e.getDeltaY(), e.isShiftDown());
    }
    e.consume();
  }

  // ---------------------------------------------------------------- keyboard

  private void onKeyPressed(KeyEvent e) {
    boolean shortcut = e.isShortcutDown();
    KeyCode code = e.getCode();
    boolean handled = true;
    if (code == KeyCode.SPACE) {
      spaceDown = true;
      setCursor(Cursor.OPEN_HAND);
    } else if (code == KeyCode.DELETE || code == KeyCode.BACK_SPACE) {
      deleteSelection();
    } else if (code == KeyCode.ESCAPE) {
      if (gesture != null) {
        gesture.cancel();
        gesture = null;
        refusalLabel.setVisible(false);
        redraw();
      } else {
        state.selectOnly(Set.of());
      }
    } else if (shortcut && code == KeyCode.A) {
      selectAll();
    } else if (shortcut && code == KeyCode.C) {
      copySelection();
    } else if (shortcut && code == KeyCode.V) {
      paste();
    } else if (shortcut && code == KeyCode.D) {
      duplicateSelection();
    } else if (shortcut && (code == KeyCode.EQUALS || code == KeyCode.PLUS || code == KeyCode.ADD)) {
      zoomIn();
    } else if (shortcut && (code == KeyCode.MINUS || code == KeyCode.SUBTRACT)) {
      zoomOut();
    } else if (shortcut && (code == KeyCode.DIGIT0 || code == KeyCode.NUMPAD0)) {
      resetZoom();
    } else if (!shortcut && code == KeyCode.F) {
      fitToView();
    } else if (code.isArrowKey()) {
      nudge(code, e.isShiftDown());
    } else {
      handled = false;
    }
    if (handled) {
      e.consume();
    }
  }

  private void nudge(KeyCode code, boolean big) {
    if (state.selection().isEmpty()) {
      return;
    }
    double step = (state.snapToGrid().get() ? NodeGeometry.GRID : 1) * (big ? 4 : 1);
    double dx = code == KeyCode.LEFT ? -step : code == KeyCode.RIGHT ? step : 0;
    double dy = code == KeyCode.UP ? -step : code == KeyCode.DOWN ? step : 0;
    MoveNodes by = MoveNodes.by(doc.pipeline(), Set.copyOf(state.selection()), dx, dy);
    doc.execute(new MoveNodes(by.targets(), "Nudge"));
  }

  /** The curve of an edge as drawn, for tests that click on edges. */
  public Optional<Point2D> screenPointOfEdge(Edge edge) {
    List<Edge> edges = index.edges();
    for (int i = 0; i < edges.size(); i++) {
      if (edges.get(i).equals(edge)) {
        EdgeGeometry c = index.curve(i);
        return Optional.of(toScene(c.xAt(0.5), c.yAt(0.5)));
      }
    }
    return Optional.empty();
  }
}
