package dev.pipewright.monitor.bench;

import dev.pipewright.monitor.MutableClock;
import dev.pipewright.monitor.kafka.KafkaLagCollector;
import dev.pipewright.monitor.kafka.KafkaLagReport;
import dev.pipewright.runtime.kafka.EmbeddedKafka;
import dev.pipewright.runtime.kafka.Topics;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * One lag poll of many group-partitions against a real embedded broker, side by side with Kafka's
 * consumer-groups tool describing the same groups, over loopback and over a latency-injecting
 * proxy (a same-region network); requests are counted at the broker (its own RequestMetrics, same
 * JVM), so both sides are counted the same way. Then a long poll loop with heap after GC and its
 * slope, to show memory stays flat. See bench/monitor/README.md.
 *
 * <p>Arguments: {@code topics partitionsPerTopic groupsSmall groupsLarge loopPolls [dataDir]},
 * default {@code 20 500 20 100 300}: 20 groups x 500 partitions = 10,000 group-partitions, and 100
 * groups (5 per topic) = 50,000. System properties: {@code bench.rounds} (5), {@code
 * bench.oneWayMs} (1; 0 skips the proxied run), {@code bench.loopOnly} (false).
 */
public final class LagPollBench {
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
  /** Classes of another commit's collector (e.g. a build of the commit before a change), polled in the same rounds. */
  private static final String BASELINE = System.getProperty("bench.baseline");
  private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private LagPollBench() {}

  static double median(double[] xs) {
    double[] c = xs.clone();
    java.util.Arrays.sort(c);
    return c[c.length / 2];
  }

  static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  public static void main(String[] args) throws Exception {
    int topics = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int partitions = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    int groupsSmall = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    int groupsLarge = args.length > 3 ? Integer.parseInt(args[3]) : 100;
    int loopPolls = args.length > 4 ? Integer.parseInt(args[4]) : 300;
    // a data directory from an earlier run (marked ready) skips the set-up, which takes minutes
    Path dir = args.length > 5 ? Path.of(args[5]) : Files.createTempDirectory("lag-bench");
    int oneWayMs = Integer.getInteger("bench.oneWayMs", 1);
    boolean loopOnly = Boolean.getBoolean("bench.loopOnly");
    boolean ready = Files.exists(dir.resolve(".bench-ready"));
    // two listeners: PLAINTEXT straight on loopback, DELAYED advertised at the proxy's port, so
    // every connection a client bootstrapped through the proxy makes goes through it too
    int brokerPort = freePort();
    int delayedPort = freePort();
    int controllerPort = freePort();
    int proxyPort = freePort();
    try (LatencyProxy proxy = new LatencyProxy(proxyPort, new InetSocketAddress(InetAddress.getLoopbackAddress(),
        delayedPort), Duration.ofMillis(oneWayMs));
        EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(dir).port(brokerPort)
            // 10,000 partitions on one broker: keep each index small so the mmaps stay few and cheap
            .brokerConfig("log.index.size.max.bytes", "65536")
            .brokerConfig("log.segment.bytes", String.valueOf(1 << 20))
            .brokerConfig("controller.quorum.voters", "1@127.0.0.1:" + controllerPort)
            .brokerConfig("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",DELAYED://127.0.0.1:" + delayedPort
                + ",CONTROLLER://127.0.0.1:" + controllerPort)
            .brokerConfig("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort
                + ",DELAYED://127.0.0.1:" + proxyPort)
            .brokerConfig("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,DELAYED:PLAINTEXT,CONTROLLER:PLAINTEXT")
            .build().start()) {
      String bootstrap = kafka.bootstrapServers();
      if (!ready) {
        long t0 = System.nanoTime();
        setUp(bootstrap, topics, partitions, groupsLarge);
        Files.writeString(dir.resolve(".bench-ready"), "");
        System.out.printf(Locale.ROOT, "set-up: %d topics x %d partitions, %d groups committed in %.1f s%n",
            topics, partitions, groupsLarge, (System.nanoTime() - t0) / 1e9);
      }
      awaitGroups(bootstrap, groupNames(groupsLarge), partitions);
      if (!loopOnly) {
        List<Case> cases = new ArrayList<>();
        for (int groups : new int[] {groupsSmall, groupsLarge}) {
          cases.add(new Case("loopback", bootstrap, groupNames(groups)));
          if (oneWayMs > 0) {
            cases.add(new Case("proxy " + 2 * oneWayMs + " ms RTT", "127.0.0.1:" + proxy.port(), groupNames(groups)));
          }
        }
        try {
          // rounds outside, cases inside: the broker's background work and the other tenants'
          // load then fall on every case alike instead of on whichever ran first
          for (int round = 0; round < ROUNDS; round++) {
            for (Case c : cases) {
              c.round(round);
            }
          }
          cases.forEach(Case::print);
        } finally {
          for (Case c : cases) {
            c.close();
          }
        }
      }
      if (loopPolls > 0) {
        loop(bootstrap, groupNames(groupsSmall), loopPolls);
      }
    }
  }

