package dev.pipewright.runtime.kafka;

import dev.pipewright.model.Cluster;
import dev.pipewright.model.Credentials;
import dev.pipewright.model.KafkaSecurity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/**
 * A real embedded KRaft broker with secured loopback listeners, for any IT: {@code SASL}
 * (SASL_PLAINTEXT with PLAIN and SCRAM-SHA-512 users), {@code TLS} (SSL) and {@code SASLTLS}
 * (SASL_SSL), with a self-signed certificate for 127.0.0.1 made by the running JDK's
 * {@code keytool}. Passwords are random per instance and live only in {@link #secretsFile()}, a
 * properties file that {@code ${file:…}} references read; {@link #cluster} builds the model's
 * cluster for a listener. Start one per test class; it takes as long as a plain embedded broker
 * plus about a second for the certificate.
 */
public final class SecuredKafka implements AutoCloseable {
  public static final String PLAIN_USER = "plain-user";
  public static final String SCRAM_USER = "scram-user";
  /** The SASL listener's name (SASL_PLAINTEXT). */
  public static final String SASL = "SASL";
  /** The TLS listener's name (SSL, no client authentication). */
  public static final String TLS = "TLS";
  /** The SASL over TLS listener's name (SASL_SSL). */
  public static final String SASL_TLS = "SASLTLS";

  private final EmbeddedKafka kafka;
  private final Properties secrets = new Properties();
  private final Path secretsFile;
  private final Path keystore;
  private final Path caPem;
  private final String keystorePassword;

