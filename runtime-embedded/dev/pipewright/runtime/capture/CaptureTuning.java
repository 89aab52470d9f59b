package dev.pipewright.runtime.capture;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import dev.pipewright.runtime.convert.SchemaCachingJsonConverter;
import org.apache.kafka.connect.storage.Converter;

/**
 * The settings of the trial's capture path that are not connector properties: the producer that
 * carries change events to Kafka and the converters that turn them into bytes. The trial and the
 * throughput benchmark both take them from here, so the benchmark measures what the trial runs.
 */
public final class CaptureTuning {
  private CaptureTuning() {}

  /** The capture producer's properties for {@code bootstrap}. */
  public static Properties producer(String bootstrap) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    // at-least-once: every event is on all in-sync replicas before its offset may be committed
    p.put("acks", "all");
    p.put("enable.idempotence", "true");
    // a short linger keeps latency low; records wait only while the previous request is in flight
    p.put("linger.ms", "2");
    // a change event with its schema is ~3 KB: the default 16 KB batch held five, so the producer
    // and the broker paid per-request costs for every few events (bench/runtime: 4-5x throughput)
    p.put("batch.size", "262144");
    // the schema repeats in every event; lz4 shrinks a batch several times for little CPU
    p.put("compression.type", "lz4");
    // ride out a broker restart: the capture waits (and holds its offsets) rather than failing
    p.put("delivery.timeout.ms", "300000");
    p.put("client.id", "pipewright-capture");
    return p;
  }

  /**
   * A configured converter of class {@code className}; Kafka's JsonConverter with schemas becomes
   * {@link SchemaCachingJsonConverter}, which writes the same bytes for less CPU.
   *
   * @param configs the converter's own settings (the {@code key.converter.} prefix removed)
   * @throws ReflectiveOperationException when the class cannot be made
   * @throws ClassCastException when the class is not a Converter
   */
  public static Converter converter(String className, Map<String, String> configs, boolean isKey)
      throws ReflectiveOperationException {
    Converter c = SchemaCachingJsonConverter.appliesTo(className, configs) ? new SchemaCachingJsonConverter()
        : (Converter) Class.forName(className).getDeclaredConstructor().newInstance();
    c.configure(new HashMap<>(configs), isKey);
    return c;
  }
}
