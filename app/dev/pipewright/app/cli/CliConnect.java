package dev.pipewright.app.cli;

import dev.pipewright.app.connect.ConnectRestClient;
import dev.pipewright.model.Cluster;
import dev.pipewright.model.SecretRef;
import dev.pipewright.monitor.MonitorConfigException;
import dev.pipewright.monitor.connect.ConnectHttp;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The Connect REST client for a cluster, from {@code --connect-url} or the file, with its basic auth
 * and, for an https worker, the cluster's {@code security.truststore}.
 */
public final class CliConnect {
  private CliConnect() {}

  public static Optional<ConnectRestClient> client(Cluster c, String urlOption, PrintWriter err) {
    String url = urlOption != null ? urlOption : c.connectUrl();
    if (url == null || url.isBlank()) {
      err.println("Cluster '" + c.name() + "' has no connect.url. Give --connect-url URL.");
      return Optional.empty();
    }
    String user = null;
    String password = null;
    if (c.connectAuth() != null) {
      user = c.connectAuth().username();
      Optional<SecretRef> ref = SecretRef.parse(c.connectAuth().password());
      password = ref.flatMap(SecretRef::resolve).orElse(null);
      if (ref.isPresent() && password == null) {
        err.println("The Connect password " + ref.get() + " is not set. Set it before running this command.");
        return Optional.empty();
      }
    }
    javax.net.ssl.SSLContext tls = null;
    Optional<Path> truststore = ConnectHttp.truststoreFor(c, url);
    if (truststore.isPresent()) {
      try {
        tls = ConnectHttp.sslContext(truststore.get());
      } catch (MonitorConfigException e) {
        err.println(e.getMessage());
        return Optional.empty();
      }
    }
    try {
      return Optional.of(new ConnectRestClient(url, user, password, tls, Duration.ofSeconds(30)));
    } catch (IllegalArgumentException e) {
      err.println("'" + url + "' is not a Kafka Connect URL; write it like http://localhost:8083.");
      return Optional.empty();
    }
  }
}
