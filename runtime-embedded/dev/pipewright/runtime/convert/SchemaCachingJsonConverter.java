package dev.pipewright.runtime.convert;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 * so re-serializing it was most of the capture's CPU. Reading, likewise, parses each distinct schema
 * once. Thread-safe, like the converter it wraps.
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
  /** One reader per distinct schema text seen on the topic. */
  private final Map<BytesKey, JsonConverter> readers = new ConcurrentHashMap<>();
  private Map<String, ?> readerConfigs = Map.of();
  private boolean isKey;

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
    this.readerConfigs = Map.copyOf(configs);
    this.isKey = isKey;
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

  /**
   * Reads what {@link JsonConverter} reads. A message of the exact form {@code {"schema":S,"payload":P}}
   * is read by a JsonConverter configured with {@code schema.content=S} (made once per distinct S),
   * which parses only P; anything else goes to a stock JsonConverter.
   */
  @Override
  public SchemaAndValue toConnectData(String topic, byte[] value) {
    if (value == null || !startsWith(value, OPEN)) {
      return enveloped.toConnectData(topic, value);
    }
    int schemaEnd = value[OPEN.length] == '{' ? JsonScan.endOfValue(value, OPEN.length) : -1;
    int payloadStart = schemaEnd + MIDDLE.length;
    if (schemaEnd < 0 || payloadStart >= value.length || !regionMatches(value, schemaEnd, MIDDLE)
        || JsonScan.endOfValue(value, payloadStart) != value.length - 1 || value[value.length - 1] != '}') {
      return enveloped.toConnectData(topic, value);
    }
    JsonConverter reader = readers.get(new BytesKey(value, OPEN.length, schemaEnd));
    if (reader == null) {
      if (readers.size() >= MAX_CACHED_SCHEMAS) {
        readers.clear();
      }
      Map<String, Object> withSchema = new HashMap<>(readerConfigs);
      withSchema.put("schema.content", new String(value, OPEN.length, schemaEnd - OPEN.length, StandardCharsets.UTF_8));
      withSchema.put("schemas.enable", "true");
      reader = new JsonConverter();
      reader.configure(withSchema, isKey);
      byte[] copy = Arrays.copyOfRange(value, OPEN.length, schemaEnd);
      readers.put(new BytesKey(copy, 0, copy.length), reader);
    }
    return reader.toConnectData(topic, Arrays.copyOfRange(value, payloadStart, value.length - 1));
  }

  private static boolean startsWith(byte[] value, byte[] prefix) {
    return regionMatches(value, 0, prefix);
  }

  private static boolean regionMatches(byte[] value, int at, byte[] part) {
    return value.length >= at + part.length && Arrays.equals(value, at, at + part.length, part, 0, part.length);
  }

  /** A range of a byte array as a map key, compared by content. */
  private static final class BytesKey {
    private final byte[] bytes;
    private final int from;
    private final int to;
    private final int hash;

    BytesKey(byte[] bytes, int from, int to) {
      this.bytes = bytes;
      this.from = from;
      this.to = to;
      int h = 1;
      for (int i = from; i < to; i++) {
        h = 31 * h + bytes[i];
      }
      this.hash = h;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof BytesKey k && k.hash == hash && Arrays.equals(bytes, from, to, k.bytes, k.from, k.to);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  @Override
  public void close() {
    enveloped.close();
    payloadOnly.close();
  }
}
