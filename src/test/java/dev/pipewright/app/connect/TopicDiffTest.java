package dev.pipewright.app.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.app.connect.TopicDiff.ClusterTopic;
import dev.pipewright.app.connect.TopicDiff.Difference;
import dev.pipewright.app.connect.TopicDiff.Kind;
import dev.pipewright.model.connect.TopicSpec;
import dev.pipewright.model.io.PipelineFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicDiffTest {
  private final TopicSpec drawn = new TopicSpec("shop.orders", 3, 3,
      Map.of("cleanup.policy", "compact,delete", "retention.ms", "604800000"));

  private ClusterTopic cluster(int partitions, int rf, Map<String, String> overrides, Map<String, String> inherited) {
    Map<String, String> effective = new java.util.HashMap<>(Map.of("cleanup.policy", "delete",
        "retention.ms", "604800000", "compression.type", "producer"));
    effective.putAll(overrides);
    return new ClusterTopic("shop.orders", partitions, rf, effective, overrides, inherited);
  }

  @Test
  void aTopicAsDrawnHasNoDifferences() {
    assertThat(TopicDiff.compareOne(drawn, cluster(3, 3, Map.of("cleanup.policy", "compact, delete"),
        Map.of("cleanup.policy", "delete")))).isEmpty();
  }

  @Test
  void partitionsReplicationAndConfigsThatDifferAreReportedWithBothValues() {
    List<Difference> d = TopicDiff.compareOne(drawn, cluster(6, 1, Map.of("retention.ms", "86400000"),
        Map.of("retention.ms", "604800000")));
    assertThat(d).extracting(Difference::describe).containsExactly(
        "topic shop.orders: partitions is '3' in the drawing, '6' on the cluster",
        "topic shop.orders: replication.factor is '3' in the drawing, '1' on the cluster",
        "topic shop.orders: cleanup.policy is 'compact,delete' in the drawing, 'delete' on the cluster",
        "topic shop.orders: retention.ms is '604800000' in the drawing, '86400000' on the cluster");
  }

  @Test
  void anOverrideOnTheClusterCountsOnlyWhenItDiffersFromWhatTheBrokerGives() {
    Map<String, String> overrides = Map.of("cleanup.policy", "compact,delete", "compression.type", "producer",
        "max.message.bytes", "2000000");
    List<Difference> d = TopicDiff.compareOne(drawn, cluster(3, 3, overrides,
        Map.of("cleanup.policy", "delete", "compression.type", "producer", "max.message.bytes", "1048588")));
    assertThat(d).containsExactly(new Difference("shop.orders", "max.message.bytes", Kind.ONLY_ON_CLUSTER, null, "2000000"));
  }

  @Test
  void aDrawnConfigTheClusterDoesNotKnowIsReported() {
    TopicSpec withUnknown = new TopicSpec("shop.orders", 3, 3, Map.of("cleanup.policy", "delete", "retention.ms",
        "604800000", "no.such.config", "x"));
    assertThat(TopicDiff.compareOne(withUnknown, cluster(3, 3, Map.of(), Map.of()))).extracting(Difference::describe)
        .containsExactly("topic shop.orders: no.such.config = 'x' in the drawing, unknown to the cluster");
  }

  @Test
  void missingTopicsAndUndrawnTopicsUnderACapturePrefixAreListedOthersAreNot() {
    List<Difference> d = TopicDiff.compare(List.of(drawn), Map.of(),
        List.of("shop.payments", "shop", "other.topic", "__consumer_offsets"), List.of("shop."));
    assertThat(d).extracting(Difference::describe).containsExactly(
        "topic shop.orders: drawn, but the cluster does not have it",
        "topic shop.payments: the cluster has it, but the drawing does not");
  }

  @Test
  void capturePrefixesComeFromTheDrawnSourceConnectors() throws Exception {
    assertThat(TopicDiff.capturePrefixes(PipelineFile.load(Path.of("examples/local-trial.yaml"))))
        .containsExactly("shop.");
  }
}
