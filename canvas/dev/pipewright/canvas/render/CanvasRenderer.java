package dev.pipewright.canvas.render;

import static dev.pipewright.canvas.layout.NodeGeometry.HEIGHT;
import static dev.pipewright.canvas.layout.NodeGeometry.PORT_RADIUS;
import static dev.pipewright.canvas.layout.NodeGeometry.WIDTH;

import dev.pipewright.canvas.EditorState;
import dev.pipewright.canvas.layout.EdgeGeometry;
import dev.pipewright.canvas.layout.GraphIndex;
import dev.pipewright.canvas.layout.NodeGeometry;
import dev.pipewright.model.Category;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Finding;
import dev.pipewright.model.Node;
import dev.pipewright.model.Position;
import dev.pipewright.model.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Draws a pipeline snapshot and the editor state onto a canvas: grid, edges, cards, badges,
 * gesture overlays and the minimap. Reads only; it never changes the model or the state. Only
 * what intersects the view is drawn, and detail (text, ports) is dropped when zoomed far out.
 */
public final class CanvasRenderer {
  /** Below this zoom, cards are drawn as plain blocks without text or ports. */
  public static final double TEXT_ZOOM = 0.4;
  /** Below this zoom, plain edges are drawn straight. */
  static final double STRAIGHT_ZOOM = 0.2;
  /**
   * Below this zoom a card is a few pixels wide and thousands of edges only make a grey fog
   * that costs most of the frame, so edges are left out until the user zooms in.
   */
  static final double EDGE_ZOOM = 0.05;
  private static final double BADGE_RADIUS = 9;

  private CanvasTheme theme = CanvasTheme.LIGHT;
  private Map<String, List<Finding>> nodeFindings = Map.of();
  private Map<Edge, List<Finding>> edgeFindings = Map.of();
  private Map<Edge, String> edgeLabels = Map.of();
  private Map<String, Color> health = Map.of();
  private Map<Edge, Color> edgeHealth = Map.of();
  private final Minimap minimap = new Minimap();
  private final Font nameFont = Font.font("System", FontWeight.BOLD, 13);
  private final Font kindFont = Font.font("System", FontWeight.NORMAL, 11);
  private final Font badgeFont = Font.font("System", FontWeight.BOLD, 10);
  private final Font labelFont = Font.font("System", FontWeight.NORMAL, 11);

  public CanvasTheme theme() {
    return theme;
  }

  public void setTheme(CanvasTheme theme) {
    this.theme = theme;
  }

  /** Groups findings by node and by edge; pipeline-wide findings have no badge. */
  public void setFindings(List<Finding> findings) {
    Map<String, List<Finding>> byNode = new HashMap<>();
    Map<Edge, List<Finding>> byEdge = new HashMap<>();
    for (Finding f : findings) {
      if (f.node() != null) {
        byNode.computeIfAbsent(f.node(), k -> new java.util.ArrayList<>()).add(f);
      } else if (f.edge() != null) {
        byEdge.computeIfAbsent(f.edge(), k -> new java.util.ArrayList<>()).add(f);
      }
    }
    nodeFindings = byNode;
    edgeFindings = byEdge;
  }

  public List<Finding> findingsOn(String node) {
    return nodeFindings.getOrDefault(node, List.of());
  }

  public List<Finding> findingsOn(Edge edge) {
    return edgeFindings.getOrDefault(edge, List.of());
  }

  public Map<String, List<Finding>> nodeFindings() {
    return nodeFindings;
  }

  public Map<Edge, List<Finding>> edgeFindings() {
    return edgeFindings;
  }

  public void setEdgeLabels(Map<Edge, String> labels) {
    edgeLabels = Map.copyOf(labels);
  }

  public void setHealth(Map<String, Color> colours) {
    health = Map.copyOf(colours);
  }

  public void setEdgeHealth(Map<Edge, Color> colours) {
    edgeHealth = Map.copyOf(colours);
  }

  public Minimap minimap() {
    return minimap;
  }