  /**
   * Waits until every group's offsets and log ends are served: a restarted broker with 10,000
   * partitions answers describeCluster long before it has loaded them all.
   */
  static void awaitGroups(String bootstrap, List<String> names, int partitions) throws InterruptedException {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    long t0 = System.nanoTime();
    try (KafkaLagCollector c = KafkaLagCollector.create(p, Clock.systemUTC())) {
      while (true) {
        KafkaLagReport r = c.poll(names);
        long served = r.groups().stream().mapToLong(g -> g.partitions().size()).sum();
        if (served == (long) names.size() * partitions) {
          System.out.printf(Locale.ROOT, "broker serves all %d group-partitions after %.1f s, load %.1f%n", served,
              (System.nanoTime() - t0) / 1e9, load());
          return;
        }
        if (System.nanoTime() - t0 > 600_000_000_000L) {
          throw new IllegalStateException("broker not ready after 10 minutes: " + r.health() + ", " + served + " served");
        }
        Thread.sleep(1000);
      }
    }
  }

  /**
   * One network and one set of groups: the collector and the tool, each with a client kept across
   * rounds (a monitor's steady state) and with a client created for the run (what a user waits
   * for when running either once), plus the collector's two Admin calls alone, one after the other.
   */
  static final class Case implements AutoCloseable {
    final String network;
    final String bootstrap;
    final List<String> names;
    final Properties props = new Properties();
    final KafkaLagCollector collector;
    /** The same collector as built from another commit's classes (bench.baseline), or null. */
    final Baseline baseline;
    final double[] baselineKept = new double[ROUNDS];
    final double[] baselineCpu = new double[ROUNDS];
    final ToolService tool;
    final Admin admin;
    final Map<String, ListConsumerGroupOffsetsSpec> specs = new LinkedHashMap<>();
    final Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    final double[] oursKept = new double[ROUNDS];
    final double[] oursCreated = new double[ROUNDS];
    final double[] toolKept = new double[ROUNDS];
    final double[] toolCreated = new double[ROUNDS];
    final double[] fetchOnly = new double[ROUNDS];
    final double[] endsOnly = new double[ROUNDS];
    final double[] consumerEndsOnly = new double[ROUNDS];
    final long[] endsRequests = new long[ROUNDS];
    final long[] consumerEndsRequests = new long[ROUNDS];
    final double[] bothAdmin = new double[ROUNDS];
    final double[] bothMixed = new double[ROUNDS];
    final double[] bothTwoAdmins = new double[ROUNDS];
    final Admin secondAdmin;
    final KafkaConsumer<byte[], byte[]> consumer;
    final long[] ourRequests = new long[ROUNDS];
    final long[] toolRequests = new long[ROUNDS];
    final double[] loads = new double[ROUNDS];
    final double[] oursCpu = new double[ROUNDS];
    final double[] toolCpu = new double[ROUNDS];
    long toolRows;
    long clientMetric;
    int groupPartitions;

