package dev.pipewright.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.runtime.kafka.EmbeddedKafka;
import dev.pipewright.runtime.pg.EmbeddedPostgres;
import dev.pipewright.runtime.util.Loopback;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded servers start, serve a client, stop with nothing listening, and restart on their data. */
class EmbeddedServersIT {

  @TempDir
  Path work;

  @Test
  void postgresServesSqlStopsAndKeepsDataAcrossRestart() throws Exception {
    EmbeddedPostgres pg = EmbeddedPostgres.builder().dataDir(work.resolve("pg")).build();
    try (pg) {
      pg.start();
      assertThat(Loopback.listening(pg.port())).isTrue();
      assertThat(pg.setting("wal_level")).isEqualTo("logical");
      assertThat(pg.setting("fsync")).isEqualTo("on");
      assertThat(pg.setting("synchronous_commit")).isEqualTo("on");
      assertThat(pg.createDatabaseIfMissing("shop")).isTrue();
      assertThat(pg.createDatabaseIfMissing("shop")).isFalse();
      try (Connection c = pg.connect("shop"); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE t (id int PRIMARY KEY, name text)");
        s.execute("INSERT INTO t VALUES (1, 'one')");
      }
    }
    assertThat(Loopback.listening(pg.port())).as("nothing listens after close").isFalse();

    pg.start();
    try (pg; Connection c = pg.connect("shop"); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT name FROM t WHERE id = 1")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("one");
    }
    assertThat(Loopback.listening(pg.port())).isFalse();
  }

  @Test
  void kafkaServesARecordStopsAndKeepsItAcrossRestart() {
    EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(work.resolve("kafka")).build();
    try (kafka) {
      kafka.start();
      try (var producer = new KafkaProducer<byte[], byte[]>(Map.of(
          "bootstrap.servers", kafka.bootstrapServers(), "acks", "all"),
          new ByteArraySerializer(), new ByteArraySerializer())) {
        producer.send(new ProducerRecord<>("greetings", "k".getBytes(StandardCharsets.UTF_8),
            "hello".getBytes(StandardCharsets.UTF_8))).get();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
      assertThat(readAll(kafka.bootstrapServers(), "greetings", 1)).containsExactly("hello");
    }
    assertThat(Loopback.listening(kafka.port())).as("broker port closed").isFalse();
    assertThat(Loopback.listening(kafka.controllerPort())).as("controller port closed").isFalse();

    try (kafka) {
      kafka.start();
      assertThat(readAll(kafka.bootstrapServers(), "greetings", 1)).containsExactly("hello");
    }
    assertThat(Loopback.listening(kafka.port())).isFalse();
  }

  private static List<String> readAll(String bootstrap, String topic, int expected) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("group.id", "it-" + System.nanoTime());
    p.put("auto.offset.reset", "earliest");
    List<String> values = new ArrayList<>();
    try (var consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          values.add(new String(r.value(), StandardCharsets.UTF_8));
        }
      }
    }
    return values;
  }
}
