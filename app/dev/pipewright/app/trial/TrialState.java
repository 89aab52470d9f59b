package dev.pipewright.app.trial;

/** Where the app's trial stands, as far as the Run and Stop controls care. */
public enum TrialState {
  IDLE, STARTING, STREAMING, STOPPING, STOPPED, FAILED;

  /** True when Run may start a (new) trial. */
  public boolean canRun() {
    return this == IDLE || this == STOPPED || this == FAILED;
  }

  /** True when Stop has something to stop. */
  public boolean canStop() {
    return this == STARTING || this == STREAMING;
  }
}
