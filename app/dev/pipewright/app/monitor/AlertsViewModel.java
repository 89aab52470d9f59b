package dev.pipewright.app.monitor;

import dev.pipewright.monitor.MonitorSnapshot;
import dev.pipewright.monitor.slo.BurnAlert;
import dev.pipewright.monitor.slo.SloStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The SLO alerts panel's view model: the burn-rate alerts firing at the latest poll, newest
 * first, and a one-off notification for each alert that starts firing (the popup in the window
 * corner). Fed by the monitor's poll thread, published on the UI executor; no {@code javafx.scene}.
 */
public final class AlertsViewModel implements Consumer<MonitorSnapshot> {
  /** One firing alert as the panel lists it. */
  public record Row(Instant since, String slo, String severity, String rule, String breached) {
    public String text() {
      return severity + " " + slo + " since " + Times.of(since, ZoneId.systemDefault(), Instant.now()) + ": " + breached;
    }
  }

  private final Executor ui;
  private final Consumer<Row> notifier;
  private final ReadOnlyObjectWrapper<List<Row>> firing = new ReadOnlyObjectWrapper<>(List.of());
  private final Set<String> seen = new HashSet<>();

  /**
   * @param notifier called on the UI executor once per alert when it starts firing
   */
  public AlertsViewModel(Executor ui, Consumer<Row> notifier) {
    this.ui = ui;
    this.notifier = notifier;
  }

  public ReadOnlyObjectProperty<List<Row>> firingProperty() {
    return firing.getReadOnlyProperty();
  }

  @Override
  public void accept(MonitorSnapshot s) {
    List<Row> rows = new ArrayList<>();
    for (SloStatus st : s.slos()) {
      for (BurnAlert a : st.alerts()) {
        rows.add(new Row(a.since(), a.slo(), a.severity().name(), a.rule(), a.breached()));
      }
    }
    rows.sort((a, b) -> b.since().compareTo(a.since()));
    List<Row> fresh = new ArrayList<>();
    Set<String> now = new HashSet<>();
    synchronized (seen) {
      for (Row r : rows) {
        String key = r.slo() + "|" + r.rule() + "|" + r.since();
        now.add(key);
        if (!seen.contains(key)) {
          fresh.add(r);
        }
      }
      // an alert that stops and fires again later is news again
      seen.retainAll(now);
      seen.addAll(now);
    }
    List<Row> out = List.copyOf(rows);
    ui.execute(() -> {
      firing.set(out);
      fresh.forEach(notifier);
    });
  }
}
