package dev.pipewright.runtime.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.model.Edge;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.connect.ConnectorConfigs;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** The sink-side SMT chain, run with the real Kafka and Debezium transform classes the export names. */
class TransformChainTest {
  private static final Schema ROW = SchemaBuilder.struct().name("shop.public.customers.Value")
      .field("id", Schema.INT32_SCHEMA).field("email", Schema.STRING_SCHEMA).optional().build();
  private static final Schema SOURCE = SchemaBuilder.struct().name("source")
      .field("ts_ms", Schema.INT64_SCHEMA).build();
  private static final Schema ENVELOPE = SchemaBuilder.struct().name("shop.public.customers.Envelope")
      .field("before", ROW).field("after", ROW).field("source", SOURCE).field("op", Schema.STRING_SCHEMA)
      .field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA).build();

  @Test
  void exportedUnwrapAndMaskFlattenTheEventAndBlankTheField() {
    Map<String, String> config = sinkConfigBehind(
        new Node("unwrap", NodeKind.EXTRACT_NEW_RECORD_STATE, null, Map.of("add.fields", "op")),
        new Node("mask", NodeKind.MASK_FIELD, null, Map.of("fields", "email", "replacement", "***")));
    try (TransformChain chain = TransformChain.of("sink", config)) {
      SinkRecord out = chain.apply(change("c", 7, "ann@example.com"));
      Struct row = (Struct) out.value();
      assertThat(row.schema().field("after")).as("flattened").isNull();
      assertThat(row.get("id")).isEqualTo(7);
      assertThat(row.get("email")).isEqualTo("***");
      assertThat(row.get("__op")).isEqualTo("c");
    }
  }

  @Test
  void theExportedMaskLetsTheTombstoneAfterADeletePassInsteadOfStoppingTheConnector() {
    Map<String, String> config = sinkConfigBehind(new Node("unwrap", NodeKind.EXTRACT_NEW_RECORD_STATE, null, Map.of()),
        new Node("mask", NodeKind.MASK_FIELD, null, Map.of("fields", "email")));
    assertThat(config).containsEntry("transforms.mask.predicate", "isTombstone")
        .containsEntry("transforms.mask.negate", "true").containsEntry("predicates", "isTombstone");
    try (TransformChain chain = TransformChain.of("sink", config)) {
      SinkRecord delete = chain.apply(change("d", 7, "a@b"));
      assertThat(delete).as("the unwrap turns the delete into a tombstone, the mask lets it pass").isNotNull();
      assertThat(delete.value()).isNull();
      assertThat(((Struct) chain.apply(change("u", 7, "a@b")).value()).get("email")).isEqualTo("");
    }
    Map<String, String> own = sinkConfigBehind(new Node("mask", NodeKind.MASK_FIELD, null,
        Map.of("fields", "email", "predicate", "mine")));
    assertThat(own).containsEntry("transforms.mask.predicate", "mine").doesNotContainKey("predicates");
  }

  @Test
  void aTransformThatDropsTheRecordReturnsNull() {
    Map<String, String> config = sinkConfigBehind(new Node("unwrap", NodeKind.EXTRACT_NEW_RECORD_STATE, null,
        Map.of("delete.tombstone.handling.mode", "drop")));
    try (TransformChain chain = TransformChain.of("sink", config)) {
      assertThat(chain.apply(change("d", 7, "ann@example.com"))).isNull();
      assertThat(chain.apply(change("u", 7, "ann@example.com"))).isNotNull();
    }
  }

  @Test
  void aPredicateLimitsATransformToMatchingTopicsAndNegateInvertsIt() {
    Map<String, String> config = new HashMap<>();
    config.put("transforms", "drop");
    config.put("transforms.drop.type", "org.apache.kafka.connect.transforms.Filter");
    config.put("transforms.drop.predicate", "isOrders");
    config.put("predicates", "isOrders");
    config.put("predicates.isOrders.type", "org.apache.kafka.connect.transforms.predicates.TopicNameMatches");
    config.put("predicates.isOrders.pattern", ".*orders");
    try (TransformChain chain = TransformChain.of("sink", config)) {
      assertThat(chain.apply(change("c", 1, "a@b"))).as("customers pass").isNotNull();
      assertThat(chain.apply(change("c", 1, "a@b").newRecord("shop.public.orders", 0, null, 1, ENVELOPE,
          change("c", 1, "a@b").value(), 0L))).as("orders dropped").isNull();
    }
    config.put("transforms.drop.negate", "true");
    try (TransformChain chain = TransformChain.of("sink", config)) {
      assertThat(chain.apply(change("c", 1, "a@b"))).as("negated: customers dropped").isNull();
    }
  }

  @Test
  void noTransformsIsAnEmptyChainThatPassesRecordsUnchanged() {
    try (TransformChain chain = TransformChain.of("sink", Map.of("topics", "x"))) {
      SinkRecord r = change("c", 1, "a@b");
      assertThat(chain.isEmpty()).isTrue();
      assertThat(chain.apply(r)).isSameAs(r);
    }
  }

  @Test
  void debeziumFilterIsRefusedWithASentenceNamingTheScriptingModule() {
    Map<String, String> config = sinkConfigBehind(
        new Node("only-gold", NodeKind.FILTER, null, Map.of("condition", "value.tier == 'gold'")));
    assertThat(TransformChain.problem("orders-sink", config)).hasValueSatisfying(m -> assertThat(m)
        .contains("Connector 'orders-sink'", "'only-gold'", "io.debezium.transforms.Filter", "scripting module",
            "Remove it to try the pipeline locally"));
  }

  @Test
  void settingsATransformRefusesAreReportedWithItsAlias() {
    Map<String, String> config = Map.of("transforms", "mask", "transforms.mask.type",
        "org.apache.kafka.connect.transforms.MaskField$Value");
    assertThatThrownBy(() -> TransformChain.of("sink", config)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("transform 'mask'").hasMessageContaining("refuses its settings")
        .hasMessageContaining("fields");
  }

  @Test
  void aPredicateMissingFromTheListIsNamed() {
    Map<String, String> config = Map.of("transforms", "drop", "transforms.drop.type",
        "org.apache.kafka.connect.transforms.Filter", "transforms.drop.predicate", "nope");
    assertThat(TransformChain.problem("sink", config)).hasValueSatisfying(m -> assertThat(m)
        .contains("predicate 'nope'", "not listed in 'predicates'"));
  }

  @Test
  void aFailureOnOneRecordNamesTheTransform() {
    Map<String, String> config = Map.of("transforms", "mask", "transforms.mask.type",
        "org.apache.kafka.connect.transforms.MaskField$Value", "transforms.mask.fields", "email");
    try (TransformChain chain = TransformChain.of("sink", config)) {
      SinkRecord notAStruct = new SinkRecord("t", 0, null, 1, Schema.STRING_SCHEMA, "plain text", 0L);
      assertThatThrownBy(() -> chain.apply(notAStruct)).isInstanceOf(TransformChain.TransformException.class)
          .hasMessageStartingWith("transform 'mask' failed");
    }
  }

  /** The connector config the exporter writes for a JDBC sink reading a topic through {@code chain}. */
  private static Map<String, String> sinkConfigBehind(Node... chain) {
    Pipeline p = Pipeline.empty("p").withNode(new Node("shop.public.customers", NodeKind.TOPIC, null, Map.of()))
        .withNode(new Node("sink", NodeKind.JDBC_SINK, null, Map.of("connection.url", "jdbc:postgresql://localhost/x")));
    String from = "shop.public.customers";
    for (Node n : chain) {
      p = p.withNode(n).withEdge(new Edge(from, n.name()));
      from = n.name();
    }
    p = p.withEdge(new Edge(from, "sink"));
    return ConnectorConfigs.forNode(p, p.node("sink").orElseThrow()).config();
  }

  private static SinkRecord change(String op, int id, String email) {
    Struct after = new Struct(ROW).put("id", id).put("email", email);
    Struct env = new Struct(ENVELOPE).put("before", op.equals("c") ? null : after)
        .put("after", op.equals("d") ? null : after).put("source", new Struct(SOURCE).put("ts_ms", 1L)).put("op", op);
    return new SinkRecord("shop.public.customers", 0, null, id, ENVELOPE, env, 0L);
  }
}
