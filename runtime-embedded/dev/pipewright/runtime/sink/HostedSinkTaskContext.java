package dev.pipewright.runtime.sink;

import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.internals.PluginMetricsImpl;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/**
 * The little of a Connect worker a sink task sees when the trial hosts it: its configuration,
 * plugin metrics, and an errant-record reporter that hands failed records to the runner (which
 * sends them to the dead-letter topic). Offsets are the runner's business, so seeking is not offered.
 */
final class HostedSinkTaskContext implements SinkTaskContext, AutoCloseable {
  private final Map<String, String> configs;
  private final Metrics metrics = new Metrics();
  private final PluginMetricsImpl pluginMetrics;
  private final BiConsumer<SinkRecord, Throwable> errant;
  private volatile Set<TopicPartition> assignment = Set.of();

  HostedSinkTaskContext(String connector, Map<String, String> configs, BiConsumer<SinkRecord, Throwable> errant) {
    this.configs = Map.copyOf(configs);
    this.pluginMetrics = new PluginMetricsImpl(metrics, Map.of("connector", connector, "task", "0"));
    this.errant = errant;
  }

  void assignment(Set<TopicPartition> a) {
    assignment = Set.copyOf(a);
  }

  @Override
  public Map<String, String> configs() {
    return configs;
  }

  @Override
  public void offset(Map<TopicPartition, Long> offsets) {
    throw new UnsupportedOperationException("The local trial commits offsets itself; seeking is not supported.");
  }

  @Override
  public void offset(TopicPartition tp, long offset) {
    offset(Map.of(tp, offset));
  }

  @Override
  public void timeout(long timeoutMs) {
    // retries are driven by the runner's loop
  }

  @Override
  public Set<TopicPartition> assignment() {
    return assignment;
  }

  @Override
  public void pause(TopicPartition... partitions) {
    // the runner reads in lockstep with writes, so there is nothing to pause
  }

  @Override
  public void resume(TopicPartition... partitions) {
    // see pause
  }

  @Override
  public void requestCommit() {
    // the runner commits after every batch
  }

  @Override
  public ErrantRecordReporter errantRecordReporter() {
    return (ErrantRecordReporter) (record, error) -> {
      errant.accept(record, error);
      Future<Void> done = CompletableFuture.completedFuture(null);
      return done;
    };
  }

  @Override
  public PluginMetrics pluginMetrics() {
    return pluginMetrics;
  }

  @Override
  public void close() {
    try {
      pluginMetrics.close();
    } catch (java.io.IOException ignored) {
      // metrics live in memory only
    }
    metrics.close();
  }
}
