package dev.pipewright.model.lint;

import static dev.pipewright.model.Severity.ERROR;
import static dev.pipewright.model.Severity.INFO;
import static dev.pipewright.model.Severity.WARNING;
import static dev.pipewright.model.lint.Flow.quote;

import dev.pipewright.model.Category;
import dev.pipewright.model.Cluster;
import dev.pipewright.model.Converter;
import dev.pipewright.model.Environment;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.PropertySpec;
import dev.pipewright.model.SloKind;
import dev.pipewright.model.io.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Whole-architecture rules: dual writes, serialisation, security, observability, unknown keys. */
final class DesignRules {
  private DesignRules() {}

  static final Rule DUAL_WRITE = new DefinedRule("PW-DUAL-WRITE", WARNING,
      "Application writes to two stores (dual write)",
      "An application that writes the same change to two stores (a database and a search index, or "
          + "a database and a Kafka topic) has no transaction spanning both: a crash or a failed second "
          + "write leaves them disagreeing for good, and concurrent writers can apply changes in "
          + "different orders. Write to the database only and let CDC derive the rest, or write an "
          + "outbox row in the same transaction and publish it with the outbox event router.",
      "keep 'orders-service -> shop-db', remove 'orders-service -> search' and feed search from shop-db via CDC",
      (p, r) -> {
        for (Node app : p.nodesIn(Category.APPLICATION)) {
          List<String> stores = new ArrayList<>();
          boolean topic = false;
          for (Node d : Graph.of(p).downstream(app.name())) {
            Category c = d.kind().category();
            if (c == Category.SOURCE || c == Category.SINK) {
              stores.add(quote(d.name()));
            } else if (c == Category.TOPIC && !topic) {
              // Writes to several topics can share one Kafka transaction, so all topics count once.
              topic = true;
              stores.add("Kafka (" + quote(d.name()) + ")");
            }
          }
          if (stores.size() >= 2) {
            r.node(app, null, "Application " + quote(app.name()) + " writes to " + String.join(" and ", stores)
                    + " with no transaction spanning them (dual write): a crash between the writes leaves "
                    + "them disagreeing",
                "let " + quote(app.name()) + " write only to its database and derive the other stores with CDC, "
                    + "or write an outbox row in the same transaction and route it with the outbox event router");
          }
        }
      });

  static final Rule SCHEMA_REGISTRY = new DefinedRule("PW-SCHEMA-REGISTRY", ERROR,
      "Avro/Protobuf without a schema registry",
      "The Avro and Protobuf converters store each schema in a schema registry and put only its id "
          + "in the record. Without schema.registry.url the converter cannot be configured and every "
          + "connector using it fails to start.",
      "set schemaRegistryUrl on the cluster to http://schema-registry:8081, or use converter json-schemas",
      (p, r) -> {
        String registry = p.cluster().schemaRegistryUrl();
        if (registry != null && !registry.isBlank()) {
          return;
        }
        String fix = "set schemaRegistryUrl on cluster " + quote(p.cluster().name())
            + " (e.g. http://schema-registry:8081), or use converter json-schemas";
        if (p.converter().needsSchemaRegistry()) {
          r.pipeline("converter", "The pipeline serialises with " + p.converter().yamlName() + " but cluster "
              + quote(p.cluster().name()) + " has no schema registry: every connector fails to start", fix);
        }
        for (Node n : p.nodesOf(NodeKind.DEBEZIUM)) {
          Converter c = Flow.converterOf(p, n);
          if (n.isSet("converter") && c.needsSchemaRegistry() && c != p.converter()) {
            r.node(n, "converter", quote(n.name()) + " serialises with " + c.yamlName() + " but cluster "
                + quote(p.cluster().name()) + " has no schema registry: the connector fails to start", fix);
          }
        }
      });

  static final Rule REROUTE_KEYS = new DefinedRule("PW-REROUTE-KEYS", WARNING,
      "Rerouted tables may share keys",
      "Routing several tables into one topic (e.g. the shards orders_1..orders_n) mixes their keys. "
          + "With key.enforce.uniqueness=false two rows with the same primary key in different tables "
          + "get the same Kafka key, so compaction and every keyed sink treat them as one row and one "
          + "overwrites the other.",
      "set key.enforce.uniqueness to true",
      (p, r) -> {
        for (Node n : p.nodesOf(NodeKind.TOPIC_REROUTE)) {
          if (!n.property("key.enforce.uniqueness").orElse("true").equals("true")) {
            r.node(n, "key.enforce.uniqueness", quote(n.name()) + " merges tables into one topic without making "
                    + "keys unique: rows with the same id in different tables overwrite each other downstream",
                "set key.enforce.uniqueness to true (adds the source table to the key)");
          }
        }
      });