  /**
   * Draws one frame.
   *
   * @param width view width in pixels
   * @param outputScale device pixels per view pixel, used to put hairlines on pixel centres
   */
  public void draw(GraphicsContext g, GraphIndex index, EditorState state, double width, double height,
      double outputScale, Overlay overlay, boolean showMinimap) {
    double z = state.zoom().get();
    double px = state.panX().get();
    double py = state.panY().get();
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.setFill(theme.background());
    g.fillRect(0, 0, width, height);
    drawGrid(g, z, px, py, width, height, outputScale);

    // Visible window in canvas units, widened by a card so half-visible cards and badges draw.
    double vx0 = px - WIDTH;
    double vy0 = py - HEIGHT;
    double vx1 = px + width / z + WIDTH;
    double vy1 = py + height / z + HEIGHT;

    g.setTransform(z, 0, 0, z, -px * z, -py * z);
    Set<String> selection = state.selection();
    String hovered = state.hoveredNode().get();
    List<Integer> visibleEdges = List.of();
    if (z >= EDGE_ZOOM) {
      visibleEdges = drawEdges(g, index, state, z, vx0, vy0, vx1, vy1, hovered);
    }
    if (z >= TEXT_ZOOM) {
      for (Node n : index.pipeline().nodes()) {
        Position p = NodeGeometry.topLeft(n);
        if (p.x() > vx1 || p.x() + WIDTH < vx0 || p.y() > vy1 || p.y() + HEIGHT < vy0) {
          continue;
        }
        drawCard(g, n, p, selection.contains(n.name()), n.name().equals(hovered), overlay);
      }
      // After the cards: on short edges a live label is wider than the gap between two cards.
      drawEdgeAnnotations(g, index, visibleEdges);
    } else {
      drawBlocks(g, index, selection, z, vx0, vy0, vx1, vy1);
      drawFindingDots(g, index, z, vx0, vy0, vx1, vy1);
    }
    drawOverlay(g, index, z, overlay);
    g.setTransform(1, 0, 0, 1, 0, 0);
    if (showMinimap) {
      minimap.draw(g, index, state, width, height, theme);
    } else {
      minimap.hide();
    }
  }

  private void drawGrid(GraphicsContext g, double z, double px, double py, double w, double h, double s) {
    double step = NodeGeometry.GRID * z;
    int every = 1;
    while (step * every < 8) {
      every *= 4;
    }
    double pitch = NodeGeometry.GRID * every;
    g.setLineWidth(1 / s);
    // One path per colour: the software pipeline pays per stroke call, not per line.
    for (int pass = 0; pass < 2; pass++) {
      boolean major = pass == 1;
      g.beginPath();
      for (long i = (long) Math.floor(px / pitch); ; i++) {
        double vx = (i * pitch - px) * z;
        if (vx > w) {
          break;
        }
        if ((Math.floorMod(i, 4) == 0) == major) {
          double cx = crisp(vx, s);
          g.moveTo(cx, 0);
          g.lineTo(cx, h);
        }
      }
      for (long i = (long) Math.floor(py / pitch); ; i++) {
        double vy = (i * pitch - py) * z;
        if (vy > h) {
          break;
        }
        if ((Math.floorMod(i, 4) == 0) == major) {
          double cy = crisp(vy, s);
          g.moveTo(0, cy);
          g.lineTo(w, cy);
        }
      }
      g.setStroke(major ? theme.gridMajor() : theme.grid());
      g.stroke();
    }
  }

  /** Puts a one-device-pixel line on a device pixel centre so it stays sharp at any output scale. */
  private static double crisp(double v, double scale) {
    return (Math.floor(v * scale) + 0.5) / scale;
  }

