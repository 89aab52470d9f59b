package dev.pipewright.model.lint;

import static dev.pipewright.model.Severity.ERROR;
import static dev.pipewright.model.Severity.WARNING;
import static dev.pipewright.model.lint.Flow.quote;

import dev.pipewright.model.Environment;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import java.util.List;
import java.util.Optional;

/** Rules about Kafka topics: durability, naming, compaction, partitions. */
final class TopicRules {
  private TopicRules() {}

  // Unset values fall back to the catalogue's defaults (3 and 2), as the topic exporters do.
  private static long replicationFactor(Node topic) {
    return topic.intProperty("replication.factor", 3);
  }

  private static long minInsync(Node topic) {
    return topic.intProperty("min.insync.replicas", 2);
  }

  static final Rule REPLICATION = new DefinedRule("PW-REPLICATION", WARNING,
      "Topic not replicated enough for production",
      "With replication.factor below 3 one broker failure or maintenance leaves a partition "
          + "without a spare copy; with min.insync.replicas below 2 a write acknowledged by a single "
          + "broker is lost if that broker's disk goes. Change topics are the only copy of events "
          + "between the database and the derived stores. Not checked in environment local.",
      "set replication.factor to 3 and min.insync.replicas to 2",
      (p, r) -> {
        if (p.environment() == Environment.LOCAL) {
          return;
        }
        for (Node n : p.nodesOf(NodeKind.TOPIC)) {
          long rf = replicationFactor(n);
          long isr = minInsync(n);
          if (rf < 3) {
            r.node(n, "replication.factor", "Topic " + quote(Flow.topicName(n)) + " has replication.factor "
                    + rf + " in environment " + p.environment().yamlName()
                    + ": a single broker failure can make it unavailable or lose data",
                "set replication.factor to 3 (and min.insync.replicas to 2)");
          } else if (isr < 2) {
            r.node(n, "min.insync.replicas", "Topic " + quote(Flow.topicName(n)) + " has min.insync.replicas "
                    + isr + " in environment " + p.environment().yamlName()
                    + ": a write acknowledged by one broker is lost if that broker fails",
                "set min.insync.replicas to 2");
          }
        }
      });

  static final Rule MIN_ISR_ABOVE_RF = new DefinedRule("PW-MIN-ISR-ABOVE-RF", ERROR,
      "min.insync.replicas above the replication factor",
      "Kafka Connect's producers write with acks=all, which needs min.insync.replicas copies in sync. "
          + "A topic with fewer replicas than that can never satisfy it: every write fails with "
          + "NotEnoughReplicas and the capture stops at its first event. This applies in every "
          + "environment, including a one-broker local trial.",
      "set min.insync.replicas to 1 when replication.factor is 1 (local), or replication.factor to 3",
      (p, r) -> {
        for (Node n : p.nodesOf(NodeKind.TOPIC)) {
          long rf = replicationFactor(n);
          long isr = minInsync(n);
          if (rf >= 1 && isr > rf) {
            r.node(n, "min.insync.replicas", "Topic " + quote(Flow.topicName(n)) + " needs " + isr
                    + " in-sync replicas but has only " + rf + ": every acks=all write fails with NotEnoughReplicas",
                "set min.insync.replicas to at most " + rf
                    + (rf < 3 && p.environment() != Environment.LOCAL ? " (or raise replication.factor to 3)" : ""));
          }
        }
      });

  static final Rule MIN_ISR_NO_SLACK = new DefinedRule("PW-MIN-ISR-NO-SLACK", WARNING,
      "min.insync.replicas equal to the replication factor",
      "When every replica must be in sync, taking one broker down for a rolling restart or losing one "
          + "stops all writes to the topic, and the captures behind it stall (PostgreSQL then retains "
          + "WAL). One replica of slack, e.g. 3 replicas with min.insync.replicas 2, keeps writes "
          + "flowing through a single broker outage. Not checked in environment local.",
      "set min.insync.replicas to 2 with replication.factor 3",
      (p, r) -> {
        if (p.environment() == Environment.LOCAL) {
          return;
        }
        for (Node n : p.nodesOf(NodeKind.TOPIC)) {
          long rf = replicationFactor(n);
          long isr = minInsync(n);
          if (rf >= 2 && isr == rf) {
            r.node(n, "min.insync.replicas", "Topic " + quote(Flow.topicName(n)) + " requires all " + rf
                    + " replicas in sync: any one broker down stops every write to it",
                "set min.insync.replicas to " + (rf - 1) + " (replication.factor minus one)");
          }
        }
      });

  static final Rule NAME_MIXED = new DefinedRule("PW-TOPIC-NAME-MIXED", WARNING,
      "Topic name mixes '.' and '_'",
      "Kafka maps '.' to '_' in metric names, so 'a.b_c' and 'a_b.c' report under one name and "
          + "Kafka refuses to create one next to the other. Names you choose should use one separator "
          + "style ('.' for hierarchy and '-' inside words). Topics named by Debezium from a table "
          + "(<prefix>.<schema>.<table>) are not checked: the table decides those, and a real "
          + "collision is caught by PW-TOPIC-COLLISION.",
      "rename orders_archive.v1 to orders-archive.v1",
      (p, r) -> {
        for (Node n : p.nodesOf(NodeKind.TOPIC)) {
          String name = Flow.topicName(n);
          if (!name.contains(".") || !name.contains("_") || namedByDebezium(p, n, name)) {
            continue;
          }
          r.node(n, n.isSet("topic") ? "topic" : null, "Topic " + quote(name)
                  + " mixes '.' and '_', which Kafka's metrics do not tell apart",
              "rename it to " + quote(name.replace('_', '-')) + " (use '.' between parts and '-' within them)");
        }
      });

