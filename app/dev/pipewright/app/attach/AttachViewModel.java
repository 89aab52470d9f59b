package dev.pipewright.app.attach;

import dev.pipewright.app.desktop.inspector.References;
import dev.pipewright.model.Cluster;
import dev.pipewright.model.Credentials;
import dev.pipewright.model.KafkaSecurity;
import dev.pipewright.model.SecretRef;
import dev.pipewright.model.connect.KafkaClientSecurity;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the attach dialog asks for and how it is checked: the Connect URL and bootstrap servers,
 * and the optional security (Kafka protocol, SASL mechanism, user, password reference,
 * truststore; Connect user and password reference). {@link #cluster()} refuses bad input with a
 * sentence per field, in place, and otherwise gives the cluster to attach to, holding the
 * password REFERENCES only. No JavaFX scene graph: tested without the toolkit.
 */
public final class AttachViewModel {
  /** The fields that can be refused, each with its own error line. */
  public enum Field { CONNECT_URL, BOOTSTRAP, USERNAME, PASSWORD, TRUSTSTORE, CONNECT_USERNAME, CONNECT_PASSWORD }

  /** The name of the imported pipeline's cluster. */
  public static final String CLUSTER = "attached";
  private static final Pattern HOST_PORT = Pattern.compile("\\[?[A-Za-z0-9_.:-]+]?:\\d{1,5}");

  private final StringProperty connectUrl = new SimpleStringProperty(this, "connectUrl", "http://localhost:8083");
  private final StringProperty bootstrap = new SimpleStringProperty(this, "bootstrap", "localhost:9092");
  private final StringProperty protocol = new SimpleStringProperty(this, "protocol", "PLAINTEXT");
  private final StringProperty mechanism = new SimpleStringProperty(this, "mechanism", "SCRAM-SHA-512");
  private final StringProperty username = new SimpleStringProperty(this, "username", "");
  private final StringProperty password = new SimpleStringProperty(this, "password", "");
  private final StringProperty truststore = new SimpleStringProperty(this, "truststore", "");
  private final StringProperty connectUsername = new SimpleStringProperty(this, "connectUsername", "");
  private final StringProperty connectPassword = new SimpleStringProperty(this, "connectPassword", "");
  private final Map<Field, ReadOnlyStringWrapper> errors = new EnumMap<>(Field.class);
  private final BooleanBinding sasl = Bindings.createBooleanBinding(
      () -> protocol.get() != null && protocol.get().startsWith("SASL"), protocol);
  private final BooleanBinding tls = Bindings.createBooleanBinding(
      () -> (protocol.get() != null && protocol.get().endsWith("SSL")) || https(connectUrl.get()), protocol, connectUrl);

  public AttachViewModel() {
    for (Field f : Field.values()) {
      ReadOnlyStringWrapper e = new ReadOnlyStringWrapper(this, f.name(), "");
      errors.put(f, e);
      text(f).addListener((obs, was, now) -> e.set(""));
    }
    protocol.addListener((obs, was, now) -> List.of(Field.USERNAME, Field.PASSWORD).forEach(f -> errors.get(f).set("")));
  }

  public List<String> protocols() {
    return KafkaClientSecurity.PROTOCOLS;
  }

  public List<String> mechanisms() {
    return KafkaClientSecurity.MECHANISMS;
  }

  public StringProperty connectUrlProperty() {
    return connectUrl;
  }

  public StringProperty bootstrapProperty() {
    return bootstrap;
  }

  /** PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL. */
  public StringProperty protocolProperty() {
    return protocol;
  }

  public StringProperty mechanismProperty() {
    return mechanism;
  }

  /** True while the protocol uses SASL: mechanism, user and password apply. */
  public BooleanBinding saslProperty() {
    return sasl;
  }

  /** True while TLS is in play (an SSL protocol or an https Connect URL): the truststore applies. */
  public BooleanBinding tlsProperty() {
    return tls;
  }

  /** The text of a field, e.g. {@code text(Field.PASSWORD)} holds {@code ${env:KAFKA_PASSWORD}}. */
  public StringProperty text(Field f) {
    return switch (f) {
      case CONNECT_URL -> connectUrl;
      case BOOTSTRAP -> bootstrap;
      case USERNAME -> username;
      case PASSWORD -> password;
      case TRUSTSTORE -> truststore;
      case CONNECT_USERNAME -> connectUsername;
      case CONNECT_PASSWORD -> connectPassword;
    };
  }

  /** Why the field was refused, or empty. */
  public ReadOnlyStringProperty error(Field f) {
    return errors.get(f).getReadOnlyProperty();
  }

  /** The example variable name shown for a password field. */
  public static String suggestedVariable(Field f) {
    return f == Field.CONNECT_PASSWORD ? "CONNECT_PASSWORD" : "KAFKA_PASSWORD";
  }

  /**
   * Puts the reference the "Reference…" helper built into a password field; false, with the
   * reason on the field, when the parts do not make one.
   */
  public boolean useReference(Field f, String provider, String pathOrName, String fileKey) {
    References.Built built = References.build(provider, pathOrName, fileKey);
    if (built.reference().isEmpty()) {
      errors.get(f).set(built.problem());
      return false;
    }
    text(f).set(built.reference().get());
    return true;
  }

  /**
   * Checks every field; the cluster to attach to when all are acceptable, else empty with the
   * reasons in {@link #error}. Passwords stay references in the cluster.
   */
  public Optional<Cluster> cluster() {
    errors.values().forEach(e -> e.set(""));
    String url = trim(connectUrl);
    if (url.isEmpty()) {
      refuse(Field.CONNECT_URL, "Enter the Kafka Connect REST URL, e.g. http://localhost:8083.");
    } else if (!validUrl(url)) {
      refuse(Field.CONNECT_URL, "A Connect URL starts with http:// or https:// and names a host, e.g. https://connect.example.com:8083.");
    }
    String servers = trim(bootstrap);
    if (servers.isEmpty()) {
      refuse(Field.BOOTSTRAP, "Enter the Kafka bootstrap servers, e.g. localhost:9092.");
    } else if (!List.of(servers.split(",")).stream().map(String::trim).allMatch(s -> HOST_PORT.matcher(s).matches())) {
      refuse(Field.BOOTSTRAP, "Bootstrap servers are host:port pairs separated by commas, e.g. kafka-1:9093,kafka-2:9093.");
    }
    boolean isSasl = sasl.get();
    if (isSasl && trim(username).isEmpty()) {
      refuse(Field.USERNAME, "SASL needs a user; enter the Kafka user name.");
    }
    if (isSasl) {
      passwordProblem(Field.PASSWORD, trim(password));
    }
    String trust = trim(truststore);
    if (!trust.isEmpty()) {
      truststoreProblem(trust);
    }
    String connectUser = trim(connectUsername);
    String connectPw = trim(connectPassword);
    if (!connectUser.isEmpty()) {
      passwordProblem(Field.CONNECT_PASSWORD, connectPw);
    } else if (!connectPw.isEmpty()) {
      refuse(Field.CONNECT_USERNAME, "Enter the Connect user that goes with this password, or clear the password.");
    }
    if (errors.values().stream().anyMatch(e -> !e.get().isEmpty())) {
      return Optional.empty();
    }
    Credentials kafkaLogin = isSasl ? new Credentials(trim(username), trim(password)) : null;
    KafkaSecurity security = new KafkaSecurity(protocol.get(), isSasl ? mechanism.get() : null, kafkaLogin,
        trust.isEmpty() ? null : trust);
    Credentials connectLogin = connectUser.isEmpty() ? null : new Credentials(connectUser, connectPw);
    return Optional.of(new Cluster(CLUSTER, servers, security, url, connectLogin, null));
  }

  private void passwordProblem(Field f, String text) {
    String example = "${env:" + suggestedVariable(f) + "}";
    if (text.isEmpty()) {
      refuse(f, "Enter a reference to the password, such as " + example + ".");
      return;
    }
    Optional<SecretRef> ref = SecretRef.parse(text);
    if (ref.isEmpty()) {
      refuse(f, "Use a reference such as " + example + "; secrets are never stored in plain text.");
    } else if (ref.get().resolve().isEmpty()) {
      refuse(f, ref.get() + " does not resolve here; set the environment variable or add the key to the file.");
    }
  }

  private void truststoreProblem(String trust) {
    try {
      Path p = Path.of(trust);
      if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
        refuse(Field.TRUSTSTORE, "No readable file at " + trust + "; choose the PEM, JKS or PKCS12 truststore.");
      }
    } catch (InvalidPathException e) {
      refuse(Field.TRUSTSTORE, "'" + trust + "' is not a file path; choose the PEM, JKS or PKCS12 truststore.");
    }
  }

  private void refuse(Field f, String reason) {
    errors.get(f).set(reason);
  }

  private static boolean validUrl(String url) {
    try {
      URI u = URI.create(url);
      return u.getHost() != null && ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean https(String url) {
    return url != null && url.trim().toLowerCase(Locale.ROOT).startsWith("https:");
  }

  private static String trim(StringProperty p) {
    return p.get() == null ? "" : p.get().trim();
  }
}
