package dev.pipewright.runtime.util;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What every embedded server's builder takes: a data directory (required), a loopback port
 * (0 picks a free one), the clock that times its start, and how long to wait for it.
 *
 * @param <B> the concrete builder, returned by each setter for chaining
 */
public abstract class ServerBuilder<B extends ServerBuilder<B>> {
  private Path dataDir;
  private Clock clock = Clock.systemUTC();
  private Duration startupWait;
  private int port;

  protected ServerBuilder(Duration defaultStartupWait) {
    this.startupWait = defaultStartupWait;
  }

  protected abstract B self();

  public B dataDir(Path dir) {
    this.dataDir = dir;
    return self();
  }

  /** The loopback port; 0 (the default) picks a free one at the first start and keeps it for restarts. */
  public B port(int p) {
    this.port = p;
    return self();
  }

  public B clock(Clock c) {
    this.clock = Objects.requireNonNull(c);
    return self();
  }

  public B startupWait(Duration d) {
    this.startupWait = Objects.requireNonNull(d);
    return self();
  }

  /** The data directory, made absolute; throws when none was given. */
  public Path dataDir() {
    return Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath();
  }

  public int port() {
    return port;
  }

  public Clock clock() {
    return clock;
  }

  public Duration startupWait() {
    return startupWait;
  }
}
