package dev.pipewright.model.lint;

import dev.pipewright.model.Edge;
import dev.pipewright.model.Finding;
import dev.pipewright.model.Node;
import java.util.function.Consumer;

/** Stamps the rule's id and severity on each finding, so rule bodies only say where and why. */
final class Report {
  private final Rule rule;
  private final Consumer<Finding> out;

  Report(Rule rule, Consumer<Finding> out) {
    this.rule = rule;
    this.out = out;
  }

  void node(Node node, String field, String message, String fix) {
    node(node.name(), field, message, fix);
  }

  void node(String node, String field, String message, String fix) {
    out.accept(Finding.onNode(rule.id(), rule.severity(), node, field, message, fix));
  }

  void edge(Edge edge, String message, String fix) {
    out.accept(Finding.onEdge(rule.id(), rule.severity(), edge, message, fix));
  }

  void pipeline(String field, String message, String fix) {
    out.accept(new Finding(rule.id(), rule.severity(), null, null, field, message, fix));
  }

  void pipeline(String message, String fix) {
    out.accept(Finding.onPipeline(rule.id(), rule.severity(), message, fix));
  }
}
