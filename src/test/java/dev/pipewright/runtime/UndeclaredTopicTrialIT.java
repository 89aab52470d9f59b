package dev.pipewright.runtime;

import static dev.pipewright.runtime.TrialFixtures.eventually;
import static dev.pipewright.runtime.TrialFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.model.Pipeline;
import dev.pipewright.model.io.PipelineFile;
import dev.pipewright.runtime.pg.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capture whose include list reaches a table the drawing has no topic node for: its events go to
 * the topic Kafka creates on first use, every one of them (the capture waits for that topic's leader
 * before its first record, docs/decisions/0137), and the drawn part runs as usual. A sink's
 * dead-letter topic without a node is made when the sink starts.
 */
class UndeclaredTopicTrialIT {
  @TempDir
  Path work;

  @Test
  void eventsOfATableWithoutATopicNodeAllReachTheTopicKafkaCreatesOnFirstUse() throws Exception {
    Pipeline p = PipelineFile.load(Path.of("src/test/resources/dev/pipewright/runtime/undeclared-topic-trial.yaml"));
    try (Trial trial = Trial.builder().pipeline(p).workDir(work).build()) {
      trial.start();
      EmbeddedPostgres pg = trial.embeddedPostgres("shop-db").orElseThrow();
      try (Connection c = pg.connect("shop"); Statement s = c.createStatement()) {
        s.execute("UPDATE public.orders SET status = 'shipped' WHERE id % 2 = 0");
      }
      long snapshot = Long.parseLong(rows(pg.jdbcUrl("shop"), "SELECT count(*) FROM public.orders").get(0));
      long updated = Long.parseLong(rows(pg.jdbcUrl("shop"), "SELECT count(*) FROM public.orders WHERE id % 2 = 0")
          .get(0));
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", trial.bootstrapServers()))) {
        assertThat(admin.listTopics().names().get()).as("made when the sink started, as Connect's reporter does")
            .contains("customers.dlq");
      }
      TopicPartition orders = new TopicPartition("shop.public.orders", 0);
      try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
          trial.bootstrapServers()), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        eventually(Duration.ofSeconds(60), () -> trial.failure() != null
            || consumer.endOffsets(List.of(orders)).get(orders) >= snapshot + updated);
        assertThat(trial.failure()).isNull();
        assertThat(consumer.partitionsFor("shop.public.orders")).hasSize(1);
        assertThat(consumer.endOffsets(List.of(orders)).get(orders))
            .as("one event per order read in the snapshot, one per update").isEqualTo(snapshot + updated);
      }
    }
  }
}