    Case(String network, String bootstrap, List<String> names) throws Exception {
      this.network = network;
      this.bootstrap = bootstrap;
      this.names = names;
      props.put("bootstrap.servers", bootstrap);
      collector = KafkaLagCollector.create(props, Clock.systemUTC());
      tool = new ToolService(bootstrap, names);
      admin = Admin.create(props);
      secondAdmin = Admin.create(props);
      baseline = BASELINE == null ? null : new Baseline(BASELINE, props);
      collector.poll(names); // warm-up: JIT, metadata, connections
      if (baseline != null) {
        baseline.poll(names);
        baseline.poll(names);
      }
      collector.poll(names);
      tool.describe();
      names.forEach(g -> specs.put(g, new ListConsumerGroupOffsetsSpec()));
      admin.listConsumerGroupOffsets(specs).all().get().values()
          .forEach(m -> m.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest())));
      admin.listOffsets(latest).all().get();
      consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap), new ByteArrayDeserializer(),
          new ByteArrayDeserializer());
      consumer.endOffsets(latest.keySet());
      secondAdmin.listOffsets(latest).all().get();
    }

    void round(int round) throws Exception {
      loads[round] = load();
      // start each case on a collected heap: otherwise the first case of a round pays for the
      // garbage of the last one (the tool's 50,000-row tables) with a GC pause inside its timing
      System.gc();
      if (baseline != null && round % 2 == 1) {
        baselineRound(round); // before ours in odd rounds, after in even ones: neither always goes first
        System.gc();
      }
      long brokerBefore = brokerRequests();
      long cpu = THREADS.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      KafkaLagReport r = collector.poll(names);
      oursKept[round] = (System.nanoTime() - start) / 1e6;
      oursCpu[round] = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6;
      ourRequests[round] = brokerRequests() - brokerBefore;
      clientMetric = r.requests();
      groupPartitions = r.groups().stream().mapToInt(g -> g.partitions().size()).sum();
      if (baseline != null && round % 2 == 0) {
        baselineRound(round);
        System.gc();
      }
      brokerBefore = brokerRequests();
      cpu = THREADS.getCurrentThreadCpuTime();
      start = System.nanoTime();
      String printed = tool.describe();
      toolKept[round] = (System.nanoTime() - start) / 1e6;
      toolCpu[round] = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6;
      toolRequests[round] = brokerRequests() - brokerBefore;
      toolRows = ToolService.rows(printed, "bench-group-");
      start = System.nanoTime();
      try (KafkaLagCollector once = KafkaLagCollector.create(props, Clock.systemUTC())) {
        once.poll(names);
      }
      oursCreated[round] = (System.nanoTime() - start) / 1e6;
      start = System.nanoTime();
      try (ToolService once = new ToolService(bootstrap, names)) {
        once.describe();
      }
      toolCreated[round] = (System.nanoTime() - start) / 1e6;
      start = System.nanoTime();
      admin.listConsumerGroupOffsets(specs).all().get();
      fetchOnly[round] = (System.nanoTime() - start) / 1e6;
      brokerBefore = brokerRequests();
      start = System.nanoTime();
      admin.listOffsets(latest).all().get();
      endsOnly[round] = (System.nanoTime() - start) / 1e6;
      endsRequests[round] = brokerRequests() - brokerBefore;
      // the same log ends through a consumer's offset fetcher: one map, no future per partition
      brokerBefore = brokerRequests();
      start = System.nanoTime();
      consumer.endOffsets(latest.keySet());
      consumerEndsOnly[round] = (System.nanoTime() - start) / 1e6;
      consumerEndsRequests[round] = brokerRequests() - brokerBefore;
      // both calls at once, as a poll sends them (0111): on one Admin connection the broker answers
      // them one after the other; the consumer's own connection lets it work on both at once
      start = System.nanoTime();
      var offsets = admin.listConsumerGroupOffsets(specs).all();
      var ends = admin.listOffsets(latest).all();
      offsets.get();
      ends.get();
      bothAdmin[round] = (System.nanoTime() - start) / 1e6;
      start = System.nanoTime();
      offsets = admin.listConsumerGroupOffsets(specs).all();
      consumer.endOffsets(latest.keySet());
      offsets.get();
      bothMixed[round] = (System.nanoTime() - start) / 1e6;
      start = System.nanoTime();
      offsets = admin.listConsumerGroupOffsets(specs).all();
      ends = secondAdmin.listOffsets(latest).all();
      offsets.get();
      ends.get();
      bothTwoAdmins[round] = (System.nanoTime() - start) / 1e6;
    }

    void baselineRound(int round) throws Exception {
      System.gc();
      long cpu0 = THREADS.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      baseline.poll(names);
      baselineKept[round] = (System.nanoTime() - t0) / 1e6;
      baselineCpu[round] = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6;
    }

    void print() {
      System.out.printf(Locale.ROOT, "[%s] %d groups, %d group-partitions, median of %d, load %.1f-%.1f%n",
          network, names.size(), groupPartitions, ROUNDS, Arrays.stream(loads).min().orElse(0),
          Arrays.stream(loads).max().orElse(0));
      System.out.printf(Locale.ROOT,
          "  client kept:     collector %6.0f ms (%.0f-%.0f), %s broker requests (client metric %d) | "
              + "tool describe %6.0f ms (%.0f-%.0f), %s broker requests, %d rows | %.1fx%n",
          median(oursKept), min(oursKept), max(oursKept), range(ourRequests), clientMetric,
          median(toolKept), min(toolKept), max(toolKept), range(toolRequests), toolRows,
          median(toolKept) / median(oursKept));
      if (baseline != null) {
        System.out.printf(Locale.ROOT, "  baseline collector (%s), client kept, same rounds: %6.0f ms (%.0f-%.0f), CPU %.0f ms | "
                + "this one %.2fx faster%n", BASELINE, median(baselineKept), min(baselineKept), max(baselineKept),
            median(baselineCpu), median(baselineKept) / median(oursKept));
      }
      System.out.printf(Locale.ROOT, "  client created:  collector %6.0f ms (%.0f-%.0f) | tool %6.0f ms (%.0f-%.0f) | %.1fx%n",
          median(oursCreated), min(oursCreated), max(oursCreated), median(toolCreated), min(toolCreated),
          max(toolCreated), median(toolCreated) / median(oursCreated));
      System.out.printf(Locale.ROOT, "  CPU of the calling thread (client kept): collector %.0f ms | tool %.0f ms%n",
          median(oursCpu), median(toolCpu));
      System.out.printf(Locale.ROOT, "  Admin calls alone, one after the other: offset fetch %.0f ms + list offsets %.0f ms%n",
          median(fetchOnly), median(endsOnly));
      System.out.printf(Locale.ROOT, "  log ends alone: Admin listOffsets %.0f ms (%.0f-%.0f), %s broker requests | "
              + "consumer endOffsets %.0f ms (%.0f-%.0f), %s broker requests%n",
          median(endsOnly), min(endsOnly), max(endsOnly), range(endsRequests), median(consumerEndsOnly),
          min(consumerEndsOnly), max(consumerEndsOnly), range(consumerEndsRequests));
      System.out.printf(Locale.ROOT, "  offset fetch and log ends at once: both on one Admin %.0f ms (%.0f-%.0f) | "
              + "log ends on a consumer %.0f ms (%.0f-%.0f) | on a second Admin %.0f ms (%.0f-%.0f)%n",
          median(bothAdmin), min(bothAdmin), max(bothAdmin), median(bothMixed), min(bothMixed), max(bothMixed),
          median(bothTwoAdmins), min(bothTwoAdmins), max(bothTwoAdmins));
    }

    static double min(double[] xs) {
      return Arrays.stream(xs).min().orElse(0);
    }

    static double max(double[] xs) {
      return Arrays.stream(xs).max().orElse(0);
    }

    static String range(long[] xs) {
      long lo = Arrays.stream(xs).min().orElse(0);
      long hi = Arrays.stream(xs).max().orElse(0);
      return lo == hi ? String.valueOf(lo) : lo + "-" + hi;
    }

    @Override
    public void close() throws Exception {
      collector.close();
      if (baseline != null) {
        baseline.close();
      }
      tool.close();
      admin.close();
      consumer.close();
      secondAdmin.close();
    }
  }

  /** Polls {@code polls} times, 2 s apart on a simulated clock, printing heap after GC and its slope. */
  static void loop(String bootstrap, List<String> names, int polls) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    int every = Math.max(1, polls / 12);
    List<double[]> samples = new ArrayList<>();
    double loadBefore = load();
    try (KafkaLagCollector c = KafkaLagCollector.create(p, clock)) {
      var mem = ManagementFactory.getMemoryMXBean();
      long pollNanos = 0;
      PollAnatomy afterFirst = null;
      for (int i = 1; i <= polls; i++) {
        if (i == 2) {
          afterFirst = PollAnatomy.now(); // the first poll builds the tables and asks for every log end twice
        }
        clock.advance(Duration.ofSeconds(2));
        long start = System.nanoTime();
        KafkaLagReport r = c.poll(names);
        pollNanos += System.nanoTime() - start;
        if (r.health().level() == dev.pipewright.monitor.Health.Level.RED) {
          throw new IllegalStateException("poll " + i + ": " + r.health());
        }
        if (i == 1 || i % every == 0) {
          System.gc();
          double mb = mem.getHeapMemoryUsage().getUsed() / 1048576.0;
          samples.add(new double[] {i, mb});
          System.out.printf(Locale.ROOT, "loop poll %5d: heap used after GC %.1f MB%n", i, mb);
        }
      }
      double seconds = pollNanos / 1e9;
      if (afterFirst != null) {
        PollAnatomy.now().printSince(afterFirst, polls - 1);
      }
      System.out.printf(Locale.ROOT,
          "loop: %d polls of %d groups (%.0f simulated minutes), polling took %.1f s, %.0f ms per poll, load %.1f-%.1f%n",
          polls, names.size(), polls * 2 / 60.0, seconds, seconds * 1000 / polls, loadBefore, load());
      // least-squares slope over the samples after the first (the first poll fills the tables)
      List<double[]> s = samples.subList(Math.min(1, samples.size() - 1), samples.size());
      double mx = s.stream().mapToDouble(x -> x[0]).average().orElse(0);
      double my = s.stream().mapToDouble(x -> x[1]).average().orElse(0);
      double num = s.stream().mapToDouble(x -> (x[0] - mx) * (x[1] - my)).sum();
      double den = s.stream().mapToDouble(x -> (x[0] - mx) * (x[0] - mx)).sum();
      double perPoll = den == 0 ? 0 : num / den;
      System.out.printf(Locale.ROOT, "loop: heap slope %.4f MB per 1,000 polls = %.3f MB per simulated hour (1,800 polls)%n",
          perPoll * 1000, perPoll * 1800);
    }
  }

  /**
   * A collector from another build's classes ({@code bench.baseline}: a directory holding at least
   * the classes of {@code dev.pipewright.monitor.kafka} and {@code dev.pipewright.monitor.lag}),
   * loaded child-first beside this one, so before and after are timed in the same rounds under the
   * same load. Everything else (Kafka, the report types) comes from this build.
   */
  static final class Baseline implements AutoCloseable {
    private final Object collector;
    private final java.lang.reflect.Method poll;

    Baseline(String classes, Properties props) throws Exception {
      Path dir = Path.of(classes);
      ClassLoader parent = LagPollBench.class.getClassLoader();
      ClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, parent) {
        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
          synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null && Files.exists(dir.resolve(name.replace('.', '/') + ".class"))
                && (name.startsWith("dev.pipewright.monitor.kafka.") || name.startsWith("dev.pipewright.monitor.lag."))) {
              c = findClass(name);
            }
            return c != null ? c : super.loadClass(name, resolve);
          }
        }
      };
      Class<?> type = loader.loadClass("dev.pipewright.monitor.kafka.KafkaLagCollector");
      collector = type.getMethod("create", Properties.class, Clock.class).invoke(null, props, Clock.systemUTC());
      poll = type.getMethod("poll", java.util.Collection.class);
    }

    void poll(List<String> names) throws Exception {
      poll.invoke(collector, names);
    }

    @Override
    public void close() throws Exception {
      ((AutoCloseable) collector).close();
    }
  }

  static List<String> groupNames(int n) {
    List<String> names = new ArrayList<>();
    for (int g = 0; g < n; g++) {
      names.add("bench-group-" + g);
    }
    return names;
  }

  /** Topics with a few records per partition; group g reads topic g % topics and commits mid-way. */
  static void setUp(String bootstrap, int topics, int partitions, int groups) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      // one topic per call: KRaft refuses a single batch of more than 10,000 partition records
      for (int t = 0; t < topics; t++) {
        Topics.create(admin, new NewTopic("bench-" + t, partitions, (short) 1));
      }
    }
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap,
        "linger.ms", "20", "batch.size", "65536"), new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int t = 0; t < topics; t++) {
        for (int part = 0; part < partitions; part++) {
          for (int i = 0; i < 4; i++) {
            producer.send(new ProducerRecord<>("bench-" + t, part, null, new byte[16]));
          }
        }
      }
      producer.flush();
    }
    for (int g = 0; g < groups; g++) {
      try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
          "group.id", "bench-group-" + g, "enable.auto.commit", "false"),
          new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (int part = 0; part < partitions; part++) {
          offsets.put(new TopicPartition("bench-" + (g % topics), part), new OffsetAndMetadata((part + g) % 5));
        }
        c.commitSync(offsets);
      }
    }
  }

  /** All requests the in-JVM broker has received, from its RequestMetrics. */
  static long brokerRequests() throws Exception {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    long total = 0;
    for (ObjectName n : server.queryNames(new ObjectName("kafka.network:type=RequestMetrics,name=RequestsPerSec,*"), null)) {
      total += ((Number) server.getAttribute(n, "Count")).longValue();
    }
    return total;
  }
}
