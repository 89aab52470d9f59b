package dev.pipewright.app.connect;

import dev.pipewright.runtime.util.Loopback;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;

/**
 * A real Kafka Connect worker (connect-runtime's standalone herder with its REST server on
 * loopback) started inside the test JVM. Plugins are the connectors on the test classpath.
 */
final class ConnectWorker implements AutoCloseable {
  private final Connect<?> connect;
  private final String url;

  private ConnectWorker(Connect<?> connect, String url) {
    this.connect = connect;
    this.url = url;
  }

  /**
   * Starts a worker against {@code bootstrapServers}, with the lines of an exported
   * {@code worker.properties} (config providers) added to its configuration.
   */
  static ConnectWorker start(String bootstrapServers, Path workDir, Path workerProperties) throws IOException {
    int port = Loopback.freePort();
    Map<String, String> props = new HashMap<>();
    props.put("bootstrap.servers", bootstrapServers);
    props.put("listeners", "http://127.0.0.1:" + port);
    props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
    props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
    props.put("offset.storage.file.filename", workDir.resolve("connect.offsets").toString());
    props.put("offset.flush.interval.ms", "1000");
    // Connectors on the classpath declare themselves in META-INF/services; no reflective scan.
    props.put("plugin.discovery", "service_load");
    if (workerProperties != null) {
      Properties exported = new Properties();
      try (InputStream in = Files.newInputStream(workerProperties)) {
        exported.load(in);
      }
      exported.stringPropertyNames().forEach(k -> props.put(k, exported.getProperty(k)));
    }
    Connect<?> connect = new ConnectStandalone().startConnect(props);
    return new ConnectWorker(connect, "http://127.0.0.1:" + port);
  }

  String url() {
    return url;
  }

  @Override
  public void close() {
    connect.stop();
    connect.awaitStop();
  }
}
