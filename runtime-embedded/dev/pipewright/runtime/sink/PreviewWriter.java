package dev.pipewright.runtime.sink;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Stands in for a sink that cannot run on a laptop (Elasticsearch, ClickHouse, Redis, a lake):
 * it writes nothing and is labelled PREVIEW everywhere; the trial's counters record what the sink
 * would have received (counts per topic and the last events on its edges).
 */
final class PreviewWriter implements SinkWriter {
  @Override
  public void start() {
    // nothing to connect to
  }

  @Override
  public void write(List<ConsumerRecord<byte[], byte[]>> raw, List<SinkRecord> records) {
    // recorded by the runner's counters only
  }

  @Override
  public void close() {
    // nothing to close
  }
}
