package dev.pipewright.monitor.connect;

import dev.pipewright.model.Cluster;
import dev.pipewright.model.connect.KafkaClientSecurity;
import dev.pipewright.model.Credentials;
import dev.pipewright.monitor.MonitorConfigException;
import dev.pipewright.monitor.Secrets;
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
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * Read-only access to a Kafka Connect worker's REST API, over http or https (with a custom
 * truststore) and with optional basic auth: the one HTTP/TLS path shared by the monitor's
 * collector and the app's attach. Every failure is a {@link Failure} whose message is one
 * sentence naming the worker and how to fix it, never the password.
 */
public final class ConnectHttp {
  private final String base;
  private final String authorization;
  private final HttpClient http;
  private final Duration timeout;

  /** A request that did not get a 200: refused access, TLS handshake, unreachable, other status. */
  public static final class Failure extends IOException {
    private Failure(String sentence, Throwable cause) {
      super(sentence, cause);
    }
  }

  /**
   * @param baseUrl the worker's REST URL, e.g. {@code https://connect:8083}
   * @param username basic-auth user, or null for none
   * @param password the resolved basic-auth password (kept only as the encoded header)
   * @param truststore PEM, JKS or PKCS12 file of trusted CAs for https, or null for the JVM's
   * @throws MonitorConfigException for a malformed URL or an unreadable truststore
   */
  public ConnectHttp(String baseUrl, String username, String password, Path truststore, Duration timeout) {
    String b = baseUrl.trim();
    this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    try {
      URI u = URI.create(base);
      if (u.getScheme() == null || u.getHost() == null
          || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))) {
        throw new IllegalArgumentException("it needs http:// or https:// and a host");
      }
    } catch (IllegalArgumentException e) {
      throw new MonitorConfigException("Connect URL '" + baseUrl + "' is not a valid URL: " + e.getMessage());
    }
    this.authorization = username == null ? null : "Basic " + Base64.getEncoder()
        .encodeToString((username + ":" + (password == null ? "" : password)).getBytes(StandardCharsets.UTF_8));
    HttpClient.Builder hb = HttpClient.newBuilder().connectTimeout(timeout);
    if (truststore != null) {
      hb.sslContext(sslContext(truststore));
    }
    this.http = hb.build();
    this.timeout = timeout;
  }

  /**
   * A client for {@code connectUrl} (or the cluster's own when null) with the cluster's Connect
   * credentials, the password reference resolved now; an https URL is checked against the
   * cluster's {@code security.truststore}, as in most deployments one CA signs Kafka and Connect.
   *
   * @throws MonitorConfigException when the cluster has no Connect URL, the password reference
   *     does not resolve, or the URL or truststore cannot be used
   */
  public static ConnectHttp forCluster(Cluster cluster, String connectUrl, Duration timeout) {
    String url = connectUrl == null || connectUrl.isBlank() ? cluster.connectUrl() : connectUrl;
    if (url == null || url.isBlank()) {
      throw new MonitorConfigException("cluster '" + cluster.name() + "' has no connect url; add connect.url");
    }
    Credentials auth = cluster.connectAuth();
    String user = auth == null || auth.username() == null || auth.username().isBlank() ? null : auth.username();
    String password = user == null ? null
        : Secrets.resolve(auth.password(), "cluster '" + cluster.name() + "' connect.password");
    return new ConnectHttp(url, user, password, truststoreFor(cluster, url).orElse(null), timeout);
  }

  /**
   * The truststore to check an {@code https} worker at {@code url} against: the cluster's
   * {@code connect.truststore} when set, else its {@code security.truststore} (in most deployments
   * one CA signs Kafka and Connect); empty for plain http or when neither is set (the JVM's
   * default trust).
   */
  public static java.util.Optional<Path> truststoreFor(Cluster cluster, String url) {
    String own = cluster.connectTruststore();
    String trust = own != null && !own.isBlank() ? own : cluster.security().truststore();
    return url.trim().toLowerCase(Locale.ROOT).startsWith("https:") && trust != null && !trust.isBlank()
        ? java.util.Optional.of(Path.of(trust.trim())) : java.util.Optional.empty();
  }

  /** The worker's URL without a trailing slash, as used in messages. */
  public String base() {
    return base;
  }

  /** The body of {@code GET <base><pathAndQuery>}, e.g. {@code /connectors?expand=status}. */
  public String get(String pathAndQuery) throws Failure {
    HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(timeout)
        .header("Accept", "application/json").GET();
    if (authorization != null) {
      req.header("Authorization", authorization);
    }
    HttpResponse<String> resp;
    try {
      resp = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    } catch (SSLException e) {
      throw new Failure("TLS handshake with Kafka Connect at " + base + " failed (" + firstLine(String.valueOf(e.getMessage()))
          + "); set the cluster's security.truststore to the CA that signed the worker's certificate", e);
    } catch (IOException e) {
      throw new Failure("Kafka Connect at " + base + " is unreachable (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())) + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Failure("interrupted while reading Kafka Connect at " + base, e);
    }
    if (resp.statusCode() == 401 || resp.statusCode() == 403) {
      throw new Failure("Kafka Connect at " + base + " refused access (HTTP " + resp.statusCode()
          + "); check the connect username and password reference", null);
    }
    if (resp.statusCode() != 200) {
      throw new Failure("Kafka Connect at " + base + " answered HTTP " + resp.statusCode() + " to GET "
          + pathAndQuery + ": " + abbreviate(resp.body()), null);
    }
    return resp.body();
  }

  static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }

  /**
   * A TLS context trusting only the CAs in {@code truststore} (PEM/CRT, PKCS12/PFX or JKS), for any
   * client that talks to the worker (the monitor, attach, deploy and diff).
   *
   * @throws MonitorConfigException with a sentence naming the file when it cannot be read
   */
  public static SSLContext sslContext(Path truststore) {
    try {
      KeyStore ks;
      String type = KafkaClientSecurity.truststoreType(truststore.getFileName().toString());
      if (type.equals("PEM")) {
        ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(truststore)) {
          int i = 0;
          for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
            ks.setCertificateEntry("ca-" + i++, c);
          }
        }
      } else {
        ks = KeyStore.getInstance(type);
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
