package dev.pipewright.app.connect;

import java.util.List;

/**
 * What {@code GET /connectors/{name}/status} says: the connector's state and each task's.
 *
 * @param trace the first line of the failure trace, or null
 */
public record ConnectorStatus(String name, String state, String trace, List<Task> tasks) {
  public ConnectorStatus {
    tasks = List.copyOf(tasks);
  }

  /** One task's state and the first line of its failure trace (or null). */
  public record Task(int id, String state, String trace) {}

  /** True when the connector and at least one task, and every task, are RUNNING. */
  public boolean running() {
    return "RUNNING".equals(state) && !tasks.isEmpty() && tasks.stream().allMatch(t -> "RUNNING".equals(t.state()));
  }

  public boolean failed() {
    return "FAILED".equals(state) || tasks.stream().anyMatch(t -> "FAILED".equals(t.state()));
  }
}
