package dev.pipewright.runtime.kafka;

import dev.pipewright.model.Cluster;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

/**
 * Checks, before a trial starts anything, that the Kafka cluster a pipeline names answers and
 * accepts the trial's login with the cluster's security settings. A problem is one sentence
 * that says what to change; it never contains the password.
 */
public final class KafkaPreflight {
  private static final long WAIT_SECONDS = 15;

  private KafkaPreflight() {}

  /**
   * @param clientSecurity the cluster's client settings with the password resolved
   * @return the problem, or empty when the cluster described itself to the trial's login
   */
  public static Optional<String> check(Cluster cluster, Map<String, String> clientSecurity) {
    String at = cluster.bootstrapServers();
    Map<String, Object> props = new HashMap<>(clientSecurity);
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, at);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "pipewright-trial-preflight");
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
    props.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, "3000");
    try (Admin admin = Admin.create(props)) {
      admin.describeCluster().nodes().get(WAIT_SECONDS, TimeUnit.SECONDS);
      return Optional.empty();
    } catch (ExecutionException e) {
      return Optional.of(sentence(cluster, e.getCause() == null ? e : e.getCause()));
    } catch (java.util.concurrent.TimeoutException e) {
      return Optional.of(sentence(cluster, e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("Interrupted while checking Kafka at " + at + ".");
    } catch (RuntimeException e) {
      // e.g. a truststore file that cannot be read, found while the client is built
      return Optional.of("Cannot open a Kafka client for cluster '" + cluster.name() + "' at " + at + ": "
          + firstLine(e) + ". Check the cluster's security settings.");
    }
  }

  private static String sentence(Cluster cluster, Throwable cause) {
    String at = cluster.bootstrapServers();
    String protocol = cluster.security().protocol();
    if (cause instanceof SslAuthenticationException) {
      return "The TLS handshake with Kafka at " + at + " failed (" + firstLine(cause) + "). Point cluster '"
          + cluster.name() + "' security.truststore at the CA that signed the broker's certificate.";
    }
    if (cause instanceof AuthenticationException) {
      String user = cluster.security().credentials() == null ? "?" : cluster.security().credentials().username();
      return "Kafka at " + at + " rejected the login of user '" + user + "' with " + cluster.security().saslMechanism()
          + " (" + firstLine(cause) + "). Check security.username and the secret behind security.password of cluster '"
          + cluster.name() + "'.";
    }
    if (cause instanceof AuthorizationException) {
      return "Kafka at " + at + " let the trial log in but denied it (" + firstLine(cause)
          + "). Grant the user Describe on the cluster, Create and Write on the pipeline's topics and Read on its groups.";
    }
    if (cause instanceof org.apache.kafka.common.errors.TimeoutException
        || cause instanceof java.util.concurrent.TimeoutException) {
      return "Kafka at " + at + " did not answer within " + WAIT_SECONDS + " s. Check cluster '" + cluster.name()
          + "' bootstrapServers, that the broker runs, and that its listener speaks " + protocol + ".";
    }
    return "Kafka at " + at + " could not be reached: " + firstLine(cause) + ".";
  }

  private static String firstLine(Throwable t) {
    String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).trim();
  }
}
