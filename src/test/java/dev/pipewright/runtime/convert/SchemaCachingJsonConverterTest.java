package dev.pipewright.runtime.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

class SchemaCachingJsonConverterTest {
  private static final Schema ROW = SchemaBuilder.struct().name("shop.public.orders.Value").optional()
      .field("id", Schema.INT64_SCHEMA)
      .field("note", Schema.OPTIONAL_STRING_SCHEMA)
      .field("total", Decimal.builder(2).optional().build())
      .field("placed", Timestamp.builder().optional().build())
      .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build())
      .field("attrs", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.INT32_SCHEMA).optional().build())
      .field("blob", Schema.OPTIONAL_BYTES_SCHEMA)
      .field("flag", SchemaBuilder.bool().defaultValue(true).build())
      .build();
  private static final Schema SOURCE = SchemaBuilder.struct().name("io.debezium.connector.postgresql.Source")
      .field("ts_ms", Schema.INT64_SCHEMA).field("lsn", Schema.OPTIONAL_INT64_SCHEMA).build();
  private static final Schema ENVELOPE = SchemaBuilder.struct().name("shop.public.orders.Envelope").version(2)
      .field("before", ROW).field("after", ROW).field("source", SOURCE).field("op", Schema.STRING_SCHEMA).build();
  private static final Schema KEY = SchemaBuilder.struct().name("shop.public.orders.Key")
      .field("id", Schema.INT64_SCHEMA).build();

  private static Struct row(long id, String note) {
    return new Struct(ROW).put("id", id).put("note", note).put("total", new BigDecimal("12.30"))
        .put("placed", new Date(1_763_700_000_123L)).put("tags", List.of("a", "\"quoted\" ü"))
        .put("attrs", Map.of("k", 1)).put("blob", "hi".getBytes(StandardCharsets.UTF_8)).put("flag", false);
  }

  private static Struct change(long id, String op, Struct before, Struct after) {
    return new Struct(ENVELOPE).put("before", before).put("after", after)
        .put("source", new Struct(SOURCE).put("ts_ms", 1_763_700_000_000L + id).put("lsn", 4242L * id))
        .put("op", op);
  }

  private static void assertSameBytes(Map<String, String> config, boolean isKey, Schema schema, Object... values) {
    JsonConverter stock = new JsonConverter();
    stock.configure(config, isKey);
    SchemaCachingJsonConverter cached = new SchemaCachingJsonConverter();
    cached.configure(config, isKey);
    for (Object v : values) {
      byte[] expected = stock.fromConnectData("shop.public.orders", schema, v);
      byte[] actual = cached.fromConnectData("shop.public.orders", schema, v);
      assertThat(actual == null ? null : new String(actual, StandardCharsets.UTF_8))
          .isEqualTo(expected == null ? null : new String(expected, StandardCharsets.UTF_8));
    }
  }

  @Test
  void writesExactlyWhatJsonConverterWritesForInsertsUpdatesAndDeletes() {
    Struct insert = change(1, "c", null, row(1, "first"));
    Struct update = change(2, "u", row(2, null), row(2, "second"));
    Struct delete = change(3, "d", row(3, "gone"), null);
    assertSameBytes(Map.of("schemas.enable", "true"), false, ENVELOPE, insert, update, delete, insert);
  }

  @Test
  void writesExactlyWhatJsonConverterWritesWithNumericDecimalsAndForKeys() {
    assertSameBytes(Map.of("schemas.enable", "true", "decimal.format", "NUMERIC"), false, ENVELOPE,
        change(1, "c", null, row(1, "x")));
    assertSameBytes(Map.of(), true, KEY, new Struct(KEY).put("id", 7L), new Struct(KEY).put("id", 8L));
  }

  @Test
  void tombstonesAndSchemalessValuesStayAsJsonConverterWritesThem() {
    assertSameBytes(Map.of("schemas.enable", "true"), false, null, null, "plain", Map.of("a", 1));
    assertSameBytes(Map.of("schemas.enable", "true"), false, ROW, (Object) null);
  }

  @Test
  void readsBackWhatItWrote() {
    SchemaCachingJsonConverter c = new SchemaCachingJsonConverter();
    c.configure(Map.of("schemas.enable", "true"), false);
    Struct insert = change(5, "c", null, row(5, "back"));
    Struct read = (Struct) c.toConnectData("t", c.fromConnectData("t", ENVELOPE, insert)).value();
    assertThat(read.getStruct("after").getString("note")).isEqualTo("back");
    assertThat(read.getString("op")).isEqualTo("c");
  }

  @Test
  void readsExactlyWhatJsonConverterReads() {
    JsonConverter stock = new JsonConverter();
    stock.configure(Map.of("schemas.enable", "true"), false);
    SchemaCachingJsonConverter cached = new SchemaCachingJsonConverter();
    cached.configure(Map.of("schemas.enable", "true"), false);
    for (Struct change : List.of(change(1, "c", null, row(1, "a \\ \"b\" {c}")), change(2, "u", row(2, null), row(2, "x")),
        change(3, "d", row(3, "gone"), null), change(4, "c", null, row(4, "again")))) {
      byte[] bytes = stock.fromConnectData("t", ENVELOPE, change);
      SchemaAndValue expected = stock.toConnectData("t", bytes);
      SchemaAndValue actual = cached.toConnectData("t", bytes);
      assertThat(actual.schema()).isEqualTo(expected.schema());
      assertThat(actual.value()).isEqualTo(expected.value());
    }
  }

  @Test
  void messagesOfSeveralSchemasInterleavedAreEachReadWithTheirOwn() {
    JsonConverter stock = new JsonConverter();
    stock.configure(Map.of(), false);
    SchemaCachingJsonConverter cached = new SchemaCachingJsonConverter();
    cached.configure(Map.of(), false);
    Schema evolved = SchemaBuilder.struct().name("shop.public.orders.Key").field("id", Schema.INT64_SCHEMA)
        .field("region", Schema.OPTIONAL_STRING_SCHEMA).build();
    for (int i = 0; i < 3; i++) {
      for (Object[] sv : List.of(new Object[] {KEY, new Struct(KEY).put("id", 1L + i)},
          new Object[] {ENVELOPE, change(i, "c", null, row(i, "n" + i))},
          new Object[] {evolved, new Struct(evolved).put("id", 9L).put("region", "eu")})) {
        byte[] bytes = stock.fromConnectData("t", (Schema) sv[0], sv[1]);
        assertThat(cached.toConnectData("t", bytes)).isEqualTo(stock.toConnectData("t", bytes));
      }
    }
  }

  @Test
  void messagesOfAnotherShapeAreReadOrRefusedAsJsonConverterDoes() {
    JsonConverter stock = new JsonConverter();
    stock.configure(Map.of("schemas.enable", "true"), false);
    SchemaCachingJsonConverter cached = new SchemaCachingJsonConverter();
    cached.configure(Map.of("schemas.enable", "true"), false);
    String schema = "{\"type\":\"int64\",\"optional\":true}";
    for (String text : List.of("{\"schema\":" + schema + ", \"payload\":7}", "{\"payload\":7,\"schema\":" + schema + "}",
        "{\"schema\":null,\"payload\":{\"a\":1}}", "{\"schema\":" + schema + ",\"payload\":null}",
        "{\"schema\":" + schema + ",\"payload\":7}", "{\"schema\":" + schema + ",\"payload\":7,\"extra\":1}",
        "{\"schema\":" + schema + ",\"payload\":{\"a\":1}}", "{\"schema\":" + schema + ",\"payload\":7",
        "{\"schema\":{\"type\":\"int64\"},\"payload\":null}")) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      assertThat(outcome(cached, bytes)).as(text).isEqualTo(outcome(stock, bytes));
    }
  }

  /** The value read, or the kind of error raised. */
  private static Object outcome(org.apache.kafka.connect.storage.Converter c, byte[] bytes) {
    try {
      return c.toConnectData("t", bytes);
    } catch (DataException e) {
      return DataException.class;
    }
  }

  @Test
  void onlyReplacesJsonConverterWithSchemas() {
    String json = JsonConverter.class.getName();
    assertThat(SchemaCachingJsonConverter.appliesTo(json, Map.of())).isTrue();
    assertThat(SchemaCachingJsonConverter.appliesTo(json, Map.of("schemas.enable", "true"))).isTrue();
    assertThat(SchemaCachingJsonConverter.appliesTo(json, Map.of("schemas.enable", "false"))).isFalse();
    assertThat(SchemaCachingJsonConverter.appliesTo("io.confluent.connect.avro.AvroConverter", Map.of())).isFalse();
  }
}