  /** Draws the visible edges' lines and returns their indexes for {@link #drawEdgeAnnotations}. */
  private List<Integer> drawEdges(GraphicsContext g, GraphIndex index, EditorState state, double z,
      double vx0, double vy0, double vx1, double vy1, String hovered) {
    g.setLineCap(StrokeLineCap.ROUND);
    Set<Edge> selectedEdges = state.selectedEdges();
    List<Edge> edges = index.edges();
    double base = Math.max(1.6, 1 / z);
    List<Integer> visible = new ArrayList<>();
    // Plain edges go into one path and one arrowhead path: the software pipeline pays per call.
    g.beginPath();
    for (int i = 0; i < edges.size(); i++) {
      EdgeGeometry c = index.curve(i);
      if (c.maxX() < vx0 || c.minX() > vx1 || c.maxY() < vy0 || c.minY() > vy1) {
        continue;
      }
      visible.add(i);
      Edge e = edges.get(i);
      if (!selectedEdges.contains(e) && !(hovered != null && e.touches(hovered)) && !edgeHealth.containsKey(e)) {
        if (z < STRAIGHT_ZOOM) {
          // Too small to see the bend; straight lines flatten far faster.
          g.moveTo(c.x1(), c.y1());
          g.lineTo(c.x2() - PORT_RADIUS, c.y2());
        } else {
          curve(g, c);
        }
      }
    }
    g.setStroke(theme.edge());
    g.setLineWidth(base);
    g.stroke();
    if (z >= STRAIGHT_ZOOM) {
      g.beginPath();
      for (int i : visible) {
        Edge e = edges.get(i);
        if (!selectedEdges.contains(e) && !(hovered != null && e.touches(hovered)) && !edgeHealth.containsKey(e)) {
          arrowHead(g, index.curve(i));
        }
      }
      g.setFill(theme.edge());
      g.fill();
    }
    // Monitored edges in their health colour, one path per colour, a little wider than plain ones.
    if (!edgeHealth.isEmpty()) {
      Map<Color, List<Integer>> byColour = new HashMap<>();
      for (int i : visible) {
        Edge e = edges.get(i);
        Color c = edgeHealth.get(e);
        if (c != null && !selectedEdges.contains(e) && !(hovered != null && e.touches(hovered))) {
          byColour.computeIfAbsent(c, k -> new ArrayList<>()).add(i);
        }
      }
      byColour.forEach((colour, list) -> {
        g.beginPath();
        for (int i : list) {
          curve(g, index.curve(i));
        }
        g.setStroke(colour);
        g.setLineWidth(base * 1.5);
        g.stroke();
        g.beginPath();
        for (int i : list) {
          arrowHead(g, index.curve(i));
        }
        g.setFill(colour);
        g.fill();
      });
    }
    for (int i : visible) {
      Edge e = edges.get(i);
      boolean selected = selectedEdges.contains(e);
      if (selected || (hovered != null && e.touches(hovered))) {
        Color colour = selected ? theme.selection() : theme.selection().deriveColor(0, 1, 1, 0.8);
        g.beginPath();
        curve(g, index.curve(i));
        g.setStroke(colour);
        g.setLineWidth(selected ? base * 1.8 : base * 1.4);
        g.stroke();
        g.beginPath();
        arrowHead(g, index.curve(i));
        g.setFill(colour);
        g.fill();
      }
    }
    return visible;
  }

  /** Live labels and finding badges in the middle of the visible edges. */
  private void drawEdgeAnnotations(GraphicsContext g, GraphIndex index, List<Integer> visible) {
    List<Edge> edges = index.edges();
    for (int i : visible) {
      Edge e = edges.get(i);
      String label = edgeLabels.get(e);
      List<Finding> fs = edgeFindings.get(e);
      if (label == null && fs == null) {
        continue;
      }
      EdgeGeometry c = index.curve(i);
      double mx = c.xAt(0.5);
      double my = c.yAt(0.5);
      if (label != null) {
        drawEdgeLabel(g, label, mx, my, edgeHealth.get(e));
      }
      if (fs != null) {
        drawBadge(g, fs, mx, label == null ? my : my - 16);
      }
    }
  }

  /** Appends the edge's curve to the current path, stopping short of the input port's circle. */
  private static void curve(GraphicsContext g, EdgeGeometry c) {
    g.moveTo(c.x1(), c.y1());
    g.bezierCurveTo(c.c1x(), c.c1y(), c.c2x(), c.c2y(), c.x2() - PORT_RADIUS - 1, c.y2());
  }

  /** Appends an arrowhead pointing into the input port to the current path. */
  private static void arrowHead(GraphicsContext g, EdgeGeometry c) {
    double tipX = c.x2() - PORT_RADIUS;
    double tipY = c.y2();
    g.moveTo(tipX, tipY);
    g.lineTo(tipX - 9, tipY - 4.5);
    g.lineTo(tipX - 9, tipY + 4.5);
    g.closePath();
  }

