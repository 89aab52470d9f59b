package dev.pipewright.runtime.kafka;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Waiting for new topics' leaders on a real broker: served topics, missing ones, a broker that is gone. */
class TopicLeadersIT {
  @TempDir Path dir;

  @Test
  void returnsOnceEveryPartitionIsServedAndNamesWhatIsMissingOrUnanswered() throws Exception {
    EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(dir.resolve("kafka")).build().start();
    try (kafka; Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers(),
        "request.timeout.ms", "2000", "default.api.timeout.ms", "4000"))) {
      admin.createTopics(List.of(new NewTopic("orders", 3, (short) 1), new NewTopic("refunds", 1, (short) 1))).all().get();
      TopicLeaders.await(admin, List.of("orders", "refunds"), Duration.ofSeconds(30));

      // a missing topic is asked for until half the time is left: time enough on a busy machine
      assertThatThrownBy(() -> TopicLeaders.await(admin, List.of("orders", "no-such-topic"), Duration.ofSeconds(8)))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(UnknownTopicOrPartitionException.class);

      kafka.close();
      assertThatThrownBy(() -> TopicLeaders.await(admin, List.of("orders"), Duration.ofSeconds(3)))
          .isInstanceOf(TimeoutException.class)
          .hasMessage("the leaders of orders did not answer within 3000 ms");
    }
  }
}
