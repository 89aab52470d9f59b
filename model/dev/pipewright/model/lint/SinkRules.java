package dev.pipewright.model.lint;

import static dev.pipewright.model.Severity.ERROR;
import static dev.pipewright.model.Severity.WARNING;
import static dev.pipewright.model.lint.Flow.quote;

import dev.pipewright.model.Category;
import dev.pipewright.model.Environment;
import dev.pipewright.model.Node;
import java.util.List;

/** Rules about sink connectors: error handling, keys, deletes. */
final class SinkRules {
  private SinkRules() {}

  static final Rule DLQ = new DefinedRule("PW-DLQ", WARNING,
      "Sink without a dead-letter topic",
      "With errors.tolerance=none (Kafka Connect's default) one record the sink cannot convert or "
          + "write stops its task, and every later change waits behind it until someone intervenes. "
          + "A dead-letter topic with errors.tolerance=all parks the bad record, with the error in its "
          + "headers, and lets the rest flow. Not checked in environment local, where stopping on the "
          + "first bad record is what a trial wants.",
      "set errors.tolerance to all and errors.deadletterqueue.topic.name to dlq.orders-search",
      (p, r) -> {
        if (p.environment() == Environment.LOCAL) {
          return;
        }
        for (Node n : p.nodesIn(Category.SINK)) {
          if (Flow.hasErrorHandling(n) && Flow.dlq(n) == null
              && n.property("errors.tolerance").orElse("none").equals("none")) {
            r.node(n, "errors.deadletterqueue.topic.name", "Sink " + quote(n.name())
                    + " has no dead-letter topic: one record it cannot write stops it, and all later changes wait",
                "set errors.tolerance to all and errors.deadletterqueue.topic.name to "
                    + quote("dlq." + n.name()));
          }
        }
      });

  static final Rule DLQ_SILENT_DROP = new DefinedRule("PW-DLQ-SILENT-DROP", ERROR,
      "Sink skips bad records without a dead-letter topic",
      "errors.tolerance=all without errors.deadletterqueue.topic.name drops every record that fails "
          + "conversion or transformation and keeps going; nothing records which changes were lost, "
          + "so the derived store silently drifts from the source of truth. Pipewright refuses to "
          + "export that configuration.",
      "set errors.deadletterqueue.topic.name to dlq.orders-search",
      (p, r) -> {
        for (Node n : p.nodesIn(Category.SINK)) {
          if (Flow.hasErrorHandling(n) && Flow.dlq(n) == null
              && n.property("errors.tolerance").orElse("none").equals("all")) {
            r.node(n, "errors.tolerance", "Sink " + quote(n.name())
                    + " skips records it cannot process (errors.tolerance=all) without a dead-letter topic: "
                    + "those changes are lost without trace",
                "set errors.deadletterqueue.topic.name to " + quote("dlq." + n.name())
                    + ", or set errors.tolerance to none to stop on the first bad record");
          }
        }
      });

  static final List<Rule> ALL = List.of(DLQ, DLQ_SILENT_DROP);
}
