package dev.pipewright.app.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.canvas.EditorDocument;
import dev.pipewright.canvas.EditorState;
import dev.pipewright.canvas.PipelineCanvas;
import dev.pipewright.canvas.layout.Layout;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Pipeline;
import dev.pipewright.monitor.Health;
import dev.pipewright.runtime.kafka.EmbeddedKafka;
import dev.pipewright.runtime.kafka.Topics;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The live monitor against a real embedded broker with a consumer group that lags: the group's
 * tile shows the lag Kafka itself reports, the canvas is coloured and labelled, and closing the
 * window clears the canvas. Screenshots under target/screenshots/.
 */
class MonitorWindowIT {
  static final String TOPIC = "shop.public.orders";
  static final String GROUP = "connect-orders-read-model";

  @TempDir
  static Path work;
  static EmbeddedKafka kafka;

  @BeforeAll
  static void lagBehindABroker() throws Exception {
    kafka = EmbeddedKafka.builder().dataDir(work.resolve("kafka")).build().start();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      Topics.create(admin, new NewTopic(TOPIC, 1, (short) 1));
      Properties p = new Properties();
      p.put("bootstrap.servers", kafka.bootstrapServers());
      try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
          records.add(new ProducerRecord<>(TOPIC, "k" + i, "{\"id\":" + i + "}"));
        }
        Topics.sendAll(producer, records);
      }
      // the read model has read 70 of 250 and stopped: 180 behind
      admin.alterConsumerGroupOffsets(GROUP, Map.of(new TopicPartition(TOPIC, 0), new OffsetAndMetadata(70)))
          .all().get(30, TimeUnit.SECONDS);
    }
  }

  @AfterAll
  static void stop() {
    if (kafka != null) {
      kafka.close();
    }
  }

  /** What kafka-consumer-groups would print as LAG: log end minus committed, asked of the broker directly. */
  static long lagKafkaReports() throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      TopicPartition tp = new TopicPartition(TOPIC, 0);
      long committed = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get().get(tp).offset();
      long end = admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp).get().offset();
      return end - committed;
    }
  }

  @Test
  void lagTileShowsWhatKafkaReportsAndCanvasIsColouredUntilClosed() throws Exception {
    long expected = lagKafkaReports();
    assertThat(expected).isEqualTo(180);
    Pipeline shop = Layout.apply(CanvasHealthTest.load());
    Stage main = FxToolkit.registerPrimaryStage();
    SimpleObjectProperty<Map<Edge, String>> trialLabels = new SimpleObjectProperty<>(Map.of());
    Edge into = new Edge(TOPIC, "orders-read-model");
    MonitorTarget trial = MonitorTarget.localTrial(kafka.bootstrapServers(), null);
    Object[] made = WaitForAsyncUtils.asyncFx(() -> {
      PipelineCanvas canvas = new PipelineCanvas(new EditorDocument(shop), new EditorState());
      main.setScene(new Scene(new StackPane(canvas), 1200, 560));
      main.show();
      canvas.fitToView();
      MonitorWindow w = new MonitorWindow(main, canvas, () -> shop, () -> Optional.of(trial), trialLabels);
      w.open();
      // the trial panel labels its edges with rates while the monitor adds lag
      trialLabels.set(Map.of(into, "12.0/s"));
      return new Object[] {canvas, w};
    }).get(60, TimeUnit.SECONDS);
    PipelineCanvas canvas = (PipelineCanvas) made[0];
    MonitorWindow window = (MonitorWindow) made[1];

    WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> headline(window, "#tile-" + GROUP).contains(expected + " msgs"));
    // a few polls, so the charts draw lines and the time lag has a pace to interpolate from
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
      dev.pipewright.app.chart.TimeSeriesChart chart =
          (dev.pipewright.app.chart.TimeSeriesChart) window.stage().getScene().lookup("#chart-consumer-lag-messages");
      return chart != null && chart.data().names().contains(GROUP) && chart.data().size() >= 4;
    }).get());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(headline(window, "#tile-" + GROUP)).contains(expected + " msgs");
    assertThat(headline(window, "#tile-Kafka")).contains(expected + " behind");
    // the sink's group is watched, the trial has no Connect: the capture is left uncoloured
    assertThat(window.health()).containsKey("orders-read-model").doesNotContainKey("shop-cdc");
    assertThat(window.health()).doesNotContainKey("unwrap-customers");
    assertThat(window.health().get(TOPIC)).isIn(Health.Level.GREEN, Health.Level.AMBER, Health.Level.RED);
    // the edge into the sink takes its group's colour; the capture's edges, with no Connect to ask, stay grey
    assertThat(window.edgeHealth()).containsKey(into).doesNotContainKey(new Edge("shop-cdc", TOPIC));

    write(WaitForAsyncUtils.asyncFx(() -> window.stage().getScene().getRoot().snapshot(null, null)).get(30, TimeUnit.SECONDS),
        Path.of("target", "screenshots", "monitor-in-window.png"));
    write(WaitForAsyncUtils.asyncFx(() -> main.getScene().getRoot().snapshot(null, null)).get(30, TimeUnit.SECONDS),
        Path.of("target", "screenshots", "canvas-health.png"));

    WaitForAsyncUtils.asyncFx(window::close).get(30, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(window.isOpen()).isFalse();
    assertThat(window.health()).isEmpty();
    assertThat(window.edgeHealth()).isEmpty();
    WaitForAsyncUtils.asyncFx(main::hide).get(10, TimeUnit.SECONDS);
  }

  @Test
  void unreachableClusterShowsARedTileWithTheReason() throws Exception {
    Pipeline shop = Layout.apply(CanvasHealthTest.load());
    Stage main = FxToolkit.registerPrimaryStage();
    MonitorWindow window = WaitForAsyncUtils.asyncFx(() -> {
      PipelineCanvas canvas = new PipelineCanvas(new EditorDocument(shop), new EditorState());
      main.setScene(new Scene(new StackPane(canvas), 800, 400));
      main.show();
      MonitorWindow w = new MonitorWindow(main, canvas, () -> shop,
          () -> Optional.of(MonitorTarget.localTrial("127.0.0.1:1", null)), new SimpleObjectProperty<>(Map.of()));
      w.open();
      return w;
    }).get(60, TimeUnit.SECONDS);
    // the tile and the canvas's health are set by two separate hand-overs to the JavaFX thread
    WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> {
      Node tile = window.stage().getScene().lookup("#tile-Kafka");
      return tile != null && tile.getStyle().contains(MonitorDashboardView.color(Health.Level.RED))
          && window.health().get("orders-read-model") == Health.Level.RED;
    }).get());
    assertThat(WaitForAsyncUtils.asyncFx(window::health).get()).containsEntry("orders-read-model", Health.Level.RED);
    WaitForAsyncUtils.asyncFx(window::close).get(30, TimeUnit.SECONDS);
    WaitForAsyncUtils.asyncFx(main::hide).get(10, TimeUnit.SECONDS);
  }

  private static String headline(MonitorWindow w, String tileId) throws Exception {
    return WaitForAsyncUtils.asyncFx(() -> {
      Node tile = w.stage().getScene().lookup(tileId);
      if (tile == null) {
        return "";
      }
      StringBuilder sb = new StringBuilder();
      tile.lookupAll(".label").forEach(n -> sb.append(((Label) n).getText()).append('\n'));
      return sb.toString();
    }).get(30, TimeUnit.SECONDS);
  }

  private static void write(WritableImage img, Path file) throws Exception {
    BufferedImage out = new BufferedImage((int) img.getWidth(), (int) img.getHeight(), BufferedImage.TYPE_INT_ARGB);
    PixelReader r = img.getPixelReader();
    for (int y = 0; y < out.getHeight(); y++) {
      for (int x = 0; x < out.getWidth(); x++) {
        out.setRGB(x, y, r.getArgb(x, y));
      }
    }
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    ImageIO.write(out, "png", tmp.toFile());
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
