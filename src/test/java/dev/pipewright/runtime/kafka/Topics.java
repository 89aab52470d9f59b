package dev.pipewright.runtime.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Test set-up on a real broker: topics ready to take records in order, and records that are all
 * written or fail the test where they were sent (a record the broker dropped made a later
 * assertion fail on a figure one short, two minutes later).
 */
public final class Topics {
  private Topics() {}

  /** Creates the topics and waits until their leaders serve them ({@link TopicLeaders}). */
  public static void create(Admin admin, NewTopic... topics) throws Exception {
    admin.createTopics(Arrays.asList(topics)).all().get(30, TimeUnit.SECONDS);
    TopicLeaders.await(admin, Arrays.stream(topics).map(NewTopic::name).toList(), Duration.ofSeconds(30));
  }

  /** Sends every record and returns once the broker has acknowledged all of them. */
  public static <K, V> void sendAll(Producer<K, V> producer, List<ProducerRecord<K, V>> records) throws Exception {
    List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
    for (ProducerRecord<K, V> r : records) {
      sent.add(producer.send(r));
    }
    producer.flush();
    for (int i = 0; i < sent.size(); i++) {
      try {
        sent.get(i).get();
      } catch (ExecutionException e) {
        throw new AssertionError("record " + i + " to " + records.get(i).topic() + " was not written: "
            + e.getCause(), e.getCause());
      }
    }
  }
}
