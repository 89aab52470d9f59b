package dev.pipewright.canvas.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.canvas.Pipelines;
import dev.pipewright.canvas.layout.NodeGeometry;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.Position;
import dev.pipewright.model.Slo;
import dev.pipewright.model.SloKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandsTest {
  private final Pipeline shop = Pipelines.shop();

  @Test
  void illegalEdgeIsRefusedWithModelReason() {
    AddEdge sinkToTopic = new AddEdge("search", "orders");

    assertThat(sinkToTopic.refusal(shop)).hasValueSatisfying(
        reason -> assertThat(reason).contains("end of a pipeline"));
    assertThat(sinkToTopic.isNoOp(shop)).isTrue();
    assertThat(sinkToTopic.apply(shop)).isSameAs(shop);
  }

  @Test
  void legalEdgeIsAdded() {
    Pipeline p = new AddEdge("orders", "read-model").apply(shop);
    assertThat(p.hasEdge("orders", "read-model")).isTrue();
  }

  @Test
  void removeSelectionDeletesNodesTheirEdgesAndSelectedEdges() {
    Pipeline p = new RemoveSelection(Set.of("search"), Set.of(new Edge("shop-cdc", "customers"))).apply(shop);

    assertThat(p.hasNode("search")).isFalse();
    assertThat(p.edges()).containsExactly(new Edge("shop-db", "shop-cdc"), new Edge("shop-cdc", "orders"),
        new Edge("customers", "read-model"));
  }

  @Test
  void renameNodeRenamesEdgesAndSlos() {
    Pipeline withSlo = shop.withSlos(List.of(new Slo("fresh", SloKind.FRESHNESS, "search", 5, 99, 0.999, null)));
    Pipeline p = new RenameNode("search", "search-v2").apply(withSlo);

    assertThat(p.hasEdge("orders", "search-v2")).isTrue();
    assertThat(p.slos().get(0).target()).isEqualTo("search-v2");
  }

  @Test
  void renameOntoAnExistingNameChangesNothing() {
    assertThat(new RenameNode("search", "orders").isNoOp(shop)).isTrue();
    assertThat(new RenameNode("search", "  ").isNoOp(shop)).isTrue();
  }

  @Test
  void setPropertyWithNullFallsBackToTheDefault() {
    Pipeline set = new SetProperty("shop-db", "port", "6543").apply(shop);
    assertThat(set.node("shop-db").orElseThrow().property("port")).contains("6543");

    Pipeline cleared = new SetProperty("shop-db", "port", null).apply(set);
    assertThat(cleared.node("shop-db").orElseThrow().isSet("port")).isFalse();
    assertThat(cleared).isEqualTo(shop);
  }

  @Test
  void pasteGivesFreshNamesOffsetsAndKeepsInternalEdges() {
    Set<String> copied = Set.of("shop-cdc", "orders", "search");
    List<Node> nodes = shop.nodes().stream().filter(n -> copied.contains(n.name())).toList();
    PasteNodes paste = new PasteNodes(nodes, PasteNodes.internalEdges(shop, copied), 32, 32);

    Pipeline p = paste.apply(shop);

    assertThat(p.nodes()).hasSize(9);
    assertThat(p.hasNode("shop-cdc-2")).isTrue();
    assertThat(p.hasNode("orders-2")).isTrue();
    assertThat(p.hasNode("search-2")).isTrue();
    assertThat(p.hasEdge("shop-cdc-2", "orders-2")).isTrue();
    assertThat(p.hasEdge("orders-2", "search-2")).isTrue();
    // The edge from the (uncopied) database is not carried over.
    assertThat(p.edges()).hasSize(shop.edges().size() + 2);
    assertThat(p.node("orders-2").orElseThrow().position()).isEqualTo(new Position(592 + 32, 64 + 32));
  }

  @Test
  void pastingTwiceCountsNamesOnRatherThanNestingSuffixes() {
    List<Node> nodes = List.of(shop.node("orders").orElseThrow());
    Pipeline once = new PasteNodes(nodes, List.of(), 32, 32).apply(shop);
    Pipeline twice = new PasteNodes(List.of(once.node("orders-2").orElseThrow()), List.of(), 32, 32).apply(once);
    assertThat(twice.hasNode("orders-3")).isTrue();
  }

  @Test
  void alignLeftPutsEveryNodeOnTheLeftmostEdge() {
    Pipeline p = new AlignNodes(Set.of("orders", "search", "read-model"), AlignNodes.Edge.LEFT).apply(shop);
    assertThat(p.nodes().stream().filter(n -> Set.of("orders", "search", "read-model").contains(n.name()))
        .map(n -> n.position().x())).containsOnly(592.0);
  }

  @Test
  void alignMiddlesPutsCentresOnOneRow() {
    Pipeline p = new AlignNodes(Set.of("orders", "customers"), AlignNodes.Edge.CENTRE_VERTICAL).apply(shop);
    assertThat(p.node("orders").orElseThrow().position().y())
        .isEqualTo(p.node("customers").orElseThrow().position().y())
        .isEqualTo((64 + 256 + NodeGeometry.HEIGHT) / 2 - NodeGeometry.HEIGHT / 2);
  }

  @Test
  void distributeLeavesEqualGapsBetweenCards() {
    Pipeline p = shop.withNode(Pipelines.at("c", NodeKind.TOPIC, 700, 0));
    Pipeline d = new DistributeNodes(Set.of("shop-db", "c", "search"), true).apply(p);
    double a = d.node("shop-db").orElseThrow().position().x();
    double b = d.node("c").orElseThrow().position().x();
    double c = d.node("search").orElseThrow().position().x();
    assertThat(b - a).isEqualTo(c - b);
    assertThat(a).isEqualTo(48);
    assertThat(c).isEqualTo(864);
  }

  @Test
  void compositeAppliesPartsInOrderAsOneStep() {
    UndoStack stack = new UndoStack(shop);
    stack.execute(Composite.of("Insert topic", new AddNode(Node.of("audit", NodeKind.TOPIC)),
        new AddEdge("shop-cdc", "audit")));

    assertThat(stack.current().hasEdge("shop-cdc", "audit")).isTrue();
    stack.undo();
    assertThat(stack.current()).isEqualTo(shop);
  }

  @Test
  void moveToTheSamePlaceIsNoOp() {
    assertThat(new MoveNodes(Map.of("orders", new Position(592, 64))).isNoOp(shop)).isTrue();
  }

  @Test
  void replacePipelineIsUndoable() {
    UndoStack stack = new UndoStack(shop);
    stack.execute(new ReplacePipeline(shop.withName("other"), "Rename pipeline"));
    assertThat(stack.undoDescription()).contains("Rename pipeline");
    stack.undo();
    assertThat(stack.current().name()).isEqualTo("shop");
  }
}
