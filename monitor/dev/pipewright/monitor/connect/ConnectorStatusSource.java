package dev.pipewright.monitor.connect;

/**
 * Anything that can say which connectors run and in what state: a Connect worker's REST API
 * ({@link ConnectStatusCollector}) or the app's local trial engine. Called from the monitor's
 * poll thread; must not throw for an unreachable source but return a RED report.
 */
@FunctionalInterface
public interface ConnectorStatusSource {
  ConnectReport poll();
}
