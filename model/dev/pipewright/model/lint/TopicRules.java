package dev.pipewright.model.lint;

import static dev.pipewright.model.Severity.WARNING;
import static dev.pipewright.model.lint.Flow.quote;

import dev.pipewright.model.Environment;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import java.util.List;

/** Rules about Kafka topics: durability, naming, compaction, partitions. */
final class TopicRules {
  private TopicRules() {}

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
          long rf = n.intProperty("replication.factor", 3);
          long isr = n.intProperty("min.insync.replicas", 2);
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

  static final List<Rule> ALL = List.of(REPLICATION);
}
