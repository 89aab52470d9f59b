package dev.pipewright.model.lint;

import static dev.pipewright.model.lint.TestPipelines.PROD_CLUSTER;
import static dev.pipewright.model.lint.TestPipelines.SOUND_TOPIC;
import static dev.pipewright.model.lint.TestPipelines.pgCapture;
import static dev.pipewright.model.lint.TestPipelines.wellDesigned;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.model.Cluster;
import dev.pipewright.model.Converter;
import dev.pipewright.model.Credentials;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Environment;
import dev.pipewright.model.Finding;
import dev.pipewright.model.KafkaSecurity;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.Slo;
import dev.pipewright.model.SloKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every rule, pipelines on which it must fire and near-misses on which it must stay quiet.
 * Most cases change one thing in the well-designed production pipeline, so a case that fires
 * shows exactly which setting the rule reacts to.
 */
class RuleCasesTest {

  /** One row of the table: does {@code rule} report anything on {@code pipeline}? */
  record Case(String rule, boolean fires, String what, Pipeline pipeline) {
    @Override
    public String toString() {
      return rule + (fires ? " fires: " : " quiet: ") + what;
    }
  }

  private static final List<Case> CASES = new ArrayList<>();

  private static void fires(String rule, String what, Pipeline p) {
    CASES.add(new Case(rule, true, what, p));
  }

  private static void quiet(String rule, String what, Pipeline p) {
    CASES.add(new Case(rule, false, what, p));
  }

  // ---- small edits of a pipeline ---------------------------------------------------------------

  /** Sets properties (key, value, ...; a null value removes the key) on one node. */
  static Pipeline set(Pipeline p, String node, String... kv) {
    Pipeline out = p;
    for (int i = 0; i < kv.length; i += 2) {
      String k = kv[i];
      String v = kv[i + 1];
      out = out.updateNode(node, n -> n.withProperty(k, v));
    }
    return out;
  }

