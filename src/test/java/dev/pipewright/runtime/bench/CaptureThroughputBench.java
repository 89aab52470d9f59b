package dev.pipewright.runtime.bench;

import dev.pipewright.model.Pipeline;
import dev.pipewright.runtime.LocalOverrides;
import dev.pipewright.runtime.capture.CaptureRunner;
import dev.pipewright.runtime.capture.CaptureTuning;
import dev.pipewright.runtime.capture.TopicGate;
import dev.pipewright.runtime.kafka.EmbeddedKafka;
import dev.pipewright.runtime.pg.EmbeddedPostgres;
import dev.pipewright.runtime.stats.TrialStats;
import io.debezium.embedded.Connect;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.debezium.engine.format.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.Converter;

/**
 * Throughput to Kafka, side by side in one run on one embedded broker and one embedded
 * PostgreSQL: Kafka's own producer perf tool, Debezium's embedded engine with stock settings
 * handing JSON to a producer, the bare engine into a no-op handler, and the trial's capture path
 * (CaptureRunner: acks=all, idempotent, flush before offsets move). Each Debezium variant streams
 * a burst of N inserted rows (~300 bytes each) from its own slot. Run with bench/runtime/run.sh.
 */
public final class CaptureThroughputBench {
  private static final String PAYLOAD = "x".repeat(240);

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
    Path dir = Files.createTempDirectory("pipewright-bench");
    try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(dir.resolve("kafka")).build().start();
         EmbeddedPostgres pg = EmbeddedPostgres.builder().dataDir(dir.resolve("pg")).build().start()) {
      pg.createDatabaseIfMissing("bench");
      try (Connection c = pg.connect("bench"); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS public.items (id bigserial PRIMARY KEY, name text, payload text, "
            + "price numeric(10,2), updated_at timestamptz DEFAULT now())");
      }
      String bs = kafka.bootstrapServers();
      System.out.printf(Locale.ROOT, "N=%d rows per Debezium variant, %d records for the producer tool%n", n, n * 4);
      String only = args.length > 1 ? args[1] : "abcd";
      double perf = only.contains("a") ? producerPerf(bs, n * 4) : 0;
      // Two rounds in opposite orders: a variant run later finds Debezium's reader already compiled
      // by the JIT, so one order alone would favour the last variant. Each figure is the mean.
      double[] stock = new double[2];
      double[] noop = new double[2];
      double[] trial = new double[2];
      for (int round = 0; round < 2; round++) {
        String sfx = round == 0 ? "" : "2";
        for (char v : (round == 0 ? "bcd" : "dcb").toCharArray()) {
          if (only.indexOf(v) < 0) {
            continue;
          }
          switch (v) {
            case 'b' -> stock[round] = engineStockJsonToKafka(pg, bs, n, "stock" + sfx);
            case 'c' -> noop[round] = engineNoop(pg, n, "noop" + sfx);
            default -> trial[round] = trialCapture(pg, bs, n, "trial" + sfx);
          }
        }
      }
      System.out.println();
      System.out.println("| path | records/s |");
      System.out.println("|---|---|");
      System.out.printf(Locale.ROOT, "| (a) Kafka ProducerPerformance, 300 B, acks=all, same JVM | %.0f |%n", perf);
      System.out.printf(Locale.ROOT, "| (b) Debezium engine, stock settings, JSON -> KafkaProducer | %s |%n", rounds(stock));
      System.out.printf(Locale.ROOT, "| (c) Debezium engine, stock settings, no-op handler | %s |%n", rounds(noop));
      System.out.printf(Locale.ROOT, "| (d) trial capture (CaptureRunner + CaptureTuning, JSON+schemas, acks=all, idempotent) | %s |%n", rounds(trial));
      double b = mean(stock);
      if (b > 0) {
        System.out.printf(Locale.ROOT, "ratios to (b): (a) %.2f  (c) %.2f  (d) %.2f; (d) to (a) %.2f, (d) to (c) %.2f%n",
            perf / b, mean(noop) / b, mean(trial) / b, perf == 0 ? 0 : mean(trial) / perf,
            mean(noop) == 0 ? 0 : mean(trial) / mean(noop));
      }
      Runtime rt = Runtime.getRuntime();
      System.out.printf(Locale.ROOT, "JVM heap used %d MB, RSS %s MB (Kafka + engines in this JVM; PostgreSQL is separate)%n",
          (rt.totalMemory() - rt.freeMemory()) >> 20, rssMb());
    }
  }

  private static double mean(double[] rounds) {
    return (rounds[0] + rounds[1]) / 2;
  }

  private static String rounds(double[] r) {
    return String.format(Locale.ROOT, "%.0f (rounds %.0f, %.0f)", mean(r), r[0], r[1]);
  }

  static double producerPerf(String bootstrap, int records) throws Exception {
    PrintStream old = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      org.apache.kafka.tools.ProducerPerformance.main(new String[] {"--topic", "perf", "--num-records",
          Integer.toString(records), "--record-size", "300", "--throughput", "-1", "--producer-props",
          "bootstrap.servers=" + bootstrap, "acks=all", "enable.idempotence=true"});
    } finally {
      System.setOut(old);
    }
    String out = buf.toString(StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("([0-9.]+) records/sec").matcher(out);
    double last = 0;
    while (m.find()) {
      last = Double.parseDouble(m.group(1));
    }
    System.out.printf(Locale.ROOT, "(a) producer perf: %.0f records/s%n", last);
    return last;
  }

  private static Properties engineProps(EmbeddedPostgres pg, String variant) {
    Properties p = new Properties();
    p.put("name", variant);
    p.put("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
    p.put("offset.storage", "org.apache.kafka.connect.storage.MemoryOffsetBackingStore");
    p.put("database.hostname", "localhost");
    p.put("database.port", Integer.toString(pg.port()));
    p.put("database.user", "postgres");
    p.put("database.password", "trust");
    p.put("database.dbname", "bench");
    p.put("topic.prefix", variant);
    p.put("table.include.list", "public.items");
    p.put("plugin.name", "pgoutput");
    p.put("slot.name", variant);
    p.put("publication.name", variant + "_pub");
    p.put("publication.autocreate.mode", "filtered");
    p.put("snapshot.mode", "no_data");
    return p;
  }

  static double engineStockJsonToKafka(EmbeddedPostgres pg, String bootstrap, int n, String name) throws Exception {
    AtomicLong acked = new AtomicLong();
    try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
      DebeziumEngine<ChangeEvent<String, String>> engine = DebeziumEngine.create(Json.class)
          .using(engineProps(pg, name))
          .notifying(e -> {
            if (e.value() != null) {
              producer.send(new ProducerRecord<>(e.destination(), bytes(e.key()), bytes(e.value())),
                  (md, ex) -> acked.incrementAndGet());
            }
          }).build();
      return measure("(b) stock engine -> Kafka", engine, pg, name, n, acked);
    }
  }

  static double engineNoop(EmbeddedPostgres pg, int n, String name) throws Exception {
    AtomicLong seen = new AtomicLong();
    DebeziumEngine<RecordChangeEvent<SourceRecord>> engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
        .using(engineProps(pg, name))
        .notifying((batch, committer) -> {
          seen.addAndGet(batch.size());
          for (RecordChangeEvent<SourceRecord> r : batch) {
            committer.markProcessed(r);
          }
          committer.markBatchFinished();
        }).build();
    return measure("(c) bare engine, no-op handler", engine, pg, name, n, seen);
  }

  static double trialCapture(EmbeddedPostgres pg, String bootstrap, int n, String name) throws Exception {
    Properties p = engineProps(pg, name);
    // the trial's own engine-only settings, producer and converters (examples/local-trial.yaml: JSON with schemas)
    p.putAll(LocalOverrides.engineTuning());
    String json = JsonConverter.class.getName();
    Converter k = CaptureTuning.converter(json, Map.of("schemas.enable", "true"), true);
    Converter v = CaptureTuning.converter(json, Map.of("schemas.enable", "true"), false);
    Properties pp = CaptureTuning.producer(bootstrap);
    TrialStats stats = new TrialStats(Pipeline.empty("bench"), Clock.systemUTC(), Instant.now(), (a, b) -> { });
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(pp, new ByteArraySerializer(),
        new ByteArraySerializer()); CaptureRunner runner = new CaptureRunner(name, name, p, producer, k, v, stats,
        TopicGate.OPEN)) {
      runner.start();
      waitStreaming(name);
      long t0 = System.nanoTime();
      insert(pg, n);
      // the trial's runner counts acknowledged events on the edges; here read the producer's own metric
      while (producerRecords(producer) < n) {
        Thread.sleep(5);
      }
      double rate = n / ((System.nanoTime() - t0) / 1e9);
      System.out.printf(Locale.ROOT, "(d) trial capture: %.0f records/s%n", rate);
      return rate;
    }
  }

  private static double producerRecords(KafkaProducer<byte[], byte[]> p) {
    return p.metrics().entrySet().stream()
        .filter(e -> e.getKey().name().equals("record-send-total") && e.getKey().group().equals("producer-metrics"))
        .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).sum();
  }

  private static <R> double measure(String label, DebeziumEngine<R> engine, EmbeddedPostgres pg, String variant, int n,
      AtomicLong counter) throws Exception {
    ExecutorService ex = Executors.newSingleThreadExecutor();
    try {
      ex.execute(engine);
      waitStreaming(variant);
      long t0 = System.nanoTime();
      insert(pg, n);
      while (counter.get() < n) {
        Thread.sleep(5);
      }
      double rate = n / ((System.nanoTime() - t0) / 1e9);
      System.out.printf(Locale.ROOT, "%s: %.0f records/s%n", label, rate);
      return rate;
    } finally {
      engine.close();
      ex.shutdown();
    }
  }

  private static void insert(EmbeddedPostgres pg, int n) throws Exception {
    try (Connection c = pg.connect("bench"); Statement s = c.createStatement()) {
      for (int done = 0; done < n; done += 5_000) {
        int k = Math.min(5_000, n - done);
        s.executeUpdate("INSERT INTO public.items (name, payload, price) SELECT 'item ' || g, '" + PAYLOAD
            + "', (g % 1000) / 10.0 FROM generate_series(1, " + k + ") g");
      }
    }
  }

  private static void waitStreaming(String server) throws Exception {
    MBeanServer mbs = ManagementFactory.getPlatformMBeanServer();
    ObjectName pattern = new ObjectName("debezium.*:type=connector-metrics,context=streaming,server=" + server + ",*");
    while (true) {
      for (ObjectName on : mbs.queryNames(pattern, null)) {
        if (Boolean.TRUE.equals(mbs.getAttribute(on, "Connected"))) {
          return;
        }
      }
      Thread.sleep(20);
    }
  }

  private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
    return new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "acks", "all", "enable.idempotence", "true"),
        new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static byte[] bytes(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  static String rssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.toString(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
        }
      }
    } catch (Exception ignored) {
      // not Linux
    }
    return "?";
  }

  private CaptureThroughputBench() {}
}
