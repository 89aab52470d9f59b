package dev.pipewright.model.lint;

import dev.pipewright.model.Finding;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.Severity;
import java.util.Objects;
import java.util.function.Consumer;

/** A rule made of its texts and a check body; the built-in rules are all of this shape. */
final class DefinedRule implements Rule {
  /** The body of a rule: looks at the pipeline and reports through {@link Report}. */
  @FunctionalInterface
  interface Body {
    void check(Pipeline p, Report r);
  }

  private final String id;
  private final Severity severity;
  private final String title;
  private final String rationale;
  private final String exampleFix;
  private final Body body;

  DefinedRule(String id, Severity severity, String title, String rationale, String exampleFix, Body body) {
    this.id = Objects.requireNonNull(id);
    this.severity = Objects.requireNonNull(severity);
    this.title = Objects.requireNonNull(title);
    this.rationale = Objects.requireNonNull(rationale);
    this.exampleFix = Objects.requireNonNull(exampleFix);
    this.body = Objects.requireNonNull(body);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Severity severity() {
    return severity;
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public String rationale() {
    return rationale;
  }

  @Override
  public String exampleFix() {
    return exampleFix;
  }

  @Override
  public void check(Pipeline p, Consumer<Finding> out) {
    body.check(p, new Report(this, out));
  }

  @Override
  public String toString() {
    return id;
  }
}
