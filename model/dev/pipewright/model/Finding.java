package dev.pipewright.model;

import java.util.Objects;

/**
 * One validation error or lint warning: a stable rule id (e.g. {@code PW-HEARTBEAT}), where it
 * applies (a node, an edge, or the whole pipeline when both are null), a message and a fix hint.
 *
 * @param field the property key concerned, or null
 */
public record Finding(
    String ruleId, Severity severity, String node, Edge edge, String field, String message,
    String fix) {
  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(fix, "fix");
  }

  public static Finding onNode(
      String ruleId, Severity severity, String node, String field, String message, String fix) {
    return new Finding(ruleId, severity, node, null, field, message, fix);
  }

  public static Finding onEdge(
      String ruleId, Severity severity, Edge edge, String message, String fix) {
    return new Finding(ruleId, severity, null, edge, null, message, fix);
  }

  public static Finding onPipeline(String ruleId, Severity severity, String message, String fix) {
    return new Finding(ruleId, severity, null, null, null, message, fix);
  }

  /** Where the finding applies, for people: {@code node 'orders-db'}, an edge, or {@code pipeline}. */
  public String where() {
    if (node != null) {
      return "node '" + node + "'" + (field != null ? " field '" + field + "'" : "");
    }
    if (edge != null) {
      return "edge " + edge;
    }
    return "pipeline";
  }
}
