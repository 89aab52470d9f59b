package dev.pipewright.app.connect;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A small client for the Kafka Connect REST API: the calls {@code deploy.sh} makes
 * ({@code PUT /connectors/{name}/config}) plus reading configs and status and dry-run validation.
 * It never logs; error messages carry Connect's text, which does not echo config values.
 */
public final class ConnectRestClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final URI base;
  private final String authorization;
  private final HttpClient http;
  private final Duration timeout;

  /**
   * @param baseUrl e.g. {@code http://localhost:8083}
   * @param user basic-auth user, or null
   * @param password basic-auth password (already resolved), or null
   */
  public ConnectRestClient(String baseUrl, String user, String password, Duration timeout) {
    this(baseUrl, user, password, null, timeout);
  }

  /**
   * @param tls the TLS context for an https worker signed by a private CA, or null for the JVM's
   *     default trust
   */
  public ConnectRestClient(String baseUrl, String user, String password, javax.net.ssl.SSLContext tls,
      Duration timeout) {
    this.base = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
    this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
    this.timeout = timeout;
    HttpClient.Builder hb = HttpClient.newBuilder().connectTimeout(timeout);
    if (tls != null) {
      hb.sslContext(tls);
    }
    this.http = hb.build();
  }

  public ConnectRestClient(String baseUrl) {
    this(baseUrl, null, null, Duration.ofSeconds(30));
  }

  public String baseUrl() {
    return base.toString();
  }

  /** Creates the connector or updates its config; true when it was created. */
  public boolean putConnectorConfig(String name, Map<String, String> config) throws IOException {
    HttpResponse<String> r = send("PUT", "/connectors/" + enc(name) + "/config", JSON.writeValueAsString(config));
    check(r, "PUT /connectors/" + name + "/config");
    return r.statusCode() == 201;
  }

  /** The names of the connectors the cluster runs, sorted. */
  public List<String> connectors() throws IOException {
    HttpResponse<String> r = send("GET", "/connectors", null);
    check(r, "GET /connectors");
    List<String> names = new ArrayList<>(JSON.readValue(r.body(), new TypeReference<List<String>>() {}));
    names.sort(null);
    return names;
  }

  /** The stored config of a connector, or empty when there is no such connector. */
  public Optional<Map<String, String>> connectorConfig(String name) throws IOException {
    HttpResponse<String> r = send("GET", "/connectors/" + enc(name) + "/config", null);
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    check(r, "GET /connectors/" + name + "/config");
    return Optional.of(new TreeMap<>(JSON.readValue(r.body(), new TypeReference<Map<String, String>>() {})));
  }

  /** Connector and task states, e.g. {@code RUNNING}; empty when there is no such connector. */
  public Optional<ConnectorStatus> status(String name) throws IOException {
    HttpResponse<String> r = send("GET", "/connectors/" + enc(name) + "/status", null);
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    check(r, "GET /connectors/" + name + "/status");
    JsonNode n = JSON.readTree(r.body());
    List<ConnectorStatus.Task> tasks = new ArrayList<>();
    for (JsonNode t : n.path("tasks")) {
      tasks.add(new ConnectorStatus.Task(t.path("id").asInt(), t.path("state").asText(),
          t.hasNonNull("trace") ? firstLine(t.path("trace").asText()) : null));
    }
    JsonNode c = n.path("connector");
    return Optional.of(new ConnectorStatus(name, c.path("state").asText(),
        c.hasNonNull("trace") ? firstLine(c.path("trace").asText()) : null, tasks));
  }

  /** Dry run of {@code PUT /connector-plugins/{class}/config/validate}. */
  public Validation validate(String connectorClass, Map<String, String> config) throws IOException {
    String simple = connectorClass;
    HttpResponse<String> r = send("PUT", "/connector-plugins/" + enc(simple) + "/config/validate",
        JSON.writeValueAsString(config));
    check(r, "PUT /connector-plugins/" + connectorClass + "/config/validate");
    JsonNode n = JSON.readTree(r.body());
    Map<String, List<String>> errors = new TreeMap<>();
    Map<String, String> defaults = new TreeMap<>();
    for (JsonNode c : n.path("configs")) {
      JsonNode def = c.path("definition");
      JsonNode val = c.path("value");
      String key = val.path("name").asText(def.path("name").asText());
      List<String> msgs = new ArrayList<>();
      val.path("errors").forEach(e -> msgs.add(e.asText()));
      if (!msgs.isEmpty()) {
        errors.put(key, msgs);
      }
      if (def.hasNonNull("default_value")) {
        defaults.put(key, def.path("default_value").asText());
      }
    }
    return new Validation(n.path("error_count").asInt(), errors, defaults);
  }

  /** Deletes a connector; false when there was none. */
  public boolean delete(String name) throws IOException {
    HttpResponse<String> r = send("DELETE", "/connectors/" + enc(name), null);
    if (r.statusCode() == 404) {
      return false;
    }
    check(r, "DELETE /connectors/" + name);
    return true;
  }

  /** The result of a validation: error count, messages by key, and each key's default value. */
  public record Validation(int errorCount, Map<String, List<String>> errors, Map<String, String> defaults) {}

  private HttpResponse<String> send(String method, String path, String body) throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
        .header("Accept", "application/json");
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
      b.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (ConnectException e) {
      throw new ConnectRestException(0, "Kafka Connect at " + base + " cannot be reached. Check the URL and "
          + "that the worker is running.");
    } catch (javax.net.ssl.SSLException e) {
      throw new ConnectRestException(0, "TLS handshake with Kafka Connect at " + base + " failed (" + firstLine(
          String.valueOf(e.getMessage())) + "); set the cluster's security.truststore to the CA that signed the "
          + "worker's certificate.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while calling Kafka Connect", e);
    }
  }

  private static void check(HttpResponse<String> r, String call) throws ConnectRestException {
    if (r.statusCode() / 100 == 2) {
      return;
    }
    String message = r.body();
    try {
      JsonNode n = JSON.readTree(r.body());
      if (n.hasNonNull("message")) {
        message = n.path("message").asText();
      }
    } catch (IOException | RuntimeException e) {
      // not JSON: keep the body as it is
    }
    throw new ConnectRestException(r.statusCode(), call + " failed with HTTP " + r.statusCode() + ": " + message);
  }

  private static String firstLine(String s) {
    int i = s.indexOf('\n');
    return i < 0 ? s : s.substring(0, i);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
