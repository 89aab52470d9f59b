package dev.pipewright.runtime.bench;

import dev.pipewright.runtime.capture.CaptureTuning;
import dev.pipewright.runtime.kafka.EmbeddedKafka;
import dev.pipewright.runtime.kafka.TopicLeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * How often records sent right after a topic is created are lost on the embedded broker
 * (docs/decisions/0137), with and without {@link TopicLeaders#await} between creating and sending,
 * rounds alternating in one run. Each round creates a topic of 2 partitions and sends 10 records to
 * each, with two producers: the tests' ({@code acks=all}, {@code
 * linger.ms=0}) and the trial capture's ({@link CaptureTuning#producer}), both with an 8 s delivery
 * timeout so a lost request shows in seconds. The first record of each partition goes alone, the
 * other nine 3 ms later. A round is lost when a send failed or a partition's log end is short of 10.
 *
 * <p>{@code java -cp … dev.pipewright.runtime.bench.NewTopicRaceBench [ROUNDS]} (default 200, half of
 * them waiting); run it with the machine busy, the race needs the broker to be slow.
 */
public final class NewTopicRaceBench {
  private NewTopicRaceBench() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Path dir = Files.createTempDirectory("new-topic-race");
    try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(dir.resolve("kafka")).build().start();
        Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
        KafkaProducer<byte[], byte[]> tests = producer(testsProducer(kafka.bootstrapServers()));
        KafkaProducer<byte[], byte[]> capture = producer(CaptureTuning.producer(kafka.bootstrapServers()));
        KafkaConsumer<byte[], byte[]> ends = new KafkaConsumer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
            new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      int[][] lost = new int[2][2];
      int[][] ran = new int[2][2];
      List<Double> waited = new ArrayList<>();
      for (int i = 0; i < rounds; i++) {
        int waits = i % 2;
        int which = (i / 2) % 2;
        String topic = "race-" + i;
        admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        if (waits == 1) {
          long start = System.nanoTime();
          TopicLeaders.await(admin, List.of(topic), Duration.ofSeconds(30));
          waited.add((System.nanoTime() - start) / 1e6);
        }
        ran[waits][which]++;
        if (!allWritten(which == 0 ? tests : capture, ends, topic)) {
          lost[waits][which]++;
          System.out.printf("round %d (%s producer, %s): records lost%n", i, which == 0 ? "tests'" : "capture's",
              waits == 1 ? "after waiting" : "sent at once");
        }
      }
      System.out.printf("%-22s %-16s %-16s%n", "", "tests' producer", "capture's producer");
      System.out.printf("%-22s %-16s %-16s%n", "sent at once", lost[0][0] + " of " + ran[0][0], lost[0][1] + " of " + ran[0][1]);
      System.out.printf("%-22s %-16s %-16s%n", "after TopicLeaders", lost[1][0] + " of " + ran[1][0], lost[1][1] + " of " + ran[1][1]);
      waited.sort(null);
      System.out.printf("TopicLeaders.await took %.1f ms (median), %.1f ms (longest) after createTopics returned%n",
          waited.get(waited.size() / 2), waited.get(waited.size() - 1));
    }
  }

  private static Properties testsProducer(String bootstrap) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("acks", "all");
    p.put("linger.ms", "0");
    return p;
  }

  private static KafkaProducer<byte[], byte[]> producer(Properties p) {
    p.put("delivery.timeout.ms", "8000");
    p.put("request.timeout.ms", "5000");
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static boolean allWritten(KafkaProducer<byte[], byte[]> producer, KafkaConsumer<byte[], byte[]> ends,
      String topic) throws InterruptedException {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (int k = 0; k < 10; k++) {
      for (int p = 0; p < 2; p++) {
        sent.add(producer.send(new ProducerRecord<>(topic, p, null, new byte[] {(byte) k})));
      }
      if (k == 0) {
        // past the capture producer's 2 ms linger: the first records go in a request of their own
        // and the rest follow while it is in flight, as a snapshot's first events do
        Thread.sleep(3);
      }
    }
    producer.flush();
    boolean ok = true;
    for (Future<RecordMetadata> f : sent) {
      try {
        f.get();
      } catch (ExecutionException e) {
        ok = false;
      }
    }
    Map<TopicPartition, Long> end = ends.endOffsets(List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1)));
    return ok && end.values().stream().allMatch(e -> e == 10);
  }
}
