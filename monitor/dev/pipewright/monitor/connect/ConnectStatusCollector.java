package dev.pipewright.monitor.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.monitor.Health;
import dev.pipewright.monitor.MonitorConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * Reads connector and task states from a Kafka Connect worker with one
 * {@code GET /connectors?expand=status} per poll, optionally with basic auth and a custom
 * truststore for TLS.
 */
public final class ConnectStatusCollector implements ConnectorStatusSource {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI uri;
  private final String authorization;
  private final HttpClient http;
  private final Clock clock;

  /**
   * @param baseUrl the worker's REST URL, e.g. {@code http://localhost:8083}
   * @param username basic-auth user, or null for none
   * @param password the resolved basic-auth password (kept only as the encoded header)
   * @param truststore PEM, JKS or PKCS12 file of trusted CAs for https, or null for the JVM's
   */
  public ConnectStatusCollector(String baseUrl, String username, String password, Path truststore, Clock clock) {
    String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    try {
      this.uri = URI.create(base + "/connectors?expand=status");
    } catch (IllegalArgumentException e) {
      throw new MonitorConfigException("Connect URL '" + baseUrl + "' is not a valid URL: " + e.getMessage());
    }
    this.authorization = username == null ? null : "Basic " + Base64.getEncoder()
        .encodeToString((username + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3));
    if (truststore != null) {
      b.sslContext(sslContext(truststore));
    }
    this.http = b.build();
    this.clock = clock;
  }

  @Override
  public ConnectReport poll() {
    Instant at = clock.instant();
    HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
        .header("Accept", "application/json").GET();
    if (authorization != null) {
      req.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> resp = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
      if (resp.statusCode() == 401 || resp.statusCode() == 403) {
        return new ConnectReport(at, Health.red("Kafka Connect at " + base() + " refused access (HTTP "
            + resp.statusCode() + "); check the connect username and password reference"), List.of());
      }
      if (resp.statusCode() != 200) {
        return new ConnectReport(at, Health.red("Kafka Connect at " + base() + " answered HTTP " + resp.statusCode()
            + ": " + abbreviate(resp.body())), List.of());
      }
      List<ConnectorStatus> connectors = parse(resp.body());
      Health health = Health.GREEN;
      for (ConnectorStatus c : connectors) {
        if (!c.running()) {
          health = health.worst(("FAILED".equals(c.state()) || c.tasks().stream().anyMatch(t -> "FAILED".equals(t.state())))
              ? Health.red("connector " + c.name() + " failed: " + abbreviate(firstLine(c.firstTrace())))
              : Health.amber("connector " + c.name() + " is " + c.state()));
        }
      }
      return new ConnectReport(at, health, connectors);
    } catch (SSLException e) {
      return new ConnectReport(at, Health.red("TLS handshake with Kafka Connect at " + base() + " failed ("
          + firstLine(String.valueOf(e.getMessage())) + "); set the cluster's security.truststore to the CA that"
          + " signed the worker's certificate"), List.of());
    } catch (IOException e) {
      return new ConnectReport(at, Health.red("Kafka Connect at " + base() + " is unreachable ("
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")"), List.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ConnectReport(at, Health.red("interrupted while polling Kafka Connect"), List.of());
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

  private String base() {
    String s = uri.toString();
    return s.substring(0, s.indexOf("/connectors"));
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }

  private static SSLContext sslContext(Path truststore) {
    try {
      KeyStore ks;
      String name = truststore.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".pem") || name.endsWith(".crt")) {
        ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(truststore)) {
          int i = 0;
          for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
            ks.setCertificateEntry("ca-" + i++, c);
          }
        }
      } else {
        ks = KeyStore.getInstance(name.endsWith(".p12") || name.endsWith(".pfx") ? "PKCS12" : "JKS");
        try (InputStream in = Files.newInputStream(truststore)) {
          ks.load(in, null);
        }
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (IOException | GeneralSecurityException e) {
      throw new MonitorConfigException("Connect truststore " + truststore + " cannot be read: " + e.getMessage());
    }
  }
}