  static final Rule MASK_AFTER_TOPIC = new DefinedRule("PW-MASK-AFTER-TOPIC", INFO,
      "Fields masked only after they reached Kafka",
      "A mask on the sink side hides the fields from that one store, but the topic still holds the "
          + "clear values for its whole retention, readable by every consumer with access. Masking "
          + "between capture and topic, or column.exclude.list on the capture, keeps them out of "
          + "Kafka altogether.",
      "move 'mask-pii' between 'shop-cdc' and its topic, or list the columns in column.exclude.list",
      (p, r) -> {
        for (Node n : p.nodesOf(NodeKind.MASK_FIELD)) {
          List<Node> topics = Flow.topicsUpstream(p, n);
          if (!topics.isEmpty()) {
            r.node(n, "fields", quote(n.name()) + " masks " + n.property("fields").orElse("its fields")
                    + " only after the values were written in clear to " + quote(Flow.topicName(topics.get(0))),
                "move " + quote(n.name()) + " between the capture and the topic, or exclude those columns "
                    + "with column.exclude.list on the capture");
          }
        }
      });

  static final Rule PLAINTEXT_KAFKA = new DefinedRule("PW-PLAINTEXT-KAFKA", WARNING,
      "Kafka traffic not encrypted in staging or production",
      "Change events carry whole rows, personal data included. With security protocol PLAINTEXT or "
          + "SASL_PLAINTEXT they cross the network unencrypted, and PLAINTEXT lets any client that "
          + "reaches the brokers read and write every topic.",
      "set the cluster's security protocol to SASL_SSL (or SSL with client certificates)",
      (p, r) -> {
        if (p.environment() != Environment.STAGING && p.environment() != Environment.PRODUCTION) {
          return;
        }
        for (int i = 0; i < p.clusters().size(); i++) {
          Cluster c = p.clusters().get(i);
          String protocol = c.security().protocol() == null ? "PLAINTEXT" : c.security().protocol();
          if (!c.embedded() && !protocol.endsWith("SSL")) {
            r.pipeline("clusters[" + i + "].security.protocol", "Cluster " + quote(c.name()) + " is reached with "
                    + protocol + " in environment " + p.environment().yamlName()
                    + ": change events (whole rows) cross the network unencrypted",
                "set security.protocol to SASL_SSL with a truststore (or SSL with client certificates)");
          }
        }
      });

  static final Rule DB_TLS = new DefinedRule("PW-DB-TLS", WARNING,
      "Database connection not verified in staging or production",
      "sslmode disable sends credentials and rows in clear; allow and prefer fall back to clear "
          + "silently and never check who answers; require encrypts but does not verify the server. "
          + "Only verify-full checks the certificate and the host name.",
      "set sslmode to verify-full",
      (p, r) -> {
        if (p.environment() != Environment.STAGING && p.environment() != Environment.PRODUCTION) {
          return;
        }
        for (Node n : p.nodesOf(NodeKind.POSTGRES)) {
          String mode = n.property("sslmode").orElse("prefer");
          if (!n.boolProperty("embedded") && !mode.startsWith("verify")) {
            r.node(n, "sslmode", quote(n.name()) + " connects with sslmode=" + mode + " in environment "
                    + p.environment().yamlName() + (mode.equals("require")
                        ? ": the connection is encrypted but the server is not verified"
                        : ": credentials and rows may travel unencrypted, to an unverified server"),
                "set sslmode to verify-full (needs the server's CA certificate)");
          }
        }
      });

  static final Rule TRANSFORM_UNATTACHED = new DefinedRule("PW-TRANSFORM-UNATTACHED", WARNING,
      "Transform with nothing before or after it",
      "A transform runs inside the connector on one side of it: after a capture (source transform) "
          + "or before a sink (sink transform). Without an input it belongs to no connector and is "
          + "never exported; without an output its results go nowhere.",
      "connect 'unwrap' between shop.public.orders and orders-search",
      (p, r) -> {
        for (Node n : p.nodesIn(Category.TRANSFORM)) {
          boolean in = !Graph.of(p).upstream(n.name()).isEmpty();
          boolean out = !Graph.of(p).downstream(n.name()).isEmpty();
          if (!in || !out) {
            r.node(n, null, "Transform " + quote(n.name()) + " has no "
                    + (!in ? (out ? "input" : "input and no output") + ": no connector runs it"
                        : "output: its results go nowhere"),
                "connect it after a capture or topic and before a topic or sink, or remove it");
          }
        }
      });

