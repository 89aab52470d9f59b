package dev.pipewright.canvas;

import dev.pipewright.canvas.command.AddNode;
import dev.pipewright.model.Finding;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Position;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.layout.Region;

/** TEMPORARY stand-in on the desktop branch until the canvas helper's PipelineCanvas lands; removed before merging. */
public class PipelineCanvas extends Region {
  private final EditorDocument document;
  private final EditorState state;

  public PipelineCanvas(EditorDocument document, EditorState state) {
    this.document = document;
    this.state = state;
    setMinSize(100, 100);
  }

  public void setFindings(List<Finding> findings) {}

  public void placeNode(NodeKind kind, double sceneX, double sceneY) {
    Point2D p = sceneToLocal(sceneX, sceneY);
    String name = document.pipeline().freshName(kind.id());
    document.execute(new AddNode(new Node(name, kind,
        new Position(state.toModelX(p.getX()), state.toModelY(p.getY())), java.util.Map.of())));
  }

  public void fitToView() {}

  public void centreOn(String name) {}

  public void zoomIn() {}

  public void zoomOut() {}

  public void resetZoom() {}

  public void copySelection() {}

  public void paste() {}

  public void duplicateSelection() {}

  public void deleteSelection() {}

  public void selectAll() {}

  public void autoLayout() {}

  public void setDark(boolean dark) {}

  public Point2D screenPointOfNode(String name) {
    return localToScreen(0, 0);
  }

  public Point2D screenPointOfOutputPort(String name) {
    return localToScreen(0, 0);
  }

  public Point2D screenPointOfInputPort(String name) {
    return localToScreen(0, 0);
  }
}
