package dev.pipewright.monitor;

/**
 * A monitor setting that cannot work as written (a secret reference that does not resolve, an
 * unknown security protocol); the message says which setting and how to fix it, never a secret.
 */
public class MonitorConfigException extends RuntimeException {
  public MonitorConfigException(String message) {
    super(message);
  }
}
