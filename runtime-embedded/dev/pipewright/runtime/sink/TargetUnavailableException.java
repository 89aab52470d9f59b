package dev.pipewright.runtime.sink;

/** A sink's target could not be reached at all (its writer could not even start); the batch is retried until it is back. */
final class TargetUnavailableException extends RuntimeException {
  TargetUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
