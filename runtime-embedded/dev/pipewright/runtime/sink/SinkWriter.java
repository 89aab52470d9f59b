package dev.pipewright.runtime.sink;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Writes batches of change events into one sink. {@link #write} returns only when the batch is
 * durable in the sink (the runner commits consumer offsets right after), and throws when it is not.
 */
interface SinkWriter extends AutoCloseable {
  /** Connects, prepares the target; may take seconds (e.g. Hibernate bootstrap). */
  void start() throws Exception;

  /**
   * Writes one batch. {@code raw} and {@code records} are parallel lists: the bytes as on the
   * topic and the same events as Connect records (null entries for writers that need no conversion).
   */
  void write(List<ConsumerRecord<byte[], byte[]>> raw, List<SinkRecord> records) throws Exception;

  /** True when this writer needs the Connect form of each record. */
  default boolean needsConnectRecords() {
    return true;
  }

  /**
   * Settings of the consumer that feeds this writer, over the runner's own: a writer with a high
   * fixed cost per batch asks the broker to gather events for a few milliseconds.
   */
  default Map<String, String> consumerTuning() {
    return Map.of();
  }

  @Override
  void close();
}