  private SecuredKafka(Path dir) {

    this.keystorePassword = random();
    secrets.setProperty("plain", random());
    secrets.setProperty("scram", random());
    secrets.setProperty("wrong", random());
    try {
      Files.createDirectories(dir);
      secretsFile = dir.resolve("kafka-secrets.properties");
      try (var out = Files.newOutputStream(secretsFile)) {
        secrets.store(out, "test passwords for SecuredKafka");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    keystore = dir.resolve("broker.p12");
    caPem = dir.resolve("ca.pem");
    makeCertificate();
    String jaasPlain = "org.apache.kafka.common.security.plain.PlainLoginModule required user_" + PLAIN_USER
        + "=\"" + secrets.getProperty("plain") + "\";";
    String jaasScram = "org.apache.kafka.common.security.scram.ScramLoginModule required;";
    EmbeddedKafka.Builder b = EmbeddedKafka.builder().dataDir(dir.resolve("kafka"))
        .listener(SASL, "SASL_PLAINTEXT").listener(TLS, "SSL").listener(SASL_TLS, "SASL_SSL")
        .brokerConfig("sasl.enabled.mechanisms", "PLAIN,SCRAM-SHA-512")
        .brokerConfig("ssl.keystore.type", "PKCS12")
        .brokerConfig("ssl.keystore.location", keystore.toString())
        .brokerConfig("ssl.keystore.password", keystorePassword)
        .brokerConfig("ssl.key.password", keystorePassword);
    for (String listener : List.of(SASL, SASL_TLS)) {
      String prefix = "listener.name." + listener.toLowerCase(java.util.Locale.ROOT) + ".";
      b.brokerConfig(prefix + "plain.sasl.jaas.config", jaasPlain);
      b.brokerConfig(prefix + "scram-sha-512.sasl.jaas.config", jaasScram);
    }
    kafka = b.build();
  }

  /** Starts the broker in {@code dir} and adds the SCRAM user; returns once SCRAM logins work. */
  public static SecuredKafka start(Path dir) {
    SecuredKafka k = new SecuredKafka(dir);
    try {
      k.kafka.start();
      k.addScramUser();
      return k;
    } catch (RuntimeException e) {
      k.close();
      throw e;
    }
  }

  private void addScramUser() {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(SCRAM_USER,
          new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), secrets.getProperty("scram"))))
          .all().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Could not add the SCRAM user: " + e, e);
    }
    // The credential reaches the broker's cache through the metadata log; wait until a login works.
    Map<String, Object> probe = new java.util.HashMap<>(Map.of("bootstrap.servers", bootstrapServers(SASL),
        "request.timeout.ms", "3000", "default.api.timeout.ms", "5000"));
    probe.putAll(dev.pipewright.model.connect.KafkaClientSecurity.resolved(cluster(SASL, "SCRAM-SHA-512", "scram")));
    Exception last = null;
    for (int i = 0; i < 30; i++) {
      try (Admin admin = Admin.create(probe)) {
        admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
        return;
      } catch (Exception e) {
        last = e;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("SCRAM login never worked: " + last, last);
  }

  /** The broker's unsecured listener, for test set-up (creating topics, producing). */
  public String plaintextBootstrap() {
    return kafka.bootstrapServers();
  }

  /** {@code 127.0.0.1:<port>} of {@link #SASL}, {@link #TLS} or {@link #SASL_TLS}. */
  public String bootstrapServers(String listener) {
    return kafka.bootstrapServers(listener);
  }

  /** The self-signed certificate as PEM: the truststore clients need for {@link #TLS}. */
  public Path truststore() {
    return caPem;
  }

  /** The broker's key and certificate (PKCS12), for other servers under test (e.g. Connect's https). */
  public Path keystore() {
    return keystore;
  }

  public String keystorePassword() {
    return keystorePassword;
  }

  /**
   * Settings for a real Connect worker (standalone) on this broker's plaintext listener whose
   * REST API serves https on a free loopback port with the broker's certificate; callers add
   * e.g. {@code rest.extension.classes}.
   */
  public Map<String, String> httpsConnectWorker(Path offsets) {
    Map<String, String> worker = new java.util.HashMap<>();
    worker.put("bootstrap.servers", plaintextBootstrap());
    worker.put("listeners", "https://127.0.0.1:0");
    worker.put("listeners.https.ssl.keystore.type", "PKCS12");
    worker.put("listeners.https.ssl.keystore.location", keystore.toString());
    worker.put("listeners.https.ssl.keystore.password", keystorePassword);
    worker.put("listeners.https.ssl.key.password", keystorePassword);
    worker.put("offset.storage.file.filename", offsets.toString());
    worker.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
    worker.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
    // connectors on the classpath declare themselves in META-INF/services; no reflective scan
    worker.put("plugin.discovery", "service_load");
    return worker;
  }

  /** A TLS context trusting this broker's certificate, for test clients of https servers using it. */
  public javax.net.ssl.SSLContext trustingSslContext() {
    try (var in = Files.newInputStream(keystore)) {
      java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
      ks.load(in, keystorePassword.toCharArray());
      javax.net.ssl.TrustManagerFactory tmf =
          javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      javax.net.ssl.SSLContext ssl = javax.net.ssl.SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      return ssl;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The properties file holding the keys {@code plain}, {@code scram} and {@code wrong}. */
  public Path secretsFile() {
    return secretsFile;
  }

  /** {@code ${file:<secretsFile>:<key>}}. */
  public String reference(String key) {
    return "${file:" + secretsFile + ":" + key + "}";
  }

  /** The value behind {@code key}, for asserting that it never appears anywhere. */
  public String secret(String key) {
    return secrets.getProperty(key);
  }

  /**
   * A model cluster for {@code listener}: SASL listeners log in with {@code mechanism} as the
   * PLAIN or SCRAM user with the password under {@code passwordKey}; TLS listeners trust
   * {@link #truststore()}.
   */
  public Cluster cluster(String listener, String mechanism, String passwordKey) {
    String protocol = switch (listener) {
      case SASL -> "SASL_PLAINTEXT";
      case TLS -> "SSL";
      case SASL_TLS -> "SASL_SSL";
      default -> throw new IllegalArgumentException(listener);
    };
    Credentials creds = mechanism == null ? null
        : new Credentials("PLAIN".equals(mechanism) ? PLAIN_USER : SCRAM_USER, reference(passwordKey));
    String trust = protocol.endsWith("SSL") ? caPem.toString() : null;
    return new Cluster("secured", bootstrapServers(listener), new KafkaSecurity(protocol, mechanism, creds, trust),
        null, null, null);
  }

  private void makeCertificate() {
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    run(keytool, "-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1",
        "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
        "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", keystorePassword,
        "-keypass", keystorePassword);
    run(keytool, "-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(),
        "-storetype", "PKCS12", "-storepass", keystorePassword, "-file", caPem.toString());
  }

  private void run(String... command) {
    List<String> cmd = new ArrayList<>(List.of(command));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String random() {
    return "pw-" + UUID.randomUUID().toString().replace("-", "");
  }

  @Override
  public void close() {
    kafka.close();
  }
}
