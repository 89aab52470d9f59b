package dev.pipewright.model.lint;

import dev.pipewright.model.Edge;
import dev.pipewright.model.Finding;
import dev.pipewright.model.Node;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs every validation and design rule over a pipeline. The canvas shows the findings as
 * badges, the CLI prints them, and the exporters refuse a pipeline with {@link #errors}.
 * Output order is deterministic: severity, then node order (pipeline-wide findings first, an
 * edge sorts with its {@code from} node), then rule id, then the order the rule reported them.
 */
public final class Linter {
  private static final List<Rule> RULES = Stream.of(
          StructureRules.ALL, CaptureRules.ALL, TopicRules.ALL, SinkRules.ALL, DesignRules.ALL)
      .flatMap(List::stream).toList();

  private Linter() {}

  /** All findings of all rules. */
  public static List<Finding> check(Pipeline p) {
    List<Finding> all = new ArrayList<>();
    try {
      for (Rule rule : RULES) {
        rule.check(p, all::add);
      }
    } finally {
      Graph.release();
    }
    Map<String, Integer> order = new HashMap<>();
    List<Node> nodes = p.nodes();
    for (int i = nodes.size() - 1; i >= 0; i--) {
      order.put(nodes.get(i).name(), i); // first occurrence wins when names are duplicated
    }
    // List.sort is stable, so findings of one rule on one node keep the order the rule chose.
    all.sort(Comparator.comparing(Finding::severity)
        .thenComparingInt(f -> position(f, order))
        .thenComparing(Finding::ruleId));
    return List.copyOf(all);
  }

  /** Only the findings that stop the pipeline from running or being exported. */
  public static List<Finding> errors(Pipeline p) {
    return check(p).stream().filter(f -> f.severity() == Severity.ERROR).toList();
  }

  /** The registry, in a stable order (the order of docs/lint-rules.md). */
  public static List<Rule> rules() {
    return RULES;
  }

  private static int position(Finding f, Map<String, Integer> order) {
    if (f.node() != null) {
      return order.getOrDefault(f.node(), Integer.MAX_VALUE);
    }
    Edge e = f.edge();
    if (e != null) {
      return order.getOrDefault(e.from(), order.getOrDefault(e.to(), Integer.MAX_VALUE));
    }
    return -1;
  }
}
