package dev.pipewright.model.lint;

import dev.pipewright.model.Finding;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.Severity;
import java.util.function.Consumer;

/**
 * One validation or design rule. Its id is stable (never renumbered, listed in
 * {@code docs/lint-rules.md}); every finding it reports carries that id and {@link #severity()}.
 * Rules are pure functions of the pipeline: no I/O, no clock, deterministic output order.
 */
public interface Rule {
  /** Stable id, e.g. {@code PW-HEARTBEAT}. */
  String id();

  /** ERROR: the pipeline cannot run or be exported; WARNING: it runs, badly; INFO: worth a look. */
  Severity severity();

  /** One line, e.g. "PostgreSQL capture without heartbeats". */
  String title();

  /** Why an architect cares, in a few sentences (for the docs and the inspector's help). */
  String rationale();

  /** Reports every violation in {@code p} to {@code out}, in node order. */
  void check(Pipeline p, Consumer<Finding> out);

  /** A typical fix, for the docs; rules written outside this package may leave it empty. */
  default String exampleFix() {
    return "";
  }
}
