package dev.pipewright.monitor.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.monitor.Health;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads connector and task states from a Kafka Connect worker with one
 * {@code GET /connectors?expand=status} per poll, optionally with basic auth and a custom
 * truststore for TLS.
 */
public final class ConnectStatusCollector implements ConnectorStatusSource {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConnectHttp http;
  private final Clock clock;

  /**
   * @param baseUrl the worker's REST URL, e.g. {@code http://localhost:8083}
   * @param username basic-auth user, or null for none
   * @param password the resolved basic-auth password (kept only as the encoded header)
   * @param truststore PEM, JKS or PKCS12 file of trusted CAs for https, or null for the JVM's
   */
  public ConnectStatusCollector(String baseUrl, String username, String password, Path truststore, Clock clock) {
    this(new ConnectHttp(baseUrl, username, password, truststore, Duration.ofSeconds(5)), clock);
  }

  /** Polls through {@code http}, e.g. {@link ConnectHttp#forCluster}. */
  public ConnectStatusCollector(ConnectHttp http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  @Override
  public ConnectReport poll() {
    Instant at = clock.instant();
    try {
      List<ConnectorStatus> connectors = parse(http.get("/connectors?expand=status"));
      Health health = Health.GREEN;
      for (ConnectorStatus c : connectors) {
        if (!c.running()) {
          health = health.worst(("FAILED".equals(c.state()) || c.tasks().stream().anyMatch(t -> "FAILED".equals(t.state())))
              ? Health.red("connector " + c.name() + " failed: " + ConnectHttp.abbreviate(ConnectHttp.firstLine(c.firstTrace())))
              : Health.amber("connector " + c.name() + " is " + c.state()));
        }
      }
      return new ConnectReport(at, health, connectors);
    } catch (ConnectHttp.Failure e) {
      return new ConnectReport(at, Health.red(e.getMessage()), List.of());
    } catch (IOException e) {
      return new ConnectReport(at, Health.red("Kafka Connect at " + http.base() + " sent a body that is not the"
          + " connectors' status: " + e.getMessage()), List.of());
    }
  }

  /** Parses the body of {@code GET /connectors?expand=status}; connectors sorted by name. */
  static List<ConnectorStatus> parse(String body) throws IOException {
    JsonNode root = JSON.readTree(body);
    List<ConnectorStatus> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode status = e.getValue().path("status");
      JsonNode connector = status.path("connector");
      List<TaskStatus> tasks = new ArrayList<>();
      for (JsonNode t : status.path("tasks")) {
        tasks.add(new TaskStatus(t.path("id").asInt(), t.path("state").asText(), t.path("worker_id").asText(),
            t.path("trace").asText("")));
      }
      out.add(new ConnectorStatus(e.getKey(), status.path("type").asText(""), connector.path("state").asText(),
          connector.path("worker_id").asText(), connector.path("trace").asText(""), tasks));
    }
    out.sort(java.util.Comparator.comparing(ConnectorStatus::name));
    return out;
  }
}
