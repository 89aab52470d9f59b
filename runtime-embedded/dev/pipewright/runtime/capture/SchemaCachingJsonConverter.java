package dev.pipewright.runtime.capture;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonSerializer;
import org.apache.kafka.connect.storage.Converter;

/**
 * Kafka's {@link JsonConverter} with {@code schemas.enable=true}, writing byte for byte what it
 * writes, but serializing each schema once instead of with every record: a Debezium envelope's
 * schema is several times larger than its payload and the same object for every event of a table,
 * so re-serializing it was most of the capture's CPU. Thread-safe, like the converter it wraps.
 */
public final class SchemaCachingJsonConverter implements Converter {
  private static final byte[] OPEN = "{\"schema\":".getBytes(StandardCharsets.UTF_8);
  private static final byte[] MIDDLE = ",\"payload\":".getBytes(StandardCharsets.UTF_8);
  private static final int MAX_CACHED_SCHEMAS = 1_000;

  private final JsonConverter enveloped = new JsonConverter();
  private final JsonConverter payloadOnly = new JsonConverter();
  private final JsonSerializer serializer = new JsonSerializer();
  /** Keyed by identity: {@code Schema.equals} walks the whole schema, which is what this class avoids. */
  private final Map<IdentityKey, byte[]> schemaJson = new ConcurrentHashMap<>();

  private record IdentityKey(Schema schema) {
    @Override
    public boolean equals(Object o) {
      return o instanceof IdentityKey k && k.schema == schema;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(schema);
    }
  }

  /** True when {@code configs} ask a JsonConverter for schemas in the message (its default). */
  public static boolean appliesTo(String converterClass, Map<String, ?> configs) {
    return JsonConverter.class.getName().equals(converterClass)
        && !"false".equalsIgnoreCase(String.valueOf(configs.get("schemas.enable")));
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    enveloped.configure(configs, isKey);
    Map<String, Object> bare = new HashMap<>(configs);
    bare.put("schemas.enable", "false");
    payloadOnly.configure(bare, isKey);
  }

  @Override
  public byte[] fromConnectData(String topic, Schema schema, Object value) {
    if (schema == null || value == null) {
      // tombstones and schemaless values are rare: the wrapped converter decides exactly as before
      return enveloped.fromConnectData(topic, schema, value);
    }
    byte[] payload = payloadOnly.fromConnectData(topic, schema, value);
    byte[] schemaBytes = schemaJson.get(new IdentityKey(schema));
    if (schemaBytes == null) {
      if (schemaJson.size() >= MAX_CACHED_SCHEMAS) {
        schemaJson.clear(); // schema changes create new objects; never grow without bound
      }
      schemaBytes = serializer.serialize(topic, enveloped.asJsonSchema(schema));
      schemaJson.put(new IdentityKey(schema), schemaBytes);
    }
    byte[] out = new byte[OPEN.length + schemaBytes.length + MIDDLE.length + payload.length + 1];
    int at = put(OPEN, out, 0);
    at = put(schemaBytes, out, at);
    at = put(MIDDLE, out, at);
    at = put(payload, out, at);
    out[at] = '}';
    return out;
  }

  private static int put(byte[] from, byte[] to, int at) {
    System.arraycopy(from, 0, to, at, from.length);
    return at + from.length;
  }

  @Override
  public SchemaAndValue toConnectData(String topic, byte[] value) {
    return enveloped.toConnectData(topic, value);
  }

  @Override
  public void close() {
    enveloped.close();
    payloadOnly.close();
  }
}
