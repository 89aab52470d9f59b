package dev.pipewright.app.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.app.connect.ConfigDiff.Difference;
import dev.pipewright.app.connect.ConfigDiff.Kind;
import dev.pipewright.model.connect.ConnectorConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ConfigDiffTest {
  private final ConnectorConfig drawn = new ConnectorConfig("read-model", "io.debezium.connector.jdbc.JdbcSinkConnector",
      Map.of("connector.class", "io.debezium.connector.jdbc.JdbcSinkConnector", "tasks.max", "1",
          "topics", "a,b", "delete.enabled", "true", "connection.password", "${env:PW}"),
      Set.of("connection.password"), "debezium-connector-jdbc 3.6");

  private Map<String, String> deployed(String... kv) {
    Map<String, String> m = new TreeMap<>(drawn.config());
    m.put("name", "read-model");
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i + 1] == null) {
        m.remove(kv[i]);
      } else {
        m.put(kv[i], kv[i + 1]);
      }
    }
    return m;
  }

  @Test
  void identicalConfigHasNoDifferences() {
    assertThat(ConfigDiff.compareOne(drawn, deployed(), Map.of())).isEmpty();
  }

  @Test
  void changedPropertyIsReportedWithBothValues() {
    List<Difference> d = ConfigDiff.compareOne(drawn, deployed("tasks.max", "4"), Map.of());
    assertThat(d).containsExactly(new Difference("read-model", "tasks.max", Kind.CHANGED, "1", "4"));
    assertThat(d.get(0).describe()).isEqualTo("read-model: tasks.max is '1' in the drawing, '4' on the cluster");
  }

  @Test
  void defaultsOnEitherSideAreNoDifference() {
    Map<String, String> defaults = Map.of("batch.size", "500", "delete.enabled", "true");
    assertThat(ConfigDiff.compareOne(drawn, deployed("batch.size", "500", "delete.enabled", null), defaults)).isEmpty();
    assertThat(ConfigDiff.compareOne(drawn, deployed("batch.size", "1000"), defaults))
        .containsExactly(new Difference("read-model", "batch.size", Kind.ONLY_ON_CLUSTER, null, "1000"));
  }

  @Test
  void spellingsConnectTreatsAlikeAreNoDifference() {
    assertThat(ConfigDiff.compareOne(drawn, deployed("topics", "a, b", "delete.enabled", "TRUE"), Map.of())).isEmpty();
  }

  @Test
  void maskedSecretIsNotComparedAndSecretValuesAreNeverShown() {
    assertThat(ConfigDiff.compareOne(drawn, deployed("connection.password", "[hidden]"), Map.of())).isEmpty();
    List<Difference> d = ConfigDiff.compareOne(drawn, deployed("connection.password", "hunter2"), Map.of());
    assertThat(d).hasSize(1);
    assertThat(d.get(0).describe()).doesNotContain("hunter2").doesNotContain("${env:PW}")
        .contains("connection.password").contains("(a secret)");
  }

  @Test
  void propertyMissingOnTheClusterIsReported() {
    assertThat(ConfigDiff.compareOne(drawn, deployed("topics", null), Map.of()))
        .containsExactly(new Difference("read-model", "topics", Kind.ONLY_IN_DRAWING, "a,b", null));
  }
}
