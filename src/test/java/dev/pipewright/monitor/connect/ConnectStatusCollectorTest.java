package dev.pipewright.monitor.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.monitor.Health;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectStatusCollectorTest {
  /** The shape Kafka Connect 4.x returns for GET /connectors?expand=status. */
  private static final String BODY = """
      {"orders-read-model":{"status":{"name":"orders-read-model","connector":{"state":"RUNNING","worker_id":"10.0.0.5:8083"},
        "tasks":[{"id":0,"state":"FAILED","worker_id":"10.0.0.5:8083","trace":"org.apache.kafka.connect.errors.ConnectException: boom\\n\\tat x"}],
        "type":"sink"}},
       "shop-cdc":{"status":{"name":"shop-cdc","connector":{"state":"RUNNING","worker_id":"10.0.0.6:8083"},
        "tasks":[{"id":0,"state":"RUNNING","worker_id":"10.0.0.6:8083"}],"type":"source"}}}
      """;

  @Test
  void parsesStateWorkerTasksAndTraceSortedByName() throws Exception {
    List<ConnectorStatus> cs = ConnectStatusCollector.parse(BODY);
    assertThat(cs).extracting(ConnectorStatus::name).containsExactly("orders-read-model", "shop-cdc");
    ConnectorStatus sink = cs.get(0);
    assertThat(sink.type()).isEqualTo("sink");
    assertThat(sink.workerId()).isEqualTo("10.0.0.5:8083");
    assertThat(sink.running()).isFalse();
    assertThat(sink.firstTrace()).startsWith("org.apache.kafka.connect.errors.ConnectException: boom");
    assertThat(cs.get(1).running()).isTrue();
  }

  @Test
  void unreachableWorkerIsRedWithTheAddress() {
    // port 9 on loopback: nothing listens there, the connection is refused at once
    ConnectReport r = new ConnectStatusCollector("http://127.0.0.1:9", null, null, null, Clock.systemUTC()).poll();
    assertThat(r.health().level()).isEqualTo(Health.Level.RED);
    assertThat(r.health().reason()).contains("http://127.0.0.1:9").contains("unreachable");
  }
}