  static Pipeline add(Pipeline p, String name, NodeKind kind, String... kv) {
    Map<String, String> props = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      props.put(kv[i], kv[i + 1]);
    }
    List<Node> nodes = new ArrayList<>(p.nodes());
    nodes.add(new Node(name, kind, null, props));
    return p.withNodes(nodes);
  }

  /** Adds edges along a path, without the canvas's checks (files can hold anything). */
  static Pipeline flow(Pipeline p, String... names) {
    List<Edge> edges = new ArrayList<>(p.edges());
    for (int i = 0; i + 1 < names.length; i++) {
      edges.add(new Edge(names[i], names[i + 1]));
    }
    return p.withEdges(edges);
  }

  static Pipeline cut(Pipeline p, String from, String to) {
    return p.withoutEdge(new Edge(from, to));
  }

  static Pipeline env(Pipeline p, Environment e) {
    return p.withEnvironment(e);
  }

  static Pipeline slos(Pipeline p, Slo... s) {
    return p.withSlos(List.of(s));
  }

  static Pipeline cluster(Pipeline p, Cluster c) {
    return p.withClusters(List.of(c));
  }

  /** A second PostgreSQL capture on shop-db writing billing.public.invoices. */
  static Pipeline billing(Pipeline p, String... captureProps) {
    Pipeline out = add(p, "billing-cdc", NodeKind.DEBEZIUM, pgCapture(captureProps));
    out = set(out, "billing-cdc", "table.include.list", "public.invoices");
    out = add(out, "billing.public.invoices", NodeKind.TOPIC, SOUND_TOPIC);
    out = add(out, "billing-read-model", NodeKind.JDBC_SINK, TestPipelines.sink("dlq.billing-read-model",
        "connection.url", "jdbc:postgresql://readmodel.internal:5432/billing", "connection.password",
        "${env:BILLING_PASSWORD}"));
    return flow(out, "shop-db", "billing-cdc", "billing.public.invoices", "billing-read-model");
  }

  static Pipeline localTrial() {
    TestPipelines.Builder b = TestPipelines.local();
    b.node("shop-db", NodeKind.POSTGRES, "embedded", "true", "database", "shop", "user", "postgres",
        "password", "${env:PG_PASSWORD}");
    b.node("shop-cdc", NodeKind.DEBEZIUM, "topic.prefix", "shop", "table.include.list", "public.customers,public.orders");
    b.node("shop.public.orders", NodeKind.TOPIC, "partitions", "1", "replication.factor", "1", "min.insync.replicas", "1");
    b.node("read-model", NodeKind.JDBC_SINK, "connection.url", "jdbc:postgresql://localhost:5432/readmodel");
    b.node("events", NodeKind.JSONL_FILE, "path", "events.jsonl");
    b.flow("shop-db", "shop-cdc", "shop.public.orders", "read-model");
    b.flow("shop.public.orders", "events");
    return b.build();
  }

  static {
    Pipeline good = wellDesigned();

    // ---- structure ------------------------------------------------------------------------------
    fires("PW-DUPLICATE-NAME", "two nodes named lake", add(good, "lake", NodeKind.REDIS));
    quiet("PW-DUPLICATE-NAME", "unique names", good);

    fires("PW-DANGLING-EDGE", "edge to a missing node", flow(good, "shop-cdc", "orderz"));
    quiet("PW-DANGLING-EDGE", "node removed with its edges", good.withoutNode("lake"));

    fires("PW-ILLEGAL-EDGE", "database straight to a topic", flow(good, "shop-db", "shop.public.orders"));
    fires("PW-ILLEGAL-EDGE", "out of a sink", flow(good, "lake", "inventory.inventory.products"));
    quiet("PW-ILLEGAL-EDGE", "topic to a second sink is legal", flow(good, "shop.public.customers", "lake"));

    fires("PW-CYCLE", "transform feeding back into its topic", flow(good, "unwrap", "shop.public.orders"));
    fires("PW-CYCLE", "self loop", flow(good, "unwrap", "unwrap"));
    quiet("PW-CYCLE", "fan-in is not a loop", flow(good, "shop.public.customers", "unwrap"));

    fires("PW-REQUIRED-PROPERTY", "capture without topic.prefix", set(good, "shop-cdc", "topic.prefix", null));
    fires("PW-REQUIRED-PROPERTY", "database without password", set(good, "shop-db", "password", null));
    fires("PW-REQUIRED-PROPERTY", "blank sink URL", set(good, "read-model", "connection.url", " "));
    quiet("PW-REQUIRED-PROPERTY", "host and port from the defaults", set(good, "shop-db", "host", null));

    fires("PW-PROPERTY-VALUE", "unknown snapshot mode", set(good, "shop-cdc", "snapshot.mode", "sometimes"));
    fires("PW-PROPERTY-VALUE", "zero partitions", set(good, "shop.public.orders", "partitions", "0"));
    fires("PW-PROPERTY-VALUE", "tasks.max not a number", set(good, "read-model", "tasks.max", "many"));
    fires("PW-PROPERTY-VALUE", "port out of range", set(good, "shop-db", "port", "70000"));
    fires("PW-PROPERTY-VALUE", "flag spelt yes", set(good, "read-model", "delete.enabled", "yes"));
    quiet("PW-PROPERTY-VALUE", "valid values", set(good, "shop-cdc", "snapshot.mode", "when_needed",
        "max.batch.size", "4096"));

    fires("PW-PLAINTEXT-SECRET", "literal database password", set(good, "shop-db", "password", "hunter2"));
    fires("PW-PLAINTEXT-SECRET", "malformed reference", set(good, "shop-db", "password", "${env:hunter2-PASS}"));
    fires("PW-PLAINTEXT-SECRET", "literal pass-through keystore password",
        set(good, "shop-cdc", "database.ssl.keystore.password", "hunter2"));
    fires("PW-PLAINTEXT-SECRET", "password in a JDBC URL", set(good, "read-model", "connection.url",
        "jdbc:postgresql://readmodel.internal:5432/readmodel?user=app&password=hunter2"));
    fires("PW-PLAINTEXT-SECRET", "password in a URL's user info", set(good, "orders-search", "connection.url",
        "https://elastic:hunter2@search.internal:9200"));
    fires("PW-PLAINTEXT-SECRET", "literal SASL password", cluster(good, new Cluster("prod", "kafka:9093",
        new KafkaSecurity("SASL_SSL", "SCRAM-SHA-512", new Credentials("svc", "hunter2"), null), null, null,
        "https://registry:8081")));
    fires("PW-PLAINTEXT-SECRET", "literal Connect password", cluster(good, new Cluster("prod", "kafka:9093",
        PROD_CLUSTER.security(), "https://connect:8083", new Credentials("admin", "hunter2"), "https://registry:8081")));
    quiet("PW-PLAINTEXT-SECRET", "file reference", set(good, "shop-db", "password", "${file:/run/secrets/db.properties:pw}"));
    quiet("PW-PLAINTEXT-SECRET", "reference inside a URL", set(good, "orders-search", "connection.url",
        "https://elastic:${env:SEARCH_PASSWORD}@search.internal:9200"));

    fires("PW-TOPIC-NAME", "slash in a topic name", set(good, "shop.public.customers", "topic", "shop/public/customers"));
    fires("PW-TOPIC-NAME", "space in a node name used as topic", add(good, "orders archive", NodeKind.TOPIC, SOUND_TOPIC));
    fires("PW-TOPIC-NAME", "dead-letter topic longer than 249", set(good, "lake", "errors.deadletterqueue.topic.name",
        "d".repeat(250)));
    fires("PW-TOPIC-NAME", "topic called ..", add(good, "..", NodeKind.TOPIC, SOUND_TOPIC));
    fires("PW-TOPIC-NAME", "space in a topic prefix", set(good, "shop-cdc", "topic.prefix", "shop db"));
    quiet("PW-TOPIC-NAME", "249 legal characters", set(good, "lake", "errors.deadletterqueue.topic.name",
        "d".repeat(249)));

    fires("PW-TOPIC-COLLISION", "'.' versus '_'", add(good, "shop_public.orders", NodeKind.TOPIC, SOUND_TOPIC));
    fires("PW-TOPIC-COLLISION", "one topic drawn twice with different partitions",
        add(good, "orders-again", NodeKind.TOPIC, "topic", "shop.public.orders", "partitions", "3",
            "replication.factor", "3", "min.insync.replicas", "2"));
    quiet("PW-TOPIC-COLLISION", "one topic drawn twice alike",
        add(good, "orders-again", NodeKind.TOPIC, "topic", "shop.public.orders", "partitions", "6",
            "replication.factor", "3", "min.insync.replicas", "2"));

    fires("PW-CAPTURE-SOURCE", "no database", cut(good, "shop-db", "shop-cdc"));
    fires("PW-CAPTURE-SOURCE", "two databases", flow(good, "inventory-db", "shop-cdc"));
    quiet("PW-CAPTURE-SOURCE", "one database each", good);

    fires("PW-SINK-INPUT", "sink nobody feeds", add(good, "cache", NodeKind.REDIS));
    quiet("PW-SINK-INPUT", "store written by an application", flow(add(good, "cache", NodeKind.REDIS),
        "orders-service", "cache"));
    quiet("PW-SINK-INPUT", "sink fed through a transform", good);

    fires("PW-SLO-TARGET", "target missing", slos(good, new Slo("fresh", SloKind.FRESHNESS, "nowhere", 5, 99, 0.999, null)));
    fires("PW-SLO-TARGET", "slot WAL on a MySQL capture",
        slos(good, new Slo("wal", SloKind.SLOT_WAL_BYTES, "inventory-cdc", 1e9, 0, 0.999, null)));
    fires("PW-SLO-TARGET", "freshness on a topic",
        slos(good, new Slo("fresh", SloKind.FRESHNESS, "shop.public.orders", 5, 99, 0.999, null)));
    quiet("PW-SLO-TARGET", "lag on a sink, running on a capture", slos(good,
        new Slo("lag", SloKind.LAG_SECONDS, "read-model", 30, 0, 0.99, null),
        new Slo("up", SloKind.CONNECTOR_RUNNING, "shop-cdc", 0, 0, 0.999, null),
        new Slo("wal", SloKind.SLOT_WAL_BYTES, "shop-cdc", 5e9, 0, 0.999, null)));

    fires("PW-SLO-VALUES", "objective as a percentage",
        slos(good, new Slo("fresh", SloKind.FRESHNESS, "read-model", 5, 99, 99.9, null)));
    fires("PW-SLO-VALUES", "percentile 90", slos(good, new Slo("fresh", SloKind.FRESHNESS, "read-model", 5, 90, 0.99, null)));
    fires("PW-SLO-VALUES", "two SLOs with one name", slos(good,
        new Slo("fresh", SloKind.FRESHNESS, "read-model", 5, 99, 0.99, null),
        new Slo("fresh", SloKind.FRESHNESS, "orders-search", 5, 99, 0.99, null)));
    fires("PW-SLO-VALUES", "zero window",
        slos(good, new Slo("lag", SloKind.LAG_MESSAGES, "read-model", 1000, 0, 0.99, Duration.ZERO)));
    quiet("PW-SLO-VALUES", "sound numbers", good);

    // ---- captures -------------------------------------------------------------------------------
    fires("PW-HEARTBEAT", "no heartbeat interval", set(good, "shop-cdc", "heartbeat.interval.ms", null));
    fires("PW-HEARTBEAT", "heartbeats without an action query", set(good, "shop-cdc", "heartbeat.action.query", null));
    fires("PW-HEARTBEAT", "heartbeat table left out of the publication", set(good, "shop-cdc",
        "heartbeat.action.query", "UPDATE debezium.pg_heartbeat SET last_update = now() WHERE id = 0"));
    quiet("PW-HEARTBEAT", "heartbeat table matched by an include pattern", set(good, "shop-cdc",
        "heartbeat.action.query", "UPDATE debezium.pg_heartbeat SET last_update = now() WHERE id = 0",
        "table.include.list", "public.orders,public.customers,debezium\\..*"));
    quiet("PW-HEARTBEAT", "logical decoding message needs no table", set(good, "shop-cdc", "heartbeat.action.query",
        "SELECT pg_logical_emit_message(false, 'heartbeat', now()::varchar)"));
    quiet("PW-HEARTBEAT", "embedded trial database", localTrial());
    quiet("PW-HEARTBEAT", "MySQL needs no slot", good);

    fires("PW-PGOUTPUT", "decoderbufs", set(good, "shop-cdc", "plugin.name", "decoderbufs"));
    quiet("PW-PGOUTPUT", "pgoutput by default", good);

    fires("PW-SLOT-NAME", "hyphen in the slot name", set(good, "shop-cdc", "slot.name", "shop-cdc"));
    fires("PW-SLOT-NAME", "upper case", set(good, "shop-cdc", "slot.name", "ShopCdc"));
    quiet("PW-SLOT-NAME", "lower case and underscores", set(good, "shop-cdc", "slot.name", "shop_cdc_2"));

    fires("PW-SLOT-SHARED", "second capture on the same slot",
        billing(good, "topic.prefix", "billing", "slot.name", "shop_cdc", "publication.name", "billing_publication"));
    fires("PW-SLOT-SHARED", "both on the default slot", billing(set(good, "shop-cdc", "slot.name", null),
        "topic.prefix", "billing", "slot.name", null, "publication.name", "billing_publication"));
    quiet("PW-SLOT-SHARED", "own slot", billing(good, "topic.prefix", "billing", "slot.name", "billing_cdc",
        "publication.name", "billing_publication"));

    fires("PW-PUBLICATION-SHARED", "both on the default publication",
        billing(good, "topic.prefix", "billing", "slot.name", "billing_cdc"));
    quiet("PW-PUBLICATION-SHARED", "own publication", billing(good, "topic.prefix", "billing", "slot.name",
        "billing_cdc", "publication.name", "billing_publication"));
    quiet("PW-PUBLICATION-SHARED", "shared but not filtered", billing(
        set(good, "shop-cdc", "publication.autocreate.mode", "disabled"), "topic.prefix", "billing", "slot.name",
        "billing_cdc", "publication.autocreate.mode", "disabled"));

    fires("PW-SERVER-ID", "no server id", set(good, "inventory-cdc", "database.server.id", null));
    Pipeline twoMysql = flow(add(add(add(good, "orders-cdc", NodeKind.DEBEZIUM, "topic.prefix", "legacy",
                "database.server.id", "184054", "table.include.list", "legacy.orders",
                "schema.history.internal.kafka.topic", "schema-history.legacy"),
            "legacy.legacy.orders", NodeKind.TOPIC, SOUND_TOPIC), "legacy-lake", NodeKind.LAKE,
            TestPipelines.sink("dlq.legacy-lake", "s3.bucket.name", "acme-lake")),
        "inventory-db", "orders-cdc", "legacy.legacy.orders", "legacy-lake");
    fires("PW-SERVER-ID", "two captures with one server id on one server", twoMysql);
    quiet("PW-SERVER-ID", "two captures with their own ids", set(twoMysql, "orders-cdc", "database.server.id", "184055"));

    fires("PW-SCHEMA-HISTORY-MISSING", "MySQL without history topic", cut(
        set(good, "inventory-cdc", "schema.history.internal.kafka.topic", null), "inventory-cdc", "schema-history.inventory"));
    quiet("PW-SCHEMA-HISTORY-MISSING", "history topic drawn but not named",
        set(good, "inventory-cdc", "schema.history.internal.kafka.topic", null));
    quiet("PW-SCHEMA-HISTORY-MISSING", "PostgreSQL keeps no schema history", good);

    fires("PW-SCHEMA-HISTORY-TOPIC", "three partitions", set(good, "schema-history.inventory", "partitions", "3"));
    fires("PW-SCHEMA-HISTORY-TOPIC", "a week's retention", set(good, "schema-history.inventory", "retention.ms", null));
    fires("PW-SCHEMA-HISTORY-TOPIC", "compacted", set(good, "schema-history.inventory", "cleanup.policy", "compact"));
    fires("PW-SCHEMA-HISTORY-TOPIC", "shared by two captures", set(twoMysql, "orders-cdc", "database.server.id",
        "184055", "schema.history.internal.kafka.topic", "schema-history.inventory"));
    quiet("PW-SCHEMA-HISTORY-TOPIC", "1 partition, forever, delete", good);

    fires("PW-PREFIX-UNIQUE", "second capture with prefix shop", billing(good, "topic.prefix", "shop", "slot.name",
        "billing_cdc", "publication.name", "billing_publication"));
    quiet("PW-PREFIX-UNIQUE", "prefix billing", billing(good, "topic.prefix", "billing", "slot.name", "billing_cdc",
        "publication.name", "billing_publication"));

    fires("PW-CAPTURE-TASKS", "four tasks on PostgreSQL", set(good, "shop-cdc", "tasks.max", "4"));
    fires("PW-CAPTURE-TASKS", "two tasks on MySQL", set(good, "inventory-cdc", "tasks.max", "2"));
    quiet("PW-CAPTURE-TASKS", "one task", set(good, "shop-cdc", "tasks.max", "1"));

    fires("PW-TABLE-FILTER", "no include list", set(good, "shop-cdc", "table.include.list", null));
    quiet("PW-TABLE-FILTER", "include list set", good);

    fires("PW-FILTER-CONFLICT", "include and exclude", set(good, "shop-cdc", "table.exclude.list", "public.audit"));
    quiet("PW-FILTER-CONFLICT", "exclude only", set(good, "shop-cdc", "table.exclude.list", "public.audit",
        "table.include.list", null));

    fires("PW-NOT-APPLICABLE", "slot name on MySQL", set(good, "inventory-cdc", "slot.name", "inventory"));
    fires("PW-NOT-APPLICABLE", "server id on PostgreSQL", set(good, "shop-cdc", "database.server.id", "1"));
    quiet("PW-NOT-APPLICABLE", "slot name on PostgreSQL", good);

    fires("PW-CAPTURE-OUTPUT", "only a schema-history topic", cut(good, "inventory-cdc", "inventory.inventory.products"));
    quiet("PW-CAPTURE-OUTPUT", "data topics drawn", good);

    fires("PW-SNAPSHOT-STATE", "no_data feeding a read model", set(good, "shop-cdc", "snapshot.mode", "no_data"));
    fires("PW-SNAPSHOT-STATE", "never feeding a search index", set(good, "shop-cdc", "snapshot.mode", "never"));
    quiet("PW-SNAPSHOT-STATE", "no_data feeding only a lake", set(good, "inventory-cdc", "snapshot.mode", "no_data"));

    fires("PW-SNAPSHOT-ONLY", "initial_only with sinks", set(good, "shop-cdc", "snapshot.mode", "initial_only"));
    quiet("PW-SNAPSHOT-ONLY", "when_needed", set(good, "shop-cdc", "snapshot.mode", "when_needed"));

    fires("PW-SNAPSHOT-ALWAYS", "always", set(good, "shop-cdc", "snapshot.mode", "always"));
    quiet("PW-SNAPSHOT-ALWAYS", "initial", set(good, "shop-cdc", "snapshot.mode", "initial"));

    fires("PW-DECIMAL-DOUBLE", "double", set(good, "shop-cdc", "decimal.handling.mode", "double"));
    quiet("PW-DECIMAL-DOUBLE", "string", set(good, "shop-cdc", "decimal.handling.mode", "string"));

    Pipeline outboxOnShared = flow(add(add(good, "router", NodeKind.OUTBOX_EVENT_ROUTER), "outbox.event.order",
        NodeKind.TOPIC, SOUND_TOPIC), "shop-cdc", "router", "outbox.event.order");
    fires("PW-OUTBOX-TABLE", "router after a capture of three tables", outboxOnShared);
    Pipeline outboxOwn = flow(add(add(add(good, "outbox-cdc", NodeKind.DEBEZIUM, pgCapture("topic.prefix", "outbox",
                "slot.name", "outbox_cdc", "publication.name", "outbox_publication", "table.include.list",
                "public.outbox")), "router", NodeKind.OUTBOX_EVENT_ROUTER),
            "outbox.event.order", NodeKind.TOPIC, SOUND_TOPIC),
        "shop-db", "outbox-cdc", "router", "outbox.event.order");
    quiet("PW-OUTBOX-TABLE", "router after the outbox's own capture", outboxOwn);

    fires("PW-EMBEDDED-OUTSIDE-LOCAL", "embedded in production", set(good, "shop-db", "embedded", "true"));
    quiet("PW-EMBEDDED-OUTSIDE-LOCAL", "embedded in the local trial", localTrial());

    // ---- topics ---------------------------------------------------------------------------------
    fires("PW-REPLICATION", "one replica in production", set(good, "shop.public.orders", "replication.factor", "1",
        "min.insync.replicas", "1"));
    fires("PW-REPLICATION", "min ISR 1 in staging", env(set(good, "shop.public.orders", "min.insync.replicas", "1"),
        Environment.STAGING));
    quiet("PW-REPLICATION", "one replica in local", localTrial());

    fires("PW-MIN-ISR-ABOVE-RF", "one replica, default min ISR 2",
        set(localTrial(), "shop.public.orders", "min.insync.replicas", null));
    quiet("PW-MIN-ISR-ABOVE-RF", "one replica, min ISR 1", localTrial());

    fires("PW-MIN-ISR-NO-SLACK", "3 of 3 in sync", set(good, "shop.public.orders", "min.insync.replicas", "3"));
    quiet("PW-MIN-ISR-NO-SLACK", "2 of 3", good);
    quiet("PW-MIN-ISR-NO-SLACK", "1 of 1 in local", localTrial());

    fires("PW-TOPIC-NAME-MIXED", "orders_archive.v1", add(good, "orders_archive.v1", NodeKind.TOPIC, SOUND_TOPIC));
    quiet("PW-TOPIC-NAME-MIXED", "Debezium's name for table order_items", flow(add(good, "shop.public.order_items",
        NodeKind.TOPIC, SOUND_TOPIC), "shop-cdc", "shop.public.order_items", "read-model"));
    quiet("PW-TOPIC-NAME-MIXED", "dots and hyphens", add(good, "orders-archive.v1", NodeKind.TOPIC, SOUND_TOPIC));

    fires("PW-COMPACT-DELETES", "compacted without tombstones", set(set(good, "shop.public.orders", "cleanup.policy",
        "compact"), "shop-cdc", "tombstones.on.delete", "false"));
    Pipeline unwrapBeforeCompacted = flow(add(add(good, "flatten", NodeKind.EXTRACT_NEW_RECORD_STATE,
            "delete.tombstone.handling.mode", "drop"), "orders-state", NodeKind.TOPIC, "topic", "shop.public.orders-state",
            "cleanup.policy", "compact", "partitions", "6", "replication.factor", "3", "min.insync.replicas", "2"),
        "shop-cdc", "flatten", "orders-state");
    fires("PW-COMPACT-DELETES", "unwrap dropping deletes before a compacted topic", unwrapBeforeCompacted);
    quiet("PW-COMPACT-DELETES", "unwrap keeping tombstones", set(unwrapBeforeCompacted, "flatten",
        "delete.tombstone.handling.mode", "rewrite-with-tombstone"));
    quiet("PW-COMPACT-DELETES", "compacted with tombstones", set(good, "shop.public.orders", "cleanup.policy", "compact"));

    fires("PW-TOPIC-PREFIX", "topic 'orders' after capture 'shop'", set(good, "shop.public.customers", "topic", "orders"));
    Pipeline rerouted = flow(add(add(good, "merge", NodeKind.TOPIC_REROUTE, "topic.regex", "shop\\.public\\.orders_(.*)",
        "topic.replacement", "orders-all"), "orders-all", NodeKind.TOPIC, SOUND_TOPIC), "shop-cdc", "merge", "orders-all");
    quiet("PW-TOPIC-PREFIX", "renamed by a reroute", rerouted);
    quiet("PW-TOPIC-PREFIX", "history and data topics named right", good);
    quiet("PW-TOPIC-PREFIX", "MySQL schema-change topic named exactly the prefix", flow(add(good, "inventory",
        NodeKind.TOPIC, SOUND_TOPIC), "inventory-cdc", "inventory"));

    // ---- sinks ----------------------------------------------------------------------------------
    Pipeline noDlq = set(good, "read-model", "errors.tolerance", null, "errors.deadletterqueue.topic.name", null);
    fires("PW-DLQ", "no dead-letter topic in production", noDlq);
    quiet("PW-DLQ", "no dead-letter topic in local", env(noDlq, Environment.LOCAL));
    quiet("PW-DLQ", "the JSON-lines file has no error handling", localTrial());

    Pipeline replay = flow(add(add(good, "dlq.read-model", NodeKind.TOPIC, "role", "dead-letter", "partitions", "1",
        "replication.factor", "3", "min.insync.replicas", "2"), "replayer", NodeKind.JDBC_SINK,
        "connection.url", "jdbc:postgresql://readmodel.internal:5432/readmodel",
        "connection.password", "${env:READMODEL_PASSWORD}"), "dlq.read-model", "replayer");
    fires("PW-DLQ-REPLAY", "replaying sink without its own dead-letter topic", replay);
    fires("PW-DLQ-REPLAY", "also in local", env(replay, Environment.LOCAL));
    quiet("PW-DLQ-REPLAY", "replaying sink with a parking lot", set(replay, "replayer", "errors.tolerance", "all",
        "errors.deadletterqueue.topic.name", "parking-lot.replayer"));
    quiet("PW-DLQ", "replaying sinks are PW-DLQ-REPLAY's", replay);

    fires("PW-DLQ-SILENT-DROP", "tolerance all, no topic", set(good, "read-model", "errors.deadletterqueue.topic.name", null));
    quiet("PW-DLQ-SILENT-DROP", "tolerance all with a topic", good);

    fires("PW-DLQ-UNUSED", "topic set, tolerance none", set(good, "read-model", "errors.tolerance", "none"));
    quiet("PW-DLQ-UNUSED", "tolerance all", good);

    fires("PW-DLQ-LOOP", "dead letters into an input", set(good, "read-model", "errors.deadletterqueue.topic.name",
        "shop.public.customers"));
    quiet("PW-DLQ-LOOP", "own dead-letter topic", good);

    fires("PW-DLQ-HEADERS", "no error headers", set(good, "read-model", "errors.deadletterqueue.context.headers.enable", null));
    quiet("PW-DLQ-HEADERS", "error headers on", good);

    fires("PW-UPSERT-KEY", "JDBC upsert with primary.key.mode none", set(good, "read-model", "primary.key.mode", "none",
        "delete.enabled", "false"));
    fires("PW-UPSERT-KEY", "JDBC update with primary.key.mode none", set(good, "read-model", "primary.key.mode", "none",
        "insert.mode", "update"));
    quiet("PW-UPSERT-KEY", "plain inserts need no key", set(good, "read-model", "primary.key.mode", "none",
        "insert.mode", "insert", "delete.enabled", "false"));

    fires("PW-JDBC-DELETE-KEY", "deletes keyed by the value", set(good, "read-model", "primary.key.mode", "record_value"));
    quiet("PW-JDBC-DELETE-KEY", "value key without deletes", set(good, "read-model", "primary.key.mode", "record_value",
        "delete.enabled", "false"));

    fires("PW-SEARCH-KEY", "key.ignore=true", set(good, "orders-search", "key.ignore", "true"));
    quiet("PW-SEARCH-KEY", "key.ignore=false", good);

    fires("PW-SEARCH-DELETES", "ignore", set(good, "orders-search", "behavior.on.null.values", "ignore"));
    fires("PW-SEARCH-DELETES", "fail", set(good, "orders-search", "behavior.on.null.values", "fail"));
    quiet("PW-SEARCH-DELETES", "delete", set(good, "orders-search", "behavior.on.null.values", "delete"));

    fires("PW-UNWRAP", "search index fed raw envelopes", flow(good, "shop.public.customers", "orders-search"));
    fires("PW-UNWRAP", "ClickHouse fed raw envelopes", flow(add(good, "analytics", NodeKind.CLICKHOUSE,
        TestPipelines.sink("dlq.analytics", "hostname", "ch.internal", "password", "${env:CH_PASSWORD}")),
        "shop.public.orders", "analytics"));
    quiet("PW-UNWRAP", "JDBC sink reads envelopes itself", good);
    quiet("PW-UNWRAP", "unwrap on the capture side", flow(add(add(good, "flatten", NodeKind.EXTRACT_NEW_RECORD_STATE),
        "shop.public.orders-flat", NodeKind.TOPIC, SOUND_TOPIC), "shop-cdc", "flatten", "shop.public.orders-flat",
        "orders-search"));

    fires("PW-DROPPED-DELETES", "unwrap drops deletes before search", set(good, "unwrap",
        "delete.tombstone.handling.mode", "drop"));
    quiet("PW-DROPPED-DELETES", "unwrap keeps deletes", good);

    fires("PW-SCHEMALESS", "plain JSON into the JDBC sink", good.withConverter(Converter.JSON));
    fires("PW-SCHEMALESS", "capture override to plain JSON", set(good, "shop-cdc", "converter", "json"));
    quiet("PW-SCHEMALESS", "JSON with schemas", good.withConverter(Converter.JSON_SCHEMAS));

    Pipeline jsonBilling = billing(good, "topic.prefix", "billing", "slot.name", "billing_cdc",
        "publication.name", "billing_publication", "converter", "json-schemas");
    fires("PW-CONVERTER-MISMATCH", "Avro and JSON topics into one sink",
        flow(jsonBilling, "billing.public.invoices", "read-model"));
    fires("PW-CONVERTER-MISMATCH", "sink overriding the converter", set(good, "read-model", "converter", "json-schemas"));
    quiet("PW-CONVERTER-MISMATCH", "one format per sink", jsonBilling);
    quiet("PW-CONVERTER-MISMATCH", "the JSON-lines file takes any format", localTrial());

    fires("PW-FILE-TRANSFORMS", "unwrap before the JSON-lines file", flow(cut(add(localTrial(), "flat",
        NodeKind.EXTRACT_NEW_RECORD_STATE), "shop.public.orders", "events"), "shop.public.orders", "flat", "events"));
    quiet("PW-FILE-TRANSFORMS", "file straight from its topic, unwrap before another sink", localTrial());

    fires("PW-ICEBERG-TARGET", "no catalog", set(good, "lake", "iceberg.catalog.uri", null));
    fires("PW-ICEBERG-TARGET", "no tables", set(good, "lake", "iceberg.tables", null));
    quiet("PW-ICEBERG-TARGET", "dynamic routing", set(good, "lake", "iceberg.tables", null,
        "iceberg.tables.dynamic-enabled", "true", "iceberg.tables.route-field", "__table"));
    quiet("PW-ICEBERG-TARGET", "Parquet files on S3 need no catalog", set(good, "lake", "format", "s3-parquet",
        "iceberg.catalog.uri", null, "iceberg.tables", null));

    fires("PW-SCHEMALESS", "plain JSON into Parquet files", set(good.withConverter(Converter.JSON), "lake",
        "format", "s3-parquet"));

    fires("PW-JDBC-DELETES", "deletes ignored", set(good, "read-model", "delete.enabled", "false"));
    quiet("PW-JDBC-DELETES", "deletes applied", good);

    fires("PW-IDLE-TASKS", "three tasks on one partition", set(good, "shop.public.orders", "partitions", "1"));
    quiet("PW-IDLE-TASKS", "three tasks on six partitions", good);

    // ---- design ---------------------------------------------------------------------------------
    fires("PW-DUAL-WRITE", "database and search index", flow(good, "orders-service", "orders-search"));
    fires("PW-DUAL-WRITE", "database and a topic", flow(good, "orders-service", "shop.public.orders"));
    quiet("PW-DUAL-WRITE", "database only", good);
    quiet("PW-DUAL-WRITE", "two topics (one Kafka transaction)", flow(good.withoutEdge(new Edge("orders-service",
        "shop-db")), "orders-service", "shop.public.orders").withEdge(new Edge("orders-service", "shop.public.customers")));

    Cluster noRegistry = new Cluster("prod", PROD_CLUSTER.bootstrapServers(), PROD_CLUSTER.security(),
        PROD_CLUSTER.connectUrl(), PROD_CLUSTER.connectAuth(), null);
    fires("PW-SCHEMA-REGISTRY", "Avro without a registry", cluster(good, noRegistry));
    fires("PW-SCHEMA-REGISTRY", "capture override to Protobuf without a registry",
        set(cluster(good.withConverter(Converter.JSON_SCHEMAS), noRegistry), "shop-cdc", "converter", "protobuf"));
    quiet("PW-SCHEMA-REGISTRY", "JSON with schemas needs none", cluster(good.withConverter(Converter.JSON_SCHEMAS), noRegistry));

    Pipeline sharded = flow(add(add(good, "merge", NodeKind.TOPIC_REROUTE, "topic.regex", "shop\\.public\\.orders_(.*)",
        "topic.replacement", "shop.public.orders"), "shop.public.orders-all", NodeKind.TOPIC, SOUND_TOPIC),
        "shop-cdc", "merge", "shop.public.orders-all");
    fires("PW-REROUTE-KEYS", "keys not made unique", set(sharded, "merge", "key.enforce.uniqueness", "false"));
    quiet("PW-REROUTE-KEYS", "keys made unique", sharded);

    fires("PW-MASK-AFTER-TOPIC", "mask on the sink side", flow(cut(add(good, "mask-pii", NodeKind.MASK_FIELD, "fields",
        "email"), "shop.public.customers", "read-model"), "shop.public.customers", "mask-pii", "read-model"));
    quiet("PW-MASK-AFTER-TOPIC", "mask on the capture side", flow(cut(add(good, "mask-pii", NodeKind.MASK_FIELD,
        "fields", "email"), "shop-cdc", "shop.public.customers"), "shop-cdc", "mask-pii", "shop.public.customers"));

    Cluster plaintext = new Cluster("prod", "kafka:9092", KafkaSecurity.PLAINTEXT, null, null, "https://registry:8081");
    fires("PW-PLAINTEXT-KAFKA", "PLAINTEXT in production", cluster(good, plaintext));
    quiet("PW-PLAINTEXT-KAFKA", "PLAINTEXT in dev", env(cluster(good, plaintext), Environment.DEV));
    quiet("PW-PLAINTEXT-KAFKA", "SASL_SSL in production", good);

    fires("PW-DB-TLS", "sslmode prefer by default", set(good, "shop-db", "sslmode", null));
    fires("PW-DB-TLS", "sslmode require", set(good, "shop-db", "sslmode", "require"));
    quiet("PW-DB-TLS", "prefer in dev", env(set(good, "shop-db", "sslmode", null), Environment.DEV));

    fires("PW-TRANSFORM-UNATTACHED", "filter on its own", add(good, "only-inserts", NodeKind.FILTER, "condition",
        "value.op == 'c'"));
    fires("PW-TRANSFORM-UNATTACHED", "filter with input only", flow(add(good, "only-inserts", NodeKind.FILTER,
        "condition", "value.op == 'c'"), "shop.public.orders", "only-inserts"));
    quiet("PW-TRANSFORM-UNATTACHED", "unwrap between topic and sink", good);

    fires("PW-WAL-GUARD", "no SLO on the slot", good.withSlos(List.of()));
    quiet("PW-WAL-GUARD", "slot-wal-bytes SLO", good);
    quiet("PW-WAL-GUARD", "local trial", localTrial());

    fires("PW-CLUSTER-ADDRESS", "embedded broker in production", cluster(good, Cluster.local("prod")));
    fires("PW-CLUSTER-ADDRESS", "no cluster in staging", env(good.withClusters(List.of()), Environment.STAGING));
    quiet("PW-CLUSTER-ADDRESS", "embedded broker in local", localTrial());

    fires("PW-TOPIC-UNREAD", "payments topic with no reader", flow(add(good, "shop.public.payments", NodeKind.TOPIC,
        SOUND_TOPIC), "shop-cdc", "shop.public.payments"));
    quiet("PW-TOPIC-UNREAD", "schema history is read by Debezium itself", good);

    fires("PW-UNKNOWN-PROPERTY", "misspelt heartbeat key", set(good, "shop-cdc", "heartbeat.interval", "10000"));
    quiet("PW-UNKNOWN-PROPERTY", "catalogued keys only", good);
  }

  static Stream<Case> cases() {
    return CASES.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void ruleFiresExactlyOnTheCasesItShould(Case c) {
    Rule rule = Linter.rules().stream().filter(r -> r.id().equals(c.rule())).findFirst()
        .orElseThrow(() -> new AssertionError("no rule " + c.rule()));
    List<Finding> found = Linter.check(c.pipeline()).stream().filter(f -> f.ruleId().equals(c.rule())).toList();
    if (c.fires()) {
      assertThat(found).as(c.toString()).isNotEmpty();
      assertThat(found).allSatisfy(f -> {
        assertThat(f.severity()).isEqualTo(rule.severity());
        assertThat(f.message()).isNotBlank();
        assertThat(f.fix()).isNotBlank();
        if (f.node() != null) {
          assertThat(c.pipeline().hasNode(f.node())).as("finding names an existing node").isTrue();
        }
      });
    } else {
      assertThat(found).as(c.toString()).isEmpty();
    }
  }

  @Test
  void everyRuleHasACaseWhereItFiresAndOneWhereItStaysQuiet() {
    Set<String> firing = new HashSet<>();
    Set<String> quiet = new HashSet<>();
    for (Case c : CASES) {
      (c.fires() ? firing : quiet).add(c.rule());
    }
    for (Rule r : Linter.rules()) {
      assertThat(firing).as("a case where %s fires", r.id()).contains(r.id());
      assertThat(quiet).as("a case where %s stays quiet", r.id()).contains(r.id());
    }
  }

  @Test
  void noFindingEverRepeatsASecretValue() {
    List<String> leaks = new ArrayList<>();
    for (Case c : CASES) {
      for (Finding f : Linter.check(c.pipeline())) {
        if ((f.message() + " " + f.fix()).contains("hunter2")) {
          leaks.add(c + ": " + f);
        }
      }
    }
    assertThat(leaks).isEmpty();
  }
}