  private static boolean namedByDebezium(Pipeline p, Node topic, String name) {
    return Flow.capturesFeeding(p, topic).stream()
        .anyMatch(c -> c.property("topic.prefix").map(prefix -> name.startsWith(prefix + ".")).orElse(false));
  }

  static final Rule COMPACT_DELETES = new DefinedRule("PW-COMPACT-DELETES", WARNING,
      "Compacted topic whose deletes never compact away",
      "A compacted topic keeps the latest record per key and removes a key only when a tombstone "
          + "(a record with a null value) follows it. With tombstones.on.delete=false, or an unwrap "
          + "transform that drops or rewrites deletes, no tombstone ever arrives: deleted rows stay in "
          + "the topic for ever and reappear in every store rebuilt from it.",
      "set tombstones.on.delete to true on the capture and delete.tombstone.handling.mode to tombstone "
          + "(or rewrite-with-tombstone) on the unwrap",
      (p, r) -> {
        for (Node t : p.nodesOf(NodeKind.TOPIC)) {
          if (!t.property("cleanup.policy").orElse("delete").contains("compact")) {
            continue;
          }
          for (Node c : Flow.capturesFeeding(p, t)) {
            if (!c.property("tombstones.on.delete").orElse("true").equals("true")) {
              r.node(t, "cleanup.policy", "Compacted topic " + quote(Flow.topicName(t)) + " is fed by "
                      + quote(c.name()) + " with tombstones.on.delete=false: deleted rows never compact away",
                  "set tombstones.on.delete to true on " + quote(c.name()));
            }
          }
          for (Node u : Flow.transformsUpstream(p, t)) {
            String mode = u.property("delete.tombstone.handling.mode").orElse("tombstone");
            if (u.kind() == NodeKind.EXTRACT_NEW_RECORD_STATE && (mode.equals("drop") || mode.equals("rewrite"))) {
              r.node(t, "cleanup.policy", "Compacted topic " + quote(Flow.topicName(t)) + " is fed through "
                      + quote(u.name()) + " with delete.tombstone.handling.mode=" + mode
                      + ", which emits no tombstones: deleted rows never compact away",
                  "set delete.tombstone.handling.mode on " + quote(u.name()) + " to "
                      + (mode.equals("rewrite") ? "rewrite-with-tombstone" : "tombstone"));
            }
          }
        }
      });

  static final Rule PREFIX = new DefinedRule("PW-TOPIC-PREFIX", WARNING,
      "Capture output topic not named after its topic prefix",
      "Debezium names each change topic <topic.prefix>.<schema>.<table> (and <topic.prefix>.<table> "
          + "for MySQL). A topic drawn after a capture under another name never receives an event, "
          + "so the sinks behind it stay empty, unless a reroute or outbox transform renames the "
          + "events on the way.",
      "rename the topic 'orders' to 'shop.public.orders'",
      (p, r) -> {
        for (Node c : p.nodesOf(NodeKind.DEBEZIUM)) {
          Optional<String> prefix = c.property("topic.prefix").filter(v -> !v.isBlank());
          if (prefix.isEmpty()) {
            continue;
          }
          for (Node t : Flow.topicsDownstreamUnrenamed(p, c)) {
            String name = Flow.topicName(t);
            // The topic named exactly <prefix> is Debezium's schema-change topic.
            if (Flow.role(t).equals("data") && !name.startsWith(prefix.get() + ".") && !name.equals(prefix.get())) {
              String table = suggestTable(c, name);
              r.node(t, t.isSet("topic") ? "topic" : null, "Topic " + quote(name) + " is drawn after "
                      + quote(c.name()) + ", but Debezium names its topics " + prefix.get()
                      + ".<schema>.<table>: nothing will be written to " + quote(name),
                  "name the topic " + quote(prefix.get() + "." + table)
                      + ", or put a topic-reroute transform between them");
            }
          }
        }
      });

  /** The included table the topic most likely stands for: one ending in its last name part. */
  private static String suggestTable(Node capture, String topic) {
    String last = topic.substring(topic.lastIndexOf('.') + 1);
    List<String> tables = List.of(capture.property("table.include.list").orElse("").split(",")).stream()
        .map(String::trim).filter(s -> !s.isEmpty()).toList();
    return tables.stream().filter(t -> t.equals(last) || t.endsWith("." + last)).findFirst()
        .orElse(tables.isEmpty() ? "<schema>." + last : tables.get(0));
  }

  static final List<Rule> ALL = List.of(REPLICATION, MIN_ISR_ABOVE_RF, MIN_ISR_NO_SLACK, NAME_MIXED,
      COMPACT_DELETES, PREFIX);
}