  static final Rule WAL_GUARD = new DefinedRule("PW-WAL-GUARD", INFO,
      "No SLO watching the replication slot",
      "A stalled PostgreSQL capture does not lose data, it makes the database keep WAL, and the first "
          + "sign is often a full disk on the primary. A slot-wal-bytes SLO on the capture alerts "
          + "while there is still room to act. Not checked in environment local.",
      "add an SLO: kind slot-wal-bytes, target shop-cdc, threshold 5000000000, objective 0.999",
      (p, r) -> {
        if (p.environment() == Environment.LOCAL) {
          return;
        }
        for (Node n : p.nodesOf(NodeKind.DEBEZIUM)) {
          Optional<Node> src = Flow.source(p, n);
          if (src.isEmpty() || src.get().kind() != NodeKind.POSTGRES || src.get().boolProperty("embedded")) {
            continue;
          }
          boolean guarded = p.slos().stream()
              .anyMatch(s -> s.kind() == SloKind.SLOT_WAL_BYTES && s.target().equals(n.name()));
          if (!guarded) {
            r.node(n, null, "Nothing alerts when the replication slot of " + quote(n.name())
                    + " starts holding WAL back; the first sign would be a full disk on " + quote(src.get().name()),
                "add an SLO of kind slot-wal-bytes on " + quote(n.name())
                    + " with a threshold well below the free disk space, e.g. 5000000000 bytes");
          }
        }
      });

  static final Rule CLUSTER_ADDRESS = new DefinedRule("PW-CLUSTER-ADDRESS", WARNING,
      "No Kafka address outside environment local",
      "Without bootstrapServers a cluster means the local trial's embedded broker, which exists only "
          + "on a laptop. Outside environment local the exports (Terraform topics, Strimzi), the "
          + "monitor and the drift check have no cluster to point at.",
      "set bootstrapServers of cluster 'prod' to kafka-1.internal:9093,kafka-2.internal:9093",
      (p, r) -> {
        if (p.environment() == Environment.LOCAL) {
          return;
        }
        if (p.clusters().isEmpty()) {
          r.pipeline("clusters", "The pipeline names no Kafka cluster in environment " + p.environment().yamlName(),
              "add a cluster with bootstrapServers (and security, connect, schemaRegistryUrl as needed)");
        }
        for (int i = 0; i < p.clusters().size(); i++) {
          Cluster c = p.clusters().get(i);
          if (c.embedded()) {
            r.pipeline("clusters[" + i + "].bootstrapServers", "Cluster " + quote(c.name())
                    + " has no bootstrapServers, so it stands for the local trial's embedded broker, which "
                    + "does not exist in environment " + p.environment().yamlName(),
                "set bootstrapServers of " + quote(c.name()) + " to the brokers' host:port list");
          }
        }
      });

  static final Rule TOPIC_UNREAD = new DefinedRule("PW-TOPIC-UNREAD", INFO,
      "Data topic nobody reads",
      "A data topic with nothing drawn after it costs broker disk and, when a capture fills it, "
          + "database load, for no consumer in this pipeline. Either a consumer is missing from the "
          + "drawing or the table could leave table.include.list.",
      "connect shop.public.customers to the sink that needs it, or drop the table from table.include.list",
      (p, r) -> {
        for (Node t : p.nodesOf(NodeKind.TOPIC)) {
          if (Flow.role(t).equals("data") && Graph.of(p).downstream(t.name()).isEmpty()) {
            r.node(t, null, "Nothing in the pipeline reads topic " + quote(Flow.topicName(t)),
                "connect it to a sink, transform or application, or stop producing it");
          }
        }
      });

  static final Rule UNKNOWN_PROPERTY = new DefinedRule("PW-UNKNOWN-PROPERTY", INFO,
      "Property not in the catalogue (passed through unchecked)",
      "Properties Pipewright does not know are passed to the connector as strings, which is how "
          + "connector-specific overrides are set. They are not type-checked, so a misspelt key "
          + "(heartbeat.interval instead of heartbeat.interval.ms) silently does nothing.",
      "rename heartbeat.interval to heartbeat.interval.ms",
      (p, r) -> {
        for (Node n : p.nodes()) {
          for (String key : n.properties().keySet()) {
            if (n.kind().property(key).isPresent()) {
              continue;
            }
            Optional<String> near = nearest(n, key);
            r.node(n, key, quote(n.name()) + " sets " + key + ", which Pipewright does not know; it is passed to "
                    + "the connector unchecked" + near.map(k -> " (did you mean " + k + "?)").orElse(""),
                near.map(k -> "rename " + key + " to " + k)
                    .orElse("check the spelling against the " + n.kind().label() + " connector's documentation"));
          }
        }
      });

  private static Optional<String> nearest(Node n, String key) {
    return Text.closest(key, n.kind().properties().stream().map(PropertySpec::key).toList());
  }

  static final List<Rule> ALL = List.of(DUAL_WRITE, SCHEMA_REGISTRY, REROUTE_KEYS, MASK_AFTER_TOPIC,
      PLAINTEXT_KAFKA, DB_TLS, TRANSFORM_UNATTACHED, WAL_GUARD, CLUSTER_ADDRESS, TOPIC_UNREAD, UNKNOWN_PROPERTY);
}
