package dev.pipewright.monitor.connect;

import java.util.List;

/**
 * One connector's state, worker and tasks.
 *
 * @param type source or sink, as Connect reports it
 * @param trace the connector's own error trace when FAILED, or empty
 */
public record ConnectorStatus(String name, String type, String state, String workerId, String trace, List<TaskStatus> tasks) {
  public ConnectorStatus {
    trace = trace == null ? "" : trace;
    tasks = List.copyOf(tasks);
  }

  /** RUNNING with at least one task and every task RUNNING: what the connector-running SLO counts. */
  public boolean running() {
    return "RUNNING".equals(state) && !tasks.isEmpty() && tasks.stream().allMatch(TaskStatus::running);
  }

  /** The first error trace, the connector's or a task's, or empty. */
  public String firstTrace() {
    if (!trace.isEmpty()) {
      return trace;
    }
    return tasks.stream().map(TaskStatus::trace).filter(t -> !t.isEmpty()).findFirst().orElse("");
  }
}
