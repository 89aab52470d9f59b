package dev.pipewright.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.model.Node;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.connect.ConnectorConfig;
import dev.pipewright.model.connect.ConnectorConfigs;
import dev.pipewright.model.io.PipelineFile;
import dev.pipewright.runtime.LocalOverrides.EmbeddedSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The trial changes only the documented keys of the connector properties the exporters also write. */
class LocalOverridesTest {
  private static final Path OFFSETS = Path.of("/tmp/work/offsets");

  private static Pipeline example() throws Exception {
    return PipelineFile.load(Path.of("examples/local-trial.yaml"));
  }

  @Test
  void captureDiffersFromTheExportOnlyInDocumentedKeys() throws Exception {
    Pipeline p = example();
    Node cdc = p.node("shop-cdc").orElseThrow();
    ConnectorConfig exported = ConnectorConfigs.forNode(p, cdc);

    Map<String, String> engine = LocalOverrides.capture(exported, cdc, Optional.of(new EmbeddedSource(5432, 41000)),
        "127.0.0.1:39092", OFFSETS);

    assertThat(engine).containsEntry("database.port", "41000").containsEntry("database.hostname", "localhost")
        .containsEntry("offset.storage.file.filename", OFFSETS.resolve("shop-cdc.offsets").toString())
        .containsEntry("poll.interval.ms", "5").containsEntry("topic.prefix", "shop");
    for (Map.Entry<String, String> e : exported.config().entrySet()) {
      if (!engine.get(e.getKey()).equals(e.getValue())) {
        assertThat(LocalOverrides.documentedKeys()).as("changed key %s", e.getKey()).contains(e.getKey());
      }
    }
    assertThat(LocalOverrides.documentedKeys()).containsAll(
        engine.keySet().stream().filter(k -> !exported.config().containsKey(k)).toList());
  }

  @Test
  void jdbcSinkOnLocalhostIsPointedAtTheEmbeddedServerWithoutNeedingItsSecret() throws Exception {
    Pipeline p = example();
    ConnectorConfig sink = ConnectorConfigs.forNode(p, p.node("orders-read-model").orElseThrow());

    LocalOverrides.SinkProps sp = LocalOverrides.sink(sink, Optional.of(new EmbeddedSource(5432, 41000)));

    assertThat(sp.props()).containsEntry("connection.url", "jdbc:postgresql://localhost:41000/readmodel");
    assertThat(sp.embeddedDatabase()).contains("readmodel");
    assertThat(sp.props().get("connection.password")).doesNotContain("${env:");
  }

  @Test
  void missingSecretIsNamedButNoValueIsShown() throws Exception {
    Pipeline p = example();
    ConnectorConfig sink = ConnectorConfigs.forNode(p, p.node("orders-read-model").orElseThrow());

    assertThatThrownBy(() -> LocalOverrides.sink(sink, Optional.empty()))
        .hasMessageContaining("${env:READMODEL_PASSWORD}").hasMessageContaining("not set");
  }

  @Test
  void everyOverriddenKeyIsDescribedInTheTrialDocumentation() throws Exception {
    String doc = Files.readString(Path.of("docs/local-trial.md"));
    for (String key : LocalOverrides.documentedKeys()) {
      assertThat(doc).as("docs/local-trial.md mentions %s", key).contains("`" + key + "`");
    }
  }
}
