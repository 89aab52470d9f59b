package dev.pipewright.app.desktop.problems;

import dev.pipewright.model.Finding;
import dev.pipewright.model.Severity;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The problems panel: the latest lint findings, errors first, then by where they apply and by
 * rule, plus the one-line summary the status bar shows ("2 errors · 5 warnings").
 */
public final class ProblemsViewModel {
  /** Errors before warnings before infos; then by place and rule, so the order is stable. */
  public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
      .thenComparing(ProblemsViewModel::placeKey)
      .thenComparing(Finding::ruleId)
      .thenComparing(Finding::message);

  private final ObservableList<Finding> findings = FXCollections.observableArrayList();
  private final ObservableList<Finding> readOnly = FXCollections.unmodifiableObservableList(findings);
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", summarise(List.of()));

  /** Replaces the findings with the result of a newer lint run. */
  public void setFindings(List<Finding> latest) {
    List<Finding> sorted = latest.stream().sorted(ORDER).toList();
    if (!sorted.equals(findings)) {
      findings.setAll(sorted);
    }
    summary.set(summarise(sorted));
  }

  public ObservableList<Finding> findings() {
    return readOnly;
  }

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  /** The node a finding should select and centre: its node, else the source end of its edge. */
  public static Optional<String> nodeOf(Finding f) {
    if (f.node() != null) {
      return Optional.of(f.node());
    }
    return f.edge() == null ? Optional.empty() : Optional.of(f.edge().from());
  }

  /** "No problems", "1 error", "2 errors · 5 warnings", "3 warnings · 1 note". */
  public static String summarise(List<Finding> list) {
    long errors = count(list, Severity.ERROR);
    long warnings = count(list, Severity.WARNING);
    long infos = count(list, Severity.INFO);
    if (errors + warnings + infos == 0) {
      return "No problems";
    }
    StringBuilder sb = new StringBuilder();
    append(sb, errors, "error");
    append(sb, warnings, "warning");
    append(sb, infos, "note");
    return sb.toString();
  }

  private static void append(StringBuilder sb, long n, String noun) {
    if (n == 0) {
      return;
    }
    if (sb.length() > 0) {
      sb.append(" · ");
    }
    sb.append(n).append(' ').append(noun).append(n == 1 ? "" : "s");
  }

  private static long count(List<Finding> list, Severity s) {
    return list.stream().filter(f -> f.severity() == s).count();
  }

  private static String placeKey(Finding f) {
    // The whole pipeline first, then nodes and edges alphabetically.
    if (f.node() == null && f.edge() == null) {
      return "";
    }
    return f.where();
  }
}
