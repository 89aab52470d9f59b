package dev.pipewright.app.attach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.model.Edge;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.io.PipelineFile;
import dev.pipewright.runtime.kafka.EmbeddedKafka;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attaching to a real Kafka Connect worker (standalone, in this JVM) and its real broker. */
class AttachClientIT {
  @TempDir Path dir;

  @Test
  void deployedSinkAndItsTopicAreDrawnWithPartitionsAndNoSecretValue() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(dir.resolve("kafka")).build().start()) {
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic("shop.public.orders", 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
      }
      Map<String, String> worker = new HashMap<>();
      worker.put("bootstrap.servers", kafka.bootstrapServers());
      worker.put("listeners", "http://127.0.0.1:0");
      worker.put("offset.storage.file.filename", dir.resolve("offsets").toString());
      worker.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
      worker.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
      Connect<StandaloneHerder> connect = new ConnectStandalone().startConnect(worker);
      try {
        String url = connect.rest().serverUrl().toString();
        String body = "{\"name\":\"audit\",\"config\":{\"connector.class\":\"org.apache.kafka.connect.file.FileStreamSinkConnector\","
            + "\"tasks.max\":\"1\",\"topics\":\"shop.public.orders\",\"file\":\"" + dir.resolve("audit.txt")
            + "\",\"connection.password\":\"deployed-Literal\"}}";
        HttpResponse<String> resp = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "connectors"))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(resp.statusCode()).as(resp.body()).isEqualTo(201);

        ConnectImport.Result r = AttachClient.read(url, kafka.bootstrapServers(), Duration.ofSeconds(20));
        Pipeline p = r.pipeline();
        assertThat(p.node("audit").map(Node::kind)).contains(NodeKind.JSONL_FILE);
        assertThat(p.edges()).containsExactly(new Edge("shop.public.orders", "audit"));
        assertThat(p.node("shop.public.orders").flatMap(n -> n.property("partitions"))).contains("3");
        assertThat(p.cluster().bootstrapServers()).isEqualTo(kafka.bootstrapServers());
        assertThat(PipelineFile.toYaml(p)).doesNotContain("deployed-Literal").contains("${env:AUDIT_CONNECTION_PASSWORD}");
      } finally {
        connect.stop();
        connect.awaitStop();
      }
      assertThatThrownBy(() -> AttachClient.read("http://127.0.0.1:1", kafka.bootstrapServers(), Duration.ofSeconds(2)))
          .isInstanceOf(IOException.class).hasMessageContaining("http://127.0.0.1:1");
    }
  }
}
