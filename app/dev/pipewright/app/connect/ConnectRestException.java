package dev.pipewright.app.connect;

import java.io.IOException;

/** A Kafka Connect REST call that failed: the HTTP status and Connect's own message. */
public final class ConnectRestException extends IOException {
  private final int status;

  public ConnectRestException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The HTTP status, or 0 when the worker could not be reached. */
  public int status() {
    return status;
  }
}