  /**
   * A pill with the text; when monitored, tinted and bordered in the edge's health colour, since on
   * a short edge the pill covers most of the line.
   */
  private void drawEdgeLabel(GraphicsContext g, String text, double cx, double cy, Color healthColour) {
    g.setFont(labelFont);
    double w = TextWidth.of(text, labelFont) + 12;
    g.setFill(theme.labelBackground());
    g.fillRoundRect(cx - w / 2, cy - 9, w, 18, 9, 9);
    if (healthColour != null) {
      g.setFill(healthColour.deriveColor(0, 1, 1, 0.16));
      g.fillRoundRect(cx - w / 2, cy - 9, w, 18, 9, 9);
    }
    g.setStroke(healthColour != null ? healthColour : theme.cardBorder());
    g.setLineWidth(healthColour != null ? 1.5 : 1);
    g.strokeRoundRect(cx - w / 2, cy - 9, w, 18, 9, 9);
    g.setFill(theme.text());
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    g.fillText(text, cx, cy);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.BASELINE);
  }

  /**
   * Zoomed far out: every card is a block in its stage colour, one path per colour, since at
   * thousands of nodes the cost is the number of draw calls, not the pixels.
   */
  private void drawBlocks(GraphicsContext g, GraphIndex index, Set<String> selection, double z, double vx0,
      double vy0, double vx1, double vy1) {
    for (Category stage : Category.values()) {
      g.beginPath();
      boolean any = false;
      for (Node n : index.pipeline().nodes()) {
        if (n.kind().category() != stage) {
          continue;
        }
        Position p = NodeGeometry.topLeft(n);
        if (p.x() > vx1 || p.x() + WIDTH < vx0 || p.y() > vy1 || p.y() + HEIGHT < vy0) {
          continue;
        }
        g.rect(p.x(), p.y(), WIDTH, HEIGHT);
        any = true;
      }
      if (any) {
        g.setFill(theme.accent(stage));
        g.fill();
      }
    }
    if (selection.isEmpty()) {
      return;
    }
    // Selected blocks keep their stage colour and get an outline, so a selected topic never looks like a source.
    double w = 2.5 / z;
    g.beginPath();
    for (String name : selection) {
      Node n = index.node(name);
      if (n != null) {
        Position p = NodeGeometry.topLeft(n);
        g.rect(p.x() - w, p.y() - w, WIDTH + 2 * w, HEIGHT + 2 * w);
      }
    }
    g.setStroke(theme.selection());
    g.setLineWidth(w);
    g.stroke();
  }

  /** Zoomed far out, badges shrink to dots of a fixed screen size so problems stay findable. */
  private void drawFindingDots(GraphicsContext g, GraphIndex index, double z, double vx0, double vy0, double vx1,
      double vy1) {
    double r = 4 / z;
    for (Map.Entry<String, List<Finding>> e : nodeFindings.entrySet()) {
      Node n = index.node(e.getKey());
      if (n == null) {
        continue;
      }
      Position c = badgeCentre(n);
      if (c.x() < vx0 || c.x() > vx1 || c.y() < vy0 || c.y() > vy1) {
        continue;
      }
      g.setFill(severityColour(e.getValue()));
      g.fillOval(c.x() - r, c.y() - r, 2 * r, 2 * r);
    }
  }

  private Color severityColour(List<Finding> fs) {
    Severity worst = fs.stream().map(Finding::severity).min(Enum::compareTo).orElse(Severity.INFO);
    return switch (worst) {
      case ERROR -> theme.error();
      case WARNING -> theme.warning();
      case INFO -> theme.subtext();
    };
  }

  private void drawCard(GraphicsContext g, Node n, Position p, boolean selected, boolean hovered, Overlay overlay) {
    double x = p.x();
    double y = p.y();
    Color accent = theme.accent(n.kind().category());
    g.setFill(Color.color(0, 0, 0, theme.dark() ? 0.35 : 0.07));
    g.fillRoundRect(x + 1, y + 2, WIDTH, HEIGHT, 14, 14);
    g.setFill(theme.card());
    g.fillRoundRect(x, y, WIDTH, HEIGHT, 14, 14);
    Color healthColour = health.get(n.name());
    g.setStroke(healthColour != null ? healthColour : theme.cardBorder());
    g.setLineWidth(healthColour != null ? 2.5 : 1);
    g.strokeRoundRect(x, y, WIDTH, HEIGHT, 14, 14);

    KindGlyph.draw(g, n.kind(), accent, x + 10, y + 12, 32);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.BASELINE);
    g.setFill(theme.text());
    g.setFont(nameFont);
    g.fillText(TextWidth.fit(n.name(), nameFont, WIDTH - 62), x + 52, y + 25);
    g.setFill(theme.subtext());
    g.setFont(kindFont);
    g.fillText(TextWidth.fit(n.kind().label(), kindFont, WIDTH - 62), x + 52, y + 41);

    drawPort(g, x, y + HEIGHT / 2, accent);
    if (!n.kind().isSink()) {
      drawPort(g, x + WIDTH, y + HEIGHT / 2, accent);
    }
    if (overlay.connectTarget() != null && overlay.connectTarget().equals(n.name())) {
      g.setStroke(overlay.connectLegal() ? theme.legal() : theme.illegal());
      g.setLineWidth(2.5);
      g.strokeRoundRect(x - 4, y - 4, WIDTH + 8, HEIGHT + 8, 18, 18);
    } else if (selected) {
      g.setStroke(theme.selection());
      g.setLineWidth(2);
      g.strokeRoundRect(x - 3.5, y - 3.5, WIDTH + 7, HEIGHT + 7, 17, 17);
    } else if (hovered) {
      g.setStroke(theme.hover());
      g.setLineWidth(2);
      g.strokeRoundRect(x - 3, y - 3, WIDTH + 6, HEIGHT + 6, 16, 16);
    }
    List<Finding> fs = nodeFindings.get(n.name());
    if (fs != null) {
      drawBadge(g, fs, x + WIDTH - 4, y + 4);
    }
  }

  private void drawPort(GraphicsContext g, double cx, double cy, Color accent) {
    g.setFill(theme.card());
    g.fillOval(cx - PORT_RADIUS, cy - PORT_RADIUS, PORT_RADIUS * 2, PORT_RADIUS * 2);
    g.setStroke(accent);
    g.setLineWidth(2);
    g.strokeOval(cx - PORT_RADIUS, cy - PORT_RADIUS, PORT_RADIUS * 2, PORT_RADIUS * 2);
  }

  /** A circle in the worst severity's colour with the number of findings. */
  private void drawBadge(GraphicsContext g, List<Finding> fs, double cx, double cy) {
    g.setFill(severityColour(fs));
    g.fillOval(cx - BADGE_RADIUS, cy - BADGE_RADIUS, BADGE_RADIUS * 2, BADGE_RADIUS * 2);
    g.setStroke(theme.card());
    g.setLineWidth(1.5);
    g.strokeOval(cx - BADGE_RADIUS, cy - BADGE_RADIUS, BADGE_RADIUS * 2, BADGE_RADIUS * 2);
    g.setFill(Color.WHITE);
    g.setFont(badgeFont);
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    g.fillText(fs.size() > 9 ? "9+" : Integer.toString(fs.size()), cx, cy + 0.5);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.BASELINE);
  }

  /** Centre of a node's badge in canvas units (top-right corner of the card). */
  public static Position badgeCentre(Node n) {
    Position p = NodeGeometry.topLeft(n);
    return new Position(p.x() + WIDTH - 4, p.y() + 4);
  }

  /** Centre of an edge's badge in canvas units, given whether the edge also has a label. */
  public Position badgeCentre(Edge e, EdgeGeometry c) {
    return new Position(c.xAt(0.5), edgeLabels.containsKey(e) ? c.yAt(0.5) - 16 : c.yAt(0.5));
  }

  public static double badgeRadius() {
    return BADGE_RADIUS;
  }

  private void drawOverlay(GraphicsContext g, GraphIndex index, double z, Overlay o) {
    if (o.connectFrom() != null && o.connectTo() != null) {
      Color c = o.connectTarget() == null ? theme.selection() : o.connectLegal() ? theme.legal() : theme.illegal();
      EdgeGeometry geo = EdgeGeometry.between(o.connectFrom(), o.connectTo());
      g.setStroke(c);
      g.setLineWidth(Math.max(2, 1.5 / z));
      g.setLineDashes(6, 5);
      g.beginPath();
      g.moveTo(geo.x1(), geo.y1());
      g.bezierCurveTo(geo.c1x(), geo.c1y(), geo.c2x(), geo.c2y(), geo.x2(), geo.y2());
      g.stroke();
      g.setLineDashes((double[]) null);
      g.setFill(c);
      g.fillOval(geo.x2() - 4, geo.y2() - 4, 8, 8);
    }
    if (o.marquee() != null) {
      double[] r = o.marquee();
      g.setFill(theme.selection().deriveColor(0, 1, 1, 0.12));
      g.fillRect(r[0], r[1], r[2] - r[0], r[3] - r[1]);
      g.setStroke(theme.selection());
      g.setLineWidth(1 / z);
      g.strokeRect(r[0], r[1], r[2] - r[0], r[3] - r[1]);
    }
  }
}
