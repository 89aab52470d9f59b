package dev.pipewright.monitor.connect;

/**
 * One task of a connector as the Connect REST API reports it.
 *
 * @param trace the error trace of a FAILED task, or empty
 */
public record TaskStatus(int id, String state, String workerId, String trace) {
  public TaskStatus {
    trace = trace == null ? "" : trace;
  }

  public boolean running() {
    return "RUNNING".equals(state);
  }
}
