package dev.pipewright.monitor.connect;

import dev.pipewright.monitor.Health;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The connectors seen by one poll of a Connect worker (or of the local trial). Immutable. */
public record ConnectReport(Instant at, Health health, List<ConnectorStatus> connectors) {
  public ConnectReport {
    connectors = List.copyOf(connectors);
  }

  public static ConnectReport notConfigured(Instant at) {
    return new ConnectReport(at, Health.NOT_CONFIGURED, List.of());
  }

  public Optional<ConnectorStatus> connector(String name) {
    return connectors.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
