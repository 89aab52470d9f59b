package dev.pipewright.app.connect;

import dev.pipewright.runtime.util.Loopback;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A real Kafka Connect worker: {@code org.apache.kafka.connect.cli.ConnectStandalone} in a child
 * JVM with its REST server on loopback, configured with an exported {@code worker.properties}
 * and given its own environment (the secrets its config providers resolve). Its log goes to
 * {@code connect.log} so a test can read every line it wrote.
 */
final class ConnectWorker implements AutoCloseable {
  private final Process process;
  private final String url;
  private final Path log;

  private ConnectWorker(Process process, String url, Path log) {
    this.process = process;
    this.url = url;
    this.log = log;
  }

  /**
   * Starts a worker against {@code bootstrapServers}: the exported {@code worker.properties}
   * lines (config providers) plus the few settings a standalone worker needs; plugins are the
   * connectors on the test classpath.
   */
  static ConnectWorker start(String bootstrapServers, Path workDir, Path workerProperties, Map<String, String> env)
      throws IOException, InterruptedException {
    int port = Loopback.freePort();
    Map<String, String> props = new TreeMap<>();
    Properties exported = new Properties();
    try (InputStream in = Files.newInputStream(workerProperties)) {
      exported.load(in);
    }
    exported.stringPropertyNames().forEach(k -> props.put(k, exported.getProperty(k)));
    props.put("bootstrap.servers", bootstrapServers);
    props.put("listeners", "http://127.0.0.1:" + port);
    props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
    props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    props.put("offset.storage.file.filename", workDir.resolve("connect.offsets").toString());
    props.put("offset.flush.interval.ms", "1000");
    // Connectors on the classpath declare themselves in META-INF/services; no reflective scan.
    props.put("plugin.discovery", "service_load");
    Properties all = new Properties();
    all.putAll(props);
    Path config = workDir.resolve("connect-standalone.properties");
    try (OutputStream out = Files.newOutputStream(config)) {
      all.store(out, "worker for ConnectExportIT");
    }
    Path log = workDir.resolve("connect.log");
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
        "org.apache.kafka.connect.cli.ConnectStandalone", config.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    ConnectWorker w = new ConnectWorker(pb.start(), "http://127.0.0.1:" + port, log);
    w.awaitRest();
    return w;
  }

  private void awaitRest() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < 600; i++) {
      if (!process.isAlive()) {
        throw new IllegalStateException("The Connect worker exited; see " + log);
      }
      try {
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url + "/connectors"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("The Connect worker did not answer on " + url + "; see " + log);
  }

  String url() {
    return url;
  }

  Path log() {
    return log;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
