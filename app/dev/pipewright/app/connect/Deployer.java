package dev.pipewright.app.connect;

import dev.pipewright.model.Pipeline;
import dev.pipewright.model.connect.ConnectorConfig;
import dev.pipewright.model.connect.ConnectorConfigs;
import dev.pipewright.model.connect.TopicSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Deploys a pipeline the way the exported {@code deploy.sh} does: creates missing topics, then
 * {@code PUT}s every connector config (references, not secret values; the workers resolve them).
 * Running it again changes nothing that is already right.
 */
public final class Deployer {
  private Deployer() {}

  /** Creates topics and connectors, reporting each step to {@code log}. */
  public static void deploy(Pipeline p, ConnectRestClient connect, TopicCreator topics, Consumer<String> log)
      throws IOException {
    for (TopicSpec t : ConnectorConfigs.topics(p)) {
      log.accept("topic " + t.name() + ": " + (topics.createIfMissing(t) ? "created" : "exists"));
    }
    for (ConnectorConfig c : ConnectorConfigs.forPipeline(p)) {
      log.accept("connector " + c.name() + ": " + (connect.putConnectorConfig(c.name(), c.config())
          ? "created" : "updated"));
    }
  }

  /**
   * Polls until every connector of the pipeline and all its tasks are RUNNING, one fails, or
   * {@code timeout} passes. Returns the last statuses.
   */
  public static List<ConnectorStatus> awaitRunning(Pipeline p, ConnectRestClient connect, Duration timeout)
      throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<ConnectorStatus> statuses = new ArrayList<>();
      for (ConnectorConfig c : ConnectorConfigs.forPipeline(p)) {
        statuses.add(connect.status(c.name()).orElse(new ConnectorStatus(c.name(), "MISSING", null, List.of())));
      }
      boolean done = statuses.stream().allMatch(ConnectorStatus::running)
          || statuses.stream().anyMatch(ConnectorStatus::failed);
      if (done || System.nanoTime() > deadline) {
        return statuses;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return statuses;
      }
    }
  }
}
