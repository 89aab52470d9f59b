package dev.pipewright.app.attach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.canvas.layout.Layout;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.io.PipelineFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The import of a running Connect cluster, on a recorded {@code GET /connectors?expand=info&expand=status}. */
class ConnectImportTest {
  static final List<String> TOPICS = List.of("__consumer_offsets", "_connect-configs", "shop.public.customers",
      "shop.public.orders", "shop.public.order_lines", "other.topic");

  ConnectImport.Result imported() throws Exception {
    String json = new String(ConnectImportTest.class.getResourceAsStream("/attach/connectors-expanded.json").readAllBytes(),
        StandardCharsets.UTF_8);
    return ConnectImport.fromConnect("prod-shop", "kafka.internal:9092", "http://connect.internal:8083", json, TOPICS);
  }

  @Test
  void debeziumSourceBecomesSourceCaptureAndItsTableTopics() throws Exception {
    Pipeline p = imported().pipeline();
    assertThat(p.node("shop").map(Node::kind)).contains(NodeKind.POSTGRES);
    assertThat(p.node("shop").flatMap(n -> n.property("host"))).contains("db.internal");
    assertThat(p.node("shop-cdc").flatMap(n -> n.property("slot.name"))).contains("shop_slot");
    assertThat(p.edges()).contains(new Edge("shop", "shop-cdc"), new Edge("shop-cdc", "shop.public.customers"),
        new Edge("shop-cdc", "shop.public.orders"));
    // table.include.list names two tables: the third table's topic is not drawn as written by the capture
    assertThat(p.edges()).doesNotContain(new Edge("shop-cdc", "shop.public.order_lines"));
  }

  @Test
  void sinksByClassWithEdgesFromTopicsAndTopicsRegex() throws Exception {
    Pipeline p = imported().pipeline();
    assertThat(p.node("orders-read-model").map(Node::kind)).contains(NodeKind.JDBC_SINK);
    assertThat(p.node("audit").map(Node::kind)).contains(NodeKind.JSONL_FILE);
    assertThat(p.edges()).contains(new Edge("shop.public.orders", "orders-read-model"),
        new Edge("shop.public.customers", "orders-read-model"), new Edge("shop.public.orders", "audit"))
        .doesNotContain(new Edge("shop.public.customers", "audit"));
    assertThat(p.cluster().bootstrapServers()).isEqualTo("kafka.internal:9092");
    assertThat(p.cluster().connectUrl()).isEqualTo("http://connect.internal:8083");
  }

  @Test
  void unknownSinkClassIsLeftOutWithANote() throws Exception {
    ConnectImport.Result r = imported();
    assertThat(r.pipeline().hasNode("legacy")).isFalse();
    assertThat(r.notes()).anyMatch(n -> n.contains("legacy") && n.contains("com.example.LegacySink"));
  }

  @Test
  void secretsAreReferencesNeverTheDeployedValues() throws Exception {
    Pipeline p = Layout.apply(imported().pipeline());
    assertThat(p.node("shop").flatMap(n -> n.property("password"))).contains("${env:SHOP_CDC_DATABASE_PASSWORD}");
    assertThat(p.node("orders-read-model").flatMap(n -> n.property("connection.password")))
        .contains("${env:ORDERS_READ_MODEL_CONNECTION_PASSWORD}");
    String yaml = PipelineFile.toYaml(p);
    assertThat(yaml).doesNotContain("s3cret-Literal").doesNotContain("another-Literal");
    // laid out: every node has a place on the canvas
    assertThat(p.nodes()).allMatch(n -> n.position() != null);
  }
}
