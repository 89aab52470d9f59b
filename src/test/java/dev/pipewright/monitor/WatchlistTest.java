package dev.pipewright.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.model.Edge;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import org.junit.jupiter.api.Test;

class WatchlistTest {
  @Test
  void sinksWatchTheirConnectGroupAndPostgresCapturesTheirSlot() {
    Pipeline p = Pipeline.empty("t")
        .withNode(Node.of("shop-db", NodeKind.POSTGRES))
        .withNode(Node.of("shop-cdc", NodeKind.DEBEZIUM).withProperty("slot.name", "trial_slot"))
        .withNode(Node.of("orders", NodeKind.TOPIC))
        .withNode(Node.of("search", NodeKind.ELASTICSEARCH))
        .withNode(Node.of("cache", NodeKind.REDIS).withProperty("consumer.override.group.id", "cache-readers"))
        .withEdge(new Edge("shop-db", "shop-cdc")).withEdge(new Edge("shop-cdc", "orders"))
        .withEdge(new Edge("orders", "search")).withEdge(new Edge("orders", "cache"));
    Watchlist w = Watchlist.of(p);
    assertThat(w.groupsBySink()).containsEntry("search", "connect-search").containsEntry("cache", "cache-readers")
        .hasSize(2);
    assertThat(w.slotsByCapture()).containsExactlyEntriesOf(java.util.Map.of("shop-cdc", "trial_slot"));
    assertThat(w.connectorsByNode()).containsKeys("shop-cdc", "search", "cache");
    assertThat(w.withGroup("search", "trial-search").groupsBySink()).containsEntry("search", "trial-search");
  }
}
