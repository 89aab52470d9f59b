package dev.pipewright.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.model.Pipeline;
import org.junit.jupiter.api.Test;

class MonitorTargetTest {
  final Pipeline shop = CanvasHealthTest.load();

  @Test
  void trialWatchesTheGroupsItsSinkRunnersConsumeAs() {
    MonitorTarget t = MonitorTarget.localTrial("127.0.0.1:19092", "jdbc:postgresql://localhost:5544/shop?user=postgres");
    assertThat(t.watchlist(shop).groupsBySink()).containsEntry("orders-read-model", "connect-orders-read-model")
        .containsEntry("audit-log", "connect-audit-log");
    assertThat(t.endpoints().bootstrap()).isEqualTo("127.0.0.1:19092");
    assertThat(t.trial()).isTrue();
  }

  @Test
  void ownClusterUsesTheFileAndSaysWhatIsLeftOut() {
    MonitorTarget t = MonitorTarget.ownCluster(shop);
    assertThat(t.description()).isEqualTo("cluster 'local'");
    java.util.List<String> notes = new java.util.ArrayList<>();
    try (var m = t.open(shop, MonitorWindow.INTERVAL, notes::add)) {
      assertThat(m.watchlist().slotsByCapture()).containsEntry("shop-cdc", "pipewright_trial");
    }
    // the example's cluster is the trial's own broker, without Connect: both are named as left out
    assertThat(String.join("\n", notes)).contains("Kafka:").contains("Connect:");
  }
}
