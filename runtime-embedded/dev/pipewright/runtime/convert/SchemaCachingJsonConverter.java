package dev.pipewright.runtime.convert;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
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
  private static final int MAX_READERS = 32;

  private final JsonConverter enveloped = new JsonConverter();
  private final JsonConverter payloadOnly = new JsonConverter();
  private final JsonSerializer serializer = new JsonSerializer();
  /** Keyed by identity: {@code Schema.equals} walks the whole schema, which is what this class avoids. */
  private final Map<IdentityKey, byte[]> schemaJson = new ConcurrentHashMap<>();
  /** One reader per distinct schema text recently seen (copy on write; a topic has one or a few). */
  private volatile List<Reader> readers = List.of();
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
    if (value == null || !regionMatches(value, 0, OPEN)) {
      return enveloped.toConnectData(topic, value);
    }
    Reader reader = knownReader(value);
    if (reader == null) {
      int schemaEnd = value[OPEN.length] == '{' ? JsonScan.endOfValue(value, OPEN.length) : -1;
      if (schemaEnd < 0 || !regionMatches(value, schemaEnd, MIDDLE)) {
        return enveloped.toConnectData(topic, value);
      }
      reader = remember(Arrays.copyOfRange(value, OPEN.length, schemaEnd));
    }
    int payloadStart = OPEN.length + reader.schema.length + MIDDLE.length;
    if (JsonScan.endOfValue(value, payloadStart) != value.length - 1 || value[value.length - 1] != '}') {
      return enveloped.toConnectData(topic, value);
    }
    return reader.converter.toConnectData(topic, Arrays.copyOfRange(value, payloadStart, value.length - 1));
  }

  /**
   * The reader of a schema this message starts with, if one is known. A known schema is a complete
   * JSON object, so when the message's bytes equal it the message's schema ends exactly there too.
   */
  private Reader knownReader(byte[] value) {
    for (Reader r : readers) {
      int end = OPEN.length + r.schema.length;
      if (value.length > end && Arrays.equals(value, OPEN.length, end, r.schema, 0, r.schema.length)
          && regionMatches(value, end, MIDDLE)) {
        return r;
      }
    }
    return null;
  }

  private synchronized Reader remember(byte[] schema) {
    Map<String, Object> withSchema = new HashMap<>(readerConfigs);
    withSchema.put("schema.content", new String(schema, StandardCharsets.UTF_8));
    withSchema.put("schemas.enable", "true");
    JsonConverter c = new JsonConverter();
    c.configure(withSchema, isKey);
    Reader r = new Reader(schema, c);
    List<Reader> next = new ArrayList<>(readers.size() + 1);
    next.add(r);
    // newest first; schema changes add readers, so the oldest are let go
    next.addAll(readers.subList(0, Math.min(readers.size(), MAX_READERS - 1)));
    readers = List.copyOf(next);
    return r;
  }

  private static boolean regionMatches(byte[] value, int at, byte[] part) {
    return value.length >= at + part.length && Arrays.equals(value, at, at + part.length, part, 0, part.length);
  }

  /** A JsonConverter configured with one schema text, and that text. */
  private record Reader(byte[] schema, JsonConverter converter) {}

  @Override
  public void close() {
    enveloped.close();
    payloadOnly.close();
  }
}
