package dev.pipewright.canvas;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import dev.pipewright.model.Edge;

/**
 * What the editor shows and where, but not what the pipeline is: selection, hover, zoom, pan and
 * snapping. Never undoable and never saved. Pan is the canvas-unit point shown at the view's
 * top-left corner; a screen point is {@code (model - pan) * zoom}.
 */
public final class EditorState {
  /** Smallest and largest zoom factors the editor allows. */
  public static final double MIN_ZOOM = 0.02;
  public static final double MAX_ZOOM = 4.0;

  private final ObservableSet<String> selection = FXCollections.observableSet();
  private final ObservableSet<Edge> selectedEdges = FXCollections.observableSet();
  private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1.0) {
    @Override
    public void set(double v) {
      super.set(Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, v)));
    }
  };
  private final DoubleProperty panX = new SimpleDoubleProperty(this, "panX", 0);
  private final DoubleProperty panY = new SimpleDoubleProperty(this, "panY", 0);
  private final ObjectProperty<String> hoveredNode = new SimpleObjectProperty<>(this, "hoveredNode");
  private final BooleanProperty snapToGrid = new SimpleBooleanProperty(this, "snapToGrid", true);
  private final BooleanProperty minimapEnabled = new SimpleBooleanProperty(this, "minimapEnabled", true);

  /** Names of the selected nodes. */
  public ObservableSet<String> selection() {
    return selection;
  }

  /** Selected edges (clicked on the curve). */
  public ObservableSet<Edge> selectedEdges() {
    return selectedEdges;
  }

  /** Zoom factor, clamped to [{@link #MIN_ZOOM}, {@link #MAX_ZOOM}]. */
  public DoubleProperty zoom() {
    return zoom;
  }

  public DoubleProperty panX() {
    return panX;
  }

  public DoubleProperty panY() {
    return panY;
  }

  /** Name of the node under the mouse, or null. */
  public ObjectProperty<String> hoveredNode() {
    return hoveredNode;
  }

  /** Whether moves and placements snap to the grid. */
  public BooleanProperty snapToGrid() {
    return snapToGrid;
  }

  /** Whether the minimap may appear (View › Minimap); it shows only while the pipeline overflows the view. */
  public BooleanProperty minimapEnabled() {
    return minimapEnabled;
  }

  /** Selects exactly {@code names} (nodes), clearing selected edges. */
  public void selectOnly(java.util.Collection<String> names) {
    selectedEdges.clear();
    if (!selection.equals(new java.util.HashSet<>(names))) {
      selection.clear();
      selection.addAll(names);
    }
  }

  /** Canvas units to view pixels. */
  public double toViewX(double modelX) {
    return (modelX - panX.get()) * zoom.get();
  }

  public double toViewY(double modelY) {
    return (modelY - panY.get()) * zoom.get();
  }

  /** View pixels to canvas units. */
  public double toModelX(double viewX) {
    return viewX / zoom.get() + panX.get();
  }

  public double toModelY(double viewY) {
    return viewY / zoom.get() + panY.get();
  }

  /** Zooms to {@code newZoom} keeping the model point under view point (vx, vy) in place. */
  public void zoomAround(double newZoom, double vx, double vy) {
    double mx = toModelX(vx);
    double my = toModelY(vy);
    zoom.set(newZoom);
    panX.set(mx - vx / zoom.get());
    panY.set(my - vy / zoom.get());
  }
}
