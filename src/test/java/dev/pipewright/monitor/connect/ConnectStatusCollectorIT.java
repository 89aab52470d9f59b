package dev.pipewright.monitor.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.monitor.Health;
import dev.pipewright.runtime.kafka.EmbeddedKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connector states read from a real Kafka Connect worker (standalone, in this JVM) over its REST API. */
class ConnectStatusCollectorIT {
  @TempDir Path dir;

  @Test
  void runningAndFailedConnectorsWithWorkerAndTraceBehindBasicAuthThenRedWhenTheWorkerStops() throws Exception {
    try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(dir.resolve("kafka")).build().start()) {
      Map<String, String> worker = new HashMap<>();
      worker.put("bootstrap.servers", kafka.bootstrapServers());
      worker.put("listeners", "http://127.0.0.1:0");
      worker.put("offset.storage.file.filename", dir.resolve("offsets").toString());
      worker.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
      worker.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
      worker.put("offset.flush.interval.ms", "1000");
      worker.put("rest.extension.classes", BasicAuthRestExtension.class.getName());
      Connect<StandaloneHerder> connect = new ConnectStandalone().startConnect(worker);
      try {
        String url = connect.rest().serverUrl().toString();
        Path input = Files.writeString(dir.resolve("audit.txt"), "one\ntwo\n");
        create(url, "audit-source", "org.apache.kafka.connect.file.FileStreamSourceConnector",
            "\"file\":\"" + input + "\",\"topic\":\"audit\"");
        // the task cannot create its file under a regular file: it fails at start with a trace
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");
        create(url, "broken-sink", "org.apache.kafka.connect.file.FileStreamSinkConnector",
            "\"file\":\"" + blocker.resolve("out.txt") + "\",\"topics\":\"audit\"");

        ConnectReport refused = new ConnectStatusCollector(url, BasicAuthRestExtension.USER, "wrong", null,
            Clock.systemUTC()).poll();
        assertThat(refused.health().level()).isEqualTo(Health.Level.RED);
        assertThat(refused.health().reason()).contains("refused access (HTTP 401)").doesNotContain("wrong");

        ConnectStatusCollector collector = new ConnectStatusCollector(url, BasicAuthRestExtension.USER,
            BasicAuthRestExtension.PASSWORD, null, Clock.systemUTC());
        ConnectReport r = collector.poll();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && !settled(r)) {
          Thread.sleep(200);
          r = collector.poll();
        }
        ConnectorStatus source = r.connector("audit-source").orElseThrow();
        assertThat(source.running()).as(r.toString()).isTrue();
        assertThat(source.type()).isEqualTo("source");
        assertThat(source.workerId()).startsWith("127.0.0.1:");
        ConnectorStatus sink = r.connector("broken-sink").orElseThrow();
        assertThat(sink.running()).isFalse();
        assertThat(sink.tasks()).singleElement().satisfies(t -> {
          assertThat(t.state()).isEqualTo("FAILED");
          assertThat(t.trace()).contains("Couldn't find or create file");
        });
        assertThat(r.health().level()).isEqualTo(Health.Level.RED);
        assertThat(r.health().reason()).contains("broken-sink");

        connect.stop();
        connect.awaitStop();
        ConnectReport down = collector.poll();
        assertThat(down.health().level()).isEqualTo(Health.Level.RED);
        assertThat(down.health().reason()).contains(url.replaceAll("/$", ""), "unreachable");
      } finally {
        connect.stop();
      }
    }
  }

  private static boolean settled(ConnectReport r) {
    return r.connector("audit-source").map(ConnectorStatus::running).orElse(false)
        && r.connector("broken-sink").map(c -> c.tasks().stream().anyMatch(t -> "FAILED".equals(t.state()))).orElse(false);
  }

  private static void create(String url, String name, String cls, String config) throws Exception {
    String body = "{\"name\":\"" + name + "\",\"config\":{\"connector.class\":\"" + cls + "\",\"tasks.max\":\"1\"," + config + "}}";
    HttpResponse<String> resp = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "connectors"))
        .header("Content-Type", "application/json").header("Authorization", BasicAuthRestExtension.HEADER).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(resp.statusCode()).as(resp.body()).isEqualTo(201);
  }
}
