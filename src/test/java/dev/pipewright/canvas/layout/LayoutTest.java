package dev.pipewright.canvas.layout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.canvas.Pipelines;
import dev.pipewright.model.Category;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LayoutTest {

  private static double x(Pipeline p, String name) {
    return p.node(name).orElseThrow().position().x();
  }

  private static double y(Pipeline p, String name) {
    return p.node(name).orElseThrow().position().y();
  }

  @Test
  void autoLayoutOrdersStagesLeftToRight() {
    Pipeline p = Layout.layout(Pipelines.shopUnplaced());

    assertThat(x(p, "shop-db")).isLessThan(x(p, "shop-cdc"));
    assertThat(x(p, "shop-cdc")).isLessThan(x(p, "orders"));
    assertThat(x(p, "orders")).isEqualTo(x(p, "customers"));
    assertThat(x(p, "orders")).isLessThan(x(p, "search"));
    assertThat(x(p, "search")).isEqualTo(x(p, "read-model"));
  }

  @Test
  void everyStageOfAGeneratedPipelineStandsRightOfTheStagesFeedingIt() {
    Pipeline p = Layout.layout(Pipelines.generated(300, 7));
    for (Edge e : p.edges()) {
      assertThat(x(p, e.from())).as(e.toString()).isLessThan(x(p, e.to()));
    }
  }

  @Test
  void transformBetweenCaptureAndTopicGetsItsOwnColumn() {
    Pipeline p = Pipeline.empty("t")
        .withNode(Node.of("db", NodeKind.POSTGRES)).withNode(Node.of("cdc", NodeKind.DEBEZIUM))
        .withNode(Node.of("mask", NodeKind.MASK_FIELD)).withNode(Node.of("masked", NodeKind.TOPIC))
        .withNode(Node.of("raw", NodeKind.TOPIC)).withNode(Node.of("lake", NodeKind.LAKE))
        .withEdge(new Edge("db", "cdc")).withEdge(new Edge("cdc", "mask")).withEdge(new Edge("mask", "masked"))
        .withEdge(new Edge("cdc", "raw")).withEdge(new Edge("masked", "lake"));

    Pipeline laid = Layout.layout(p);

    assertThat(x(laid, "cdc")).isLessThan(x(laid, "mask"));
    assertThat(x(laid, "mask")).isLessThan(x(laid, "masked"));
    assertThat(x(laid, "masked")).isLessThan(x(laid, "lake"));
  }

  @Test
  void applicationThatWritesTheDatabaseAndReadsItsTopicStandsLeftmost() {
    Pipeline p = Pipeline.empty("loop")
        .withNode(Node.of("app", NodeKind.APPLICATION)).withNode(Node.of("db", NodeKind.POSTGRES))
        .withNode(Node.of("cdc", NodeKind.DEBEZIUM)).withNode(Node.of("events", NodeKind.TOPIC))
        .withEdge(new Edge("events", "app")).withEdge(new Edge("app", "db")).withEdge(new Edge("db", "cdc"))
        .withEdge(new Edge("cdc", "events"));

    Pipeline laid = Layout.layout(p);

    assertThat(x(laid, "app")).isLessThan(x(laid, "db"));
    assertThat(x(laid, "db")).isLessThan(x(laid, "cdc"));
    assertThat(x(laid, "cdc")).isLessThan(x(laid, "events"));
  }

  @Test
  void unconnectedNodesStillStandInTheirStage() {
    Pipeline p = Pipeline.empty("loose").withNode(Node.of("sink", NodeKind.REDIS))
        .withNode(Node.of("db", NodeKind.MYSQL)).withNode(Node.of("t", NodeKind.TOPIC));
    Pipeline laid = Layout.layout(p);
    assertThat(x(laid, "db")).isLessThan(x(laid, "t"));
    assertThat(x(laid, "t")).isLessThan(x(laid, "sink"));
  }

  @Test
  void noTwoCardsOverlap() {
    Pipeline p = Layout.layout(Pipelines.generated(500, 3));
    Map<Position, String> seen = new HashMap<>();
    for (Node n : p.nodes()) {
      assertThat(seen.put(n.position(), n.name())).as(n.name()).isNull();
    }
    // Same column: at least a card apart vertically.
    Map<Double, List<Double>> columns = new HashMap<>();
    p.nodes().forEach(n -> columns.computeIfAbsent(n.position().x(), k -> new ArrayList<>()).add(n.position().y()));
    for (List<Double> ys : columns.values()) {
      ys.sort(Double::compare);
      for (int i = 1; i < ys.size(); i++) {
        assertThat(ys.get(i) - ys.get(i - 1)).isGreaterThanOrEqualTo(NodeGeometry.HEIGHT);
      }
    }
  }

  @Test
  void barycentreOrderingHasFewerCrossingsThanFileOrder() {
    Pipeline generated = Pipelines.generated(200, 11);
    List<Node> shuffled = new ArrayList<>(generated.nodes());
    java.util.Collections.shuffle(shuffled, new java.util.Random(42));
    Pipeline laid = Layout.layout(generated.withNodes(shuffled));
    Pipeline fileOrder = fileOrderLayout(laid);

    assertThat(crossings(laid)).isLessThan(crossings(fileOrder) / 2);
  }

  @Test
  void orderingNeverEndsWithMoreCrossingsThanItStartedWith() {
    Pipeline generated = Pipelines.generated(300, 13);
    Pipeline laid = Layout.layout(generated);
    assertThat(crossings(laid)).isLessThanOrEqualTo(crossings(fileOrderLayout(laid)));
  }

  @Test
  void layoutIsDeterministic() {
    Pipeline g = Pipelines.generated(400, 5);
    assertThat(Layout.layout(g)).isEqualTo(Layout.layout(g));
  }

  @Test
  void applyLeavesAFullyPlacedPipelineAlone() {
    Pipeline shop = Pipelines.shop();
    assertThat(Layout.apply(shop)).isSameAs(shop);
  }

  @Test
  void applyPlacesOnlyTheNodesWithoutPositionsBelowTheOthers() {
    Pipeline p = Pipelines.shop().withNode(Node.of("audit", NodeKind.TOPIC)).withEdge(new Edge("shop-cdc", "audit"));

    Pipeline placed = Layout.apply(p);

    assertThat(placed.nodes()).allMatch(n -> n.position() != null);
    assertThat(placed.node("orders")).isEqualTo(p.node("orders"));
    double bottom = Pipelines.shop().nodes().stream().mapToDouble(n -> n.position().y()).max().orElseThrow();
    assertThat(y(placed, "audit")).isGreaterThan(bottom + NodeGeometry.HEIGHT);
  }

  @Test
  void aLongChainDoesNotOverflowTheStack() {
    Pipeline p = Pipeline.empty("chain").withNode(Node.of("db", NodeKind.POSTGRES))
        .withNode(Node.of("cdc", NodeKind.DEBEZIUM)).withNode(Node.of("t0", NodeKind.TOPIC))
        .withEdge(new Edge("db", "cdc")).withEdge(new Edge("cdc", "t0"));
    List<Node> nodes = new ArrayList<>(p.nodes());
    List<Edge> edges = new ArrayList<>(p.edges());
    for (int i = 1; i < 5000; i++) {
      nodes.add(Node.of("f" + i, NodeKind.FILTER));
      edges.add(new Edge(i == 1 ? "t0" : "f" + (i - 1), "f" + i));
    }
    Pipeline laid = Layout.layout(p.withNodes(nodes).withEdges(edges));
    assertThat(x(laid, "f4999")).isGreaterThan(x(laid, "f1"));
  }

  /** Same columns, but each column in the file's order: what the layout would be without the sweeps. */
  private static Pipeline fileOrderLayout(Pipeline laid) {
    Map<Double, Integer> rows = new HashMap<>();
    return laid.withNodes(laid.nodes().stream().map(n -> {
      int r = rows.merge(n.position().x(), 1, Integer::sum);
      return n.withPosition(new Position(n.position().x(), r * Layout.ROW_PITCH));
    }).toList());
  }

  /** Pairs of edges between the same two adjacent columns that cross. */
  static long crossings(Pipeline p) {
    List<double[]> segs = new ArrayList<>();
    for (Edge e : p.edges()) {
      Position a = p.node(e.from()).orElseThrow().position();
      Position b = p.node(e.to()).orElseThrow().position();
      segs.add(new double[] {a.x(), a.y(), b.x(), b.y()});
    }
    long count = 0;
    for (int i = 0; i < segs.size(); i++) {
      for (int j = i + 1; j < segs.size(); j++) {
        double[] s = segs.get(i);
        double[] t = segs.get(j);
        if (s[0] == t[0] && s[2] == t[2] && (s[1] - t[1]) * (s[3] - t[3]) < 0) {
          count++;
        }
      }
    }
    return count;
  }

  @Test
  void categoryOrderIsTheOneTheLayoutFollows() {
    assertThat(Category.values()).startsWith(Category.APPLICATION, Category.SOURCE, Category.CAPTURE);
  }
}
