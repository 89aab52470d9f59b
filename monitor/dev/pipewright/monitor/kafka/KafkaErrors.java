package dev.pipewright.monitor.kafka;

import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;

/** Turns Kafka client failures into sentences a person can act on; shared by the monitor and attach. */
public final class KafkaErrors {
  private KafkaErrors() {}

  public static String describe(Throwable t, String address) {
    return describe(t, address, "polling");
  }

  /**
   * @param doing what failed, for a failure without a more specific sentence, e.g.
   *     {@code "listing the topics of"} gives "listing the topics of Kafka at … failed: …"
   */
  public static String describe(Throwable t, String address, String doing) {
    Throwable cause = t instanceof ExecutionException && t.getCause() != null ? t.getCause() : t;
    if (cause instanceof SslAuthenticationException) {
      return "TLS handshake with Kafka at " + address + " failed (" + firstLine(cause)
          + "); check the truststore and the broker's certificate";
    }
    if (cause instanceof AuthenticationException) {
      return "Kafka at " + address + " refused the login (" + firstLine(cause)
          + "); check the SASL mechanism, user and password reference";
    }
    if (cause instanceof AuthorizationException) {
      return "Kafka at " + address + " denied access (" + firstLine(cause)
          + "); grant the monitor's user Describe on the groups and topics";
    }
    if (cause instanceof TimeoutException || cause instanceof java.util.concurrent.TimeoutException) {
      return "Kafka at " + address + " did not answer in time; is the broker up and reachable?";
    }
    return doing + " Kafka at " + address + " failed: " + cause.getClass().getSimpleName() + ": " + firstLine(cause);
  }

  private static String firstLine(Throwable t) {
    String m = t.getMessage();
    if (m == null) {
      return t.getClass().getSimpleName();
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
