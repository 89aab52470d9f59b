package dev.pipewright.runtime;

import dev.pipewright.model.Category;
import dev.pipewright.model.Cluster;
import dev.pipewright.model.Converter;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.SecretRef;
import dev.pipewright.model.connect.ConnectorConfig;
import dev.pipewright.model.connect.ConnectorConfigs;
import dev.pipewright.model.connect.KafkaClientSecurity;
import dev.pipewright.model.connect.TopicSpec;
import dev.pipewright.runtime.LocalOverrides.EmbeddedSource;
import dev.pipewright.runtime.capture.CaptureRunner;
import dev.pipewright.runtime.capture.CaptureTuning;
import dev.pipewright.runtime.kafka.EmbeddedKafka;
import dev.pipewright.runtime.kafka.TopicLeaders;
import dev.pipewright.runtime.kafka.KafkaPreflight;
import dev.pipewright.runtime.pg.DemoSchema;
import dev.pipewright.runtime.pg.EmbeddedPostgres;
import dev.pipewright.runtime.pg.SourcePreflight;
import dev.pipewright.runtime.sink.SinkRunner;
import dev.pipewright.runtime.sink.TransformChain;
import dev.pipewright.runtime.stats.LatencySummary;
import dev.pipewright.runtime.stats.TrialStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local trial of one pipeline: embedded PostgreSQL (for sources marked {@code embedded}) and
 * embedded Kafka (unless the cluster names bootstrap servers) start in parallel, the sources are
 * checked, each capture runs Debezium's embedded engine into Kafka and each sink is fed from its
 * topics, with counters on every edge. {@link #start()} returns once changes stream;
 * {@link #close()} stops everything in order and leaves nothing running. All state lives in the
 * work directory, so a trial stopped (or killed) and started again resumes where it was.
 */
public final class Trial implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Trial.class);

  private final Pipeline pipeline;
  private final Path workDir;
  private final Clock clock;
  private final TrialListener listener;
  private final Map<TrialPhase, Duration> phaseTimes = new LinkedHashMap<>();
  private final Map<String, EmbeddedPostgres> postgres = new LinkedHashMap<>();
  private final Map<String, EmbeddedSource> embeddedSources = new HashMap<>();
  private final List<CaptureRunner> captures = new ArrayList<>();
  private final List<SinkRunner> sinks = new ArrayList<>();
  /** Topics whose leaders have answered: the ones created at start, then those the captures met. */
  private final Set<String> readyTopics = ConcurrentHashMap.newKeySet();
  private EmbeddedKafka kafka;
  private String bootstrap;
  /** Security settings of every Kafka client the trial opens (empty for the embedded broker). */
  private Map<String, String> kafkaClient = Map.of();
  private KafkaProducer<byte[], byte[]> producer;
  private TrialStats stats;
  /** The longest the snapshot phase waits for sinks to apply what the snapshot put on the topics. */
  static final Duration SNAPSHOT_DRAIN_MAX = Duration.ofSeconds(15);
  private Instant startedAt;
  private volatile TrialPhase phase;
  private volatile String failure;
  private Thread watchdog;
  private boolean resourcesClosed;

  private Trial(Builder b) {
    this.pipeline = b.pipeline;
    this.workDir = b.workDir.toAbsolutePath();
    this.clock = b.clock;
    this.listener = b.listener;
  }

  public static Builder builder() {
    return new Builder();
  }

  // ---- starting ------------------------------------------------------------------------------

  /**
   * Runs the phases up to {@link TrialPhase#STREAMING}. On failure everything started so far is
   * closed again and a {@link TrialException} names the problem(s).
   */
  public synchronized void start() {
    if (phase != null) {
      throw new IllegalStateException("A trial starts once; build a new one to run again");
    }
    startedAt = clock.instant();
    stats = new TrialStats(pipeline, clock, startedAt, listener::firstEventInSink);
    TrialPhase current = TrialPhase.PREFLIGHT;
    try {
      List<Node> captureNodes = pipeline.nodesOf(NodeKind.DEBEZIUM);
      List<String> problems = structuralProblems(captureNodes);
      if (!problems.isEmpty()) {
        enter(TrialPhase.PREFLIGHT);
        throw new TrialException(TrialPhase.PREFLIGHT, problems, null);
      }
      boolean externalKafka = !pipeline.cluster().embedded();
      boolean external = externalKafka
          || captureNodes.stream().map(this::sourceOf).anyMatch(s -> !s.boolProperty("embedded"));
      if (external) {
        // Nothing starts until the servers the trial does not own have passed their checks.
        Instant t = enter(TrialPhase.PREFLIGHT);
        if (externalKafka) {
          checkExternalKafka();
        }
        checkExternalSources(captureNodes);
        done(TrialPhase.PREFLIGHT, t);
      }
      current = TrialPhase.STARTING_KAFKA;
      startServers();
      current = TrialPhase.PREFLIGHT;
      // with external servers the pre-flight phase already ran; the embedded databases it could not
      // see yet are checked now, within the phase only when it has not been shown yet
      Instant preflight = external ? null : enter(TrialPhase.PREFLIGHT);
      checkEmbeddedSources(captureNodes);
      if (preflight != null) {
        done(TrialPhase.PREFLIGHT, preflight);
      }
      current = TrialPhase.SNAPSHOT;
      Instant t = enter(TrialPhase.SNAPSHOT);
      createTopics();
      producer = newProducer();
      startSinksAndCaptures(captureNodes);
      awaitStreaming();
      // Streaming should mean live end to end: let the sinks apply the snapshot first (tables
      // created, first statements prepared), or the first changes wait behind it. Bounded: a
      // slow or failing sink is the watchdog's business once streaming.
      awaitSinksCaughtUp(SNAPSHOT_DRAIN_MAX);
      done(TrialPhase.SNAPSHOT, t);
      current = TrialPhase.STREAMING;
      enter(TrialPhase.STREAMING);
      startWatchdog();
    } catch (TrialException e) {
      fail(e.phase(), e);
      throw e;
    } catch (RuntimeException e) {
      TrialException te = new TrialException(current, describe(e), e);
      fail(current, te);
      throw te;
    }
  }

  private List<String> structuralProblems(List<Node> captureNodes) {
    List<String> problems = new ArrayList<>();
    if (captureNodes.isEmpty()) {
      problems.add("The pipeline has no Debezium capture, so there is nothing to run. Draw a capture after a source.");
    }
    for (Node c : captureNodes) {
      Optional<Node> src = pipeline.upstream(c.name()).stream().filter(n -> n.kind().isSource()).findFirst();
      if (src.isEmpty()) {
        problems.add("Capture '" + c.name() + "' has no source database. Connect a PostgreSQL node to it.");
      } else if (src.get().kind() != NodeKind.POSTGRES) {
        problems.add("Capture '" + c.name() + "' reads " + src.get().kind().label()
            + "; the local trial runs PostgreSQL sources only. Try it against a real Connect cluster instead.");
      }
      ConnectorConfig cc = ConnectorConfigs.forNode(pipeline, c);
      converterClass(cc, "value.converter").ifPresent(problems::add);
      TransformChain.problem(cc.name(), cc.config()).ifPresent(problems::add);
    }
    for (Node s : pipeline.nodesIn(Category.SINK)) {
      ConnectorConfig cc = ConnectorConfigs.forNode(pipeline, s);
      TransformChain.problem(cc.name(), cc.config()).ifPresent(problems::add);
    }
    return problems;
  }

  private Optional<String> converterClass(ConnectorConfig cc, String key) {
    String cls = cc.config().getOrDefault(key, Converter.JSON_SCHEMAS.className());
    try {
      Class.forName(cls);
      return Optional.empty();
    } catch (ClassNotFoundException e) {
      return Optional.of("Connector '" + cc.name() + "' uses " + cls + ", which the local trial does not include. "
          + "Set the pipeline's converter to json or json-schemas for trials.");
    }
  }

  private Node sourceOf(Node capture) {
    return pipeline.upstream(capture.name()).stream().filter(n -> n.kind().isSource()).findFirst().orElseThrow();
  }

  private void checkExternalSources(List<Node> captureNodes) {
    List<String> problems = new ArrayList<>();
    for (Node c : captureNodes) {
      Node src = sourceOf(c);
      if (src.boolProperty("embedded")) {
        continue;
      }
      String where = src.property("host").orElse("localhost") + ":" + src.property("port").orElse("5432") + "/"
          + src.property("database").orElse("");
      String user = src.property("user").orElse("postgres");
      String password;
      try {
        password = resolveSecret(src, "password");
      } catch (TrialException e) {
        problems.addAll(e.problems());
        continue;
      }
      Properties p = new Properties();
      p.put("user", user);
      if (password != null) {
        p.put("password", password);
      }
      p.put("connectTimeout", "5");
      p.put("sslmode", src.property("sslmode").orElse("prefer"));
      try (Connection conn = DriverManager.getConnection("jdbc:postgresql://" + where, p)) {
        problems.addAll(SourcePreflight.check(conn, where, includeList(c), keyedSinks(c)));
      } catch (SQLException e) {
        problems.add("Cannot connect to PostgreSQL at " + where + " as '" + user + "' for capture '" + c.name()
            + "': " + firstLine(e.getMessage()) + ". Check that the server runs and accepts this user from this machine.");
      }
    }
    if (!problems.isEmpty()) {
      throw new TrialException(TrialPhase.PREFLIGHT, problems, null);
    }
  }

  /** The cluster's security settings resolved once, and a login with them, before anything starts. */
  private void checkExternalKafka() {
    Cluster cluster = pipeline.cluster();
    try {
      kafkaClient = Map.copyOf(KafkaClientSecurity.resolved(cluster));
    } catch (IllegalArgumentException e) {
      throw new TrialException(TrialPhase.PREFLIGHT, e.getMessage() + ".", e);
    }
    KafkaPreflight.check(cluster, kafkaClient).ifPresent(problem -> {
      throw new TrialException(TrialPhase.PREFLIGHT, problem, null);
    });
  }

  private void checkEmbeddedSources(List<Node> captureNodes) {
    List<String> problems = new ArrayList<>();
    for (Node c : captureNodes) {
      Node src = sourceOf(c);
      EmbeddedPostgres pg = postgres.get(src.name());
      if (pg == null) {
        continue;
      }
      String db = src.property("database").orElse("postgres");
      try (Connection conn = pg.connect(db)) {
        problems.addAll(SourcePreflight.check(conn, "embedded " + src.name(), includeList(c), keyedSinks(c)));
      } catch (SQLException e) {
        problems.add("The embedded database of '" + src.name() + "' cannot be read: " + firstLine(e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new TrialException(TrialPhase.PREFLIGHT, problems, null);
    }
  }

  private String includeList(Node capture) {
    return ConnectorConfigs.forNode(pipeline, capture).config().getOrDefault("table.include.list", "");
  }

  /** For each sink fed by this capture that upserts by record key, the tables it receives. */
  private Map<String, List<String>> keyedSinks(Node capture) {
    String prefix = capture.property("topic.prefix").orElse("");
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Node s : pipeline.nodesOf(NodeKind.JDBC_SINK)) {
      boolean upsert = !"insert".equals(s.property("insert.mode").orElse("upsert"));
      if (!upsert || !"record_key".equals(s.property("primary.key.mode").orElse("record_key"))) {
        continue;
      }
      List<String> tables = new ArrayList<>();
      for (Node t : ConnectorConfigs.upstreamTopics(pipeline, s)) {
        String topic = ConnectorConfigs.topicName(t);
        if (topic.startsWith(prefix + ".")) {
          tables.add(topic.substring(prefix.length() + 1));
        }
      }
      if (!tables.isEmpty()) {
        out.put(s.name(), tables);
      }
    }
    return out;
  }

  private void startServers() {
    Map<String, Node> embedded = new LinkedHashMap<>();
    for (Node c : pipeline.nodesOf(NodeKind.DEBEZIUM)) {
      Node src = sourceOf(c);
      if (src.boolProperty("embedded")) {
        embedded.put(src.name(), src);
      }
    }
    CompletableFuture<Void> pgStart = CompletableFuture.completedFuture(null);
    if (!embedded.isEmpty()) {
      Instant t = enter(TrialPhase.STARTING_POSTGRES);
      pgStart = CompletableFuture.runAsync(() -> {
        for (Node src : embedded.values()) {
          startEmbeddedPostgres(src);
        }
        done(TrialPhase.STARTING_POSTGRES, t);
      });
    }
    CompletableFuture<Void> kafkaStart;
    if (pipeline.cluster().embedded()) {
      Instant t = enter(TrialPhase.STARTING_KAFKA);
      kafka = EmbeddedKafka.builder().dataDir(workDir.resolve("kafka")).clock(clock).build();
      kafkaStart = CompletableFuture.runAsync(() -> {
        kafka.start();
        bootstrap = kafka.bootstrapServers();
        done(TrialPhase.STARTING_KAFKA, t);
      });
    } else {
      bootstrap = pipeline.cluster().bootstrapServers();
      kafkaStart = CompletableFuture.completedFuture(null);
    }
    try {
      CompletableFuture.allOf(pgStart, kafkaStart).join();
    } catch (CompletionException e) {
      // let the other server finish starting so that close() can stop it
      try {
        CompletableFuture.allOf(pgStart, kafkaStart).exceptionally(x -> null).get(120, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // reported below
      }
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      TrialPhase where = pgStart.isCompletedExceptionally() ? TrialPhase.STARTING_POSTGRES : TrialPhase.STARTING_KAFKA;
      throw new TrialException(where, describe(cause), cause);
    }
  }

  private void startEmbeddedPostgres(Node src) {
    EmbeddedPostgres pg = EmbeddedPostgres.builder().dataDir(workDir.resolve("postgres").resolve(src.name()))
        .clock(clock).build();
    synchronized (postgres) {
      postgres.put(src.name(), pg);
    }
    pg.start();
    embeddedSources.put(src.name(), new EmbeddedSource((int) src.intProperty("port", 5432), pg.port()));
    String db = src.property("database").orElse("postgres");
    try {
      pg.createDatabaseIfMissing(db);
      try (Connection c = pg.connect(db)) {
        DemoSchema.createIfMissing(c);
      }
    } catch (SQLException e) {
      throw new TrialException(TrialPhase.STARTING_POSTGRES, "Seeding the demo schema into the embedded database '"
          + db + "' failed: " + firstLine(e.getMessage()), e);
    }
  }

  private void createTopics() {
    List<NewTopic> wanted = new ArrayList<>();
    for (TopicSpec t : ConnectorConfigs.topics(pipeline)) {
      // the embedded broker is alone: never ask for more replicas than there are brokers
      short rf = (short) (kafka != null ? 1 : t.replicationFactor());
      Map<String, String> configs = new HashMap<>(t.configs());
      if (kafka != null) {
        configs.put("min.insync.replicas", "1");
      }
      wanted.add(new NewTopic(t.name(), Math.max(1, t.partitions()), rf).configs(configs));
    }
    if (wanted.isEmpty()) {
      return;
    }
    try (Admin admin = Admin.create(kafkaClientProperties())) {
      for (NewTopic nt : wanted) {
        createTopic(admin, nt);
      }
      awaitLeaders(admin, wanted);
    }
  }

  /** Creates one topic; one that exists already is fine. */
  private void createTopic(Admin admin, NewTopic nt) {
    try {
      admin.createTopics(List.of(nt)).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new TrialException(TrialPhase.SNAPSHOT, "Kafka refused to create topic " + nt.name() + ": "
            + e.getCause().getMessage(), e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TrialException(TrialPhase.SNAPSHOT, "Interrupted while creating topics", e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new TrialException(TrialPhase.SNAPSHOT, "Kafka at " + bootstrap
          + " did not answer within 30 s while creating topic " + nt.name() + ".", e);
    }
  }

  /**
   * The capture's first events would otherwise race the leaders applying the new topics, and the
   * broker could keep a later request and lose an earlier one ({@link TopicLeaders}).
   */
  private void awaitLeaders(Admin admin, List<NewTopic> topics) {
    List<String> names = topics.stream().map(NewTopic::name).toList();
    try {
      TopicLeaders.await(admin, names, Duration.ofSeconds(30));
      readyTopics.addAll(names);
    } catch (ExecutionException e) {
      throw new TrialException(TrialPhase.SNAPSHOT, "Kafka at " + bootstrap + " created the topics " + names
          + " but cannot serve them: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TrialException(TrialPhase.SNAPSHOT, "Interrupted while waiting for the new topics' leaders", e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new TrialException(TrialPhase.SNAPSHOT, "Kafka at " + bootstrap + " created the topics " + names
          + " but their leaders did not answer within 30 s. Check the brokers' logs.", e);
    }
  }

  /**
   * As Connect's dead-letter reporter does at task start: the topic exists (one partition) and takes
   * records before the first bad event, instead of racing its leader then.
   */
  private void createDeadLetterTopic(String topic, Map<String, String> sinkProps) {
    if (readyTopics.contains(topic)) {
      return;
    }
    short rf = kafka != null ? 1
        : Short.parseShort(sinkProps.getOrDefault("errors.deadletterqueue.topic.replication.factor", "3"));
    NewTopic nt = new NewTopic(topic, 1, rf);
    try (Admin admin = Admin.create(kafkaClientProperties())) {
      createTopic(admin, nt);
      awaitLeaders(admin, List.of(nt));
    }
  }

  /**
   * A topic the drawing has no node for (a capture's own include list reaching further, Debezium's
   * own topics) is created by the cluster on the producer's first request for it; it races its
   * leader just the same.
   */
  private void awaitTopicOnFirstUse(String topic) throws Exception {
    if (readyTopics.contains(topic)) {
      return;
    }
    try {
      // the producer's metadata request is what makes the cluster create it, as a first send would
      producer.partitionsFor(topic);
    } catch (org.apache.kafka.common.errors.TimeoutException e) {
      String why = firstLine(e.getMessage()).replaceAll("\\.$", "");
      throw new IllegalStateException("the cluster did not answer for it or did not create it on first use ("
          + why + "). If the cluster is up and auto.create.topics.enable is false there, draw a topic node named "
          + topic + " so the trial creates it", e);
    }
    try (Admin admin = Admin.create(kafkaClientProperties())) {
      TopicLeaders.await(admin, List.of(topic), Duration.ofSeconds(30));
    }
    readyTopics.add(topic);
  }

  private KafkaProducer<byte[], byte[]> newProducer() {
    Properties p = CaptureTuning.producer(bootstrap);
    // the cluster's SASL/TLS settings on top of the capture's tuning
    p.putAll(kafkaClientProperties());
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private void startSinksAndCaptures(List<Node> captureNodes) {
    try {
      Files.createDirectories(workDir.resolve("offsets"));
    } catch (java.io.IOException e) {
      throw new TrialException(TrialPhase.SNAPSHOT, "Cannot create " + workDir.resolve("offsets") + ": " + e.getMessage(), e);
    }
    Optional<EmbeddedSource> anyEmbedded = embeddedSources.values().stream().findFirst();
    List<CompletableFuture<Void>> sinkStarts = new ArrayList<>();
    for (Node s : pipeline.nodesIn(Category.SINK)) {
      ConnectorConfig cc = ConnectorConfigs.forNode(pipeline, s);
      LocalOverrides.SinkProps sp;
      try {
        sp = LocalOverrides.sink(cc, anyEmbedded);
      } catch (IllegalStateException e) {
        throw new TrialException(TrialPhase.PREFLIGHT, e.getMessage(), e);
      }
      if (sp.embeddedDatabase().isPresent()) {
        EmbeddedPostgres pg = postgres.values().iterator().next();
        try {
          pg.createDatabaseIfMissing(sp.embeddedDatabase().get());
        } catch (SQLException e) {
          throw new TrialException(TrialPhase.SNAPSHOT, "Cannot create database " + sp.embeddedDatabase().get()
              + " for sink '" + s.name() + "': " + firstLine(e.getMessage()), e);
        }
      }
      List<String> topics = cc.topics();
      if (topics.isEmpty()) {
        continue;
      }
      String dlq = sp.props().get("errors.deadletterqueue.topic.name");
      if (dlq != null && !dlq.isBlank()) {
        createDeadLetterTopic(dlq, sp.props());
      }
      SinkRunner r = SinkRunner.forNode(s, cc.name(), topics, sp.props(), kafkaClientProperties(), workDir,
          schemasOnTopics(cc), stats, producer);
      sinks.add(r);
      sinkStarts.add(CompletableFuture.runAsync(() -> {
        try {
          r.start();
        } catch (Exception e) {
          throw new CompletionException(e);
        }
      }));
    }
    for (Node c : captureNodes) {
      ConnectorConfig cc = ConnectorConfigs.forNode(pipeline, c);
      Node src = sourceOf(c);
      Map<String, String> props;
      try {
        props = LocalOverrides.capture(cc, c, Optional.ofNullable(embeddedSources.get(src.name())), bootstrap,
            workDir.resolve("offsets"));
      } catch (IllegalStateException e) {
        throw new TrialException(TrialPhase.PREFLIGHT, e.getMessage(), e);
      }
      Properties engineProps = new Properties();
      engineProps.putAll(props);
      CaptureRunner runner = new CaptureRunner(c.name(), props.getOrDefault("topic.prefix", c.name()), engineProps,
          producer, converter(props, "key.converter", true), converter(props, "value.converter", false), stats,
          this::awaitTopicOnFirstUse);
      captures.add(runner);
      runner.start();
    }
    for (int i = 0; i < sinkStarts.size(); i++) {
      try {
        sinkStarts.get(i).join();
      } catch (CompletionException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        throw new TrialException(TrialPhase.SNAPSHOT, "Sink '" + sinks.get(i).node() + "' could not start: "
            + describe(cause), cause);
      }
    }
  }

  /** Bootstrap servers plus the cluster's security settings: what every client of the trial starts from. */
  private Map<String, Object> kafkaClientProperties() {
    Map<String, Object> p = new HashMap<>(kafkaClient);
    p.put("bootstrap.servers", bootstrap);
    return p;
  }

  private boolean schemasOnTopics(ConnectorConfig sink) {
    String v = sink.config().get("value.converter.schemas.enable");
    if (v != null) {
      return Boolean.parseBoolean(v);
    }
    for (Node c : pipeline.nodesOf(NodeKind.DEBEZIUM)) {
      String cv = ConnectorConfigs.forNode(pipeline, c).config().get("value.converter.schemas.enable");
      if (cv != null) {
        return Boolean.parseBoolean(cv);
      }
    }
    return pipeline.converter() == Converter.JSON_SCHEMAS;
  }

  private static org.apache.kafka.connect.storage.Converter converter(Map<String, String> props, String key,
      boolean isKey) {
    String cls = props.getOrDefault(key, Converter.JSON_SCHEMAS.className());
    Map<String, String> cfg = new HashMap<>();
    props.forEach((k, v) -> {
      if (k.startsWith(key + ".")) {
        cfg.put(k.substring(key.length() + 1), v);
      }
    });
    try {
      return CaptureTuning.converter(cls, cfg, isKey);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new TrialException(TrialPhase.PREFLIGHT, "The converter " + cls + " cannot be used in the local trial: "
          + e.getMessage(), e);
    }
  }

  private void awaitStreaming() {
    while (true) {
      for (CaptureRunner c : captures) {
        if (c.failure() != null) {
          throw new TrialException(TrialPhase.SNAPSHOT, c.failure(), null);
        }
      }
      for (SinkRunner s : sinks) {
        if (s.failure() != null) {
          throw new TrialException(TrialPhase.SNAPSHOT, s.failure(), null);
        }
      }
      if (captures.stream().allMatch(CaptureRunner::streaming)) {
        return;
      }
      sleep(20);
    }
  }

  private void startWatchdog() {
    watchdog = new Thread(() -> {
      while (phase == TrialPhase.STREAMING) {
        String why = captures.stream().map(CaptureRunner::failure).filter(Objects::nonNull).findFirst()
            .orElseGet(() -> sinks.stream().map(SinkRunner::failure).filter(Objects::nonNull).findFirst().orElse(null));
        if (why != null) {
          synchronized (this) {
            if (phase == TrialPhase.STREAMING) {
              failure = why;
              phase = TrialPhase.FAILED;
              listener.failed(TrialPhase.STREAMING, why);
            }
          }
          return;
        }
        sleep(100);
      }
    }, "trial-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  // ---- running -------------------------------------------------------------------------------

  public TrialPhase phase() {
    return phase;
  }

  /** The bootstrap servers the trial produces to (the embedded broker's, or the cluster's). */
  public String bootstrapServers() {
    return bootstrap;
  }

  /** The embedded broker, when the pipeline's cluster names no bootstrap servers. */
  public Optional<EmbeddedKafka> embeddedKafka() {
    return Optional.ofNullable(kafka);
  }

  /** The embedded PostgreSQL standing in for source node {@code sourceNode}, if the trial runs one. */
  public Optional<EmbeddedPostgres> embeddedPostgres(String sourceNode) {
    return Optional.ofNullable(postgres.get(sourceNode));
  }

  public Path workDir() {
    return workDir;
  }

  /** A sentence explaining why the trial failed, or null. */
  public String failure() {
    return failure;
  }

  /** The live figures now; cheap enough to poll a few times a second. */
  public TrialSnapshot snapshot() {
    Map<TrialPhase, Duration> times;
    synchronized (phaseTimes) {
      times = new LinkedHashMap<>(phaseTimes);
    }
    Duration since = startedAt == null ? Duration.ZERO : Duration.between(startedAt, clock.instant());
    return new TrialSnapshot(phase, since, times, stats == null ? List.of() : stats.edges(),
        stats == null ? Map.of() : stats.sinks(), failure);
  }

  /**
   * Change latencies by stage (source commit to Kafka, to each sink's consumer, to each sink's
   * write) over the events measured at or after {@code since}; empty before the trial started.
   */
  public Map<String, LatencySummary> latencyByStage(Instant since) {
    return stats == null ? Map.of() : stats.latencyByStage(since);
  }

  /** {@link #latencyByStage} split by the second since {@code since} in which each latency was measured. */
  public Map<String, SortedMap<Long, LatencySummary>> latencyBySecond(Instant since) {
    return stats == null ? Map.of() : stats.latencyBySecond(since);
  }

  /**
   * Waits until every sink has read what was on its topics when called (the capture may still be
   * behind the database); true when all caught up within {@code max}.
   */
  public boolean awaitSinksCaughtUp(Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    for (SinkRunner s : sinks) {
      long left = deadline - System.nanoTime();
      if (left <= 0 || !s.awaitCaughtUp(Duration.ofNanos(left))) {
        return false;
      }
    }
    return true;
  }

  // ---- stopping ------------------------------------------------------------------------------

  /**
   * Stops captures (their offsets are committed), lets sinks write what reached Kafka, then closes
   * sinks, producer, Kafka and PostgreSQL, in that order. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (phase == TrialPhase.STOPPED || phase == null) {
      return;
    }
    boolean failed = phase == TrialPhase.FAILED;
    Instant t = enter(TrialPhase.STOPPING);
    shutdownAll(!failed);
    done(TrialPhase.STOPPING, t);
    phase = failed ? TrialPhase.FAILED : TrialPhase.STOPPED;
    if (!failed) {
      enter(TrialPhase.STOPPED);
    }
  }

  private void shutdownAll(boolean drain) {
    if (resourcesClosed) {
      return;
    }
    resourcesClosed = true;
    for (CaptureRunner c : captures) {
      quietly(c::close);
    }
    if (drain && producer != null) {
      awaitSinksCaughtUp(Duration.ofSeconds(15));
    }
    for (SinkRunner s : sinks) {
      quietly(s::close);
    }
    if (producer != null) {
      quietly(() -> producer.close(Duration.ofSeconds(10)));
    }
    if (kafka != null) {
      quietly(kafka::close);
    }
    List<EmbeddedPostgres> pgs;
    synchronized (postgres) {
      pgs = new ArrayList<>(postgres.values());
    }
    for (EmbeddedPostgres pg : pgs) {
      quietly(pg::close);
    }
  }

  private void fail(TrialPhase where, TrialException e) {
    LOG.debug("trial failed in {}", where, e);
    shutdownAll(false);
    failure = e.getMessage();
    phase = TrialPhase.FAILED;
    listener.failed(where, e.getMessage());
  }

  // ---- helpers -------------------------------------------------------------------------------

  private Instant enter(TrialPhase p) {
    if (p != TrialPhase.STARTING_POSTGRES && p != TrialPhase.STARTING_KAFKA) {
      phase = p;
    } else if (phase == null || phase == TrialPhase.PREFLIGHT) {
      phase = p;
    }
    listener.phaseStarted(p, Duration.between(startedAt, clock.instant()));
    return clock.instant();
  }

  private void done(TrialPhase p, Instant since) {
    Duration took = Duration.between(since, clock.instant());
    synchronized (phaseTimes) {
      phaseTimes.put(p, took);
    }
    listener.phaseCompleted(p, took);
  }

  private String resolveSecret(Node node, String key) {
    Optional<String> v = node.property(key);
    if (v.isEmpty()) {
      return null;
    }
    Optional<SecretRef> ref = SecretRef.parse(v.get());
    if (ref.isEmpty()) {
      return v.get();
    }
    return ref.get().resolve().orElseThrow(() -> new TrialException(TrialPhase.PREFLIGHT,
        "'" + node.name() + "' needs the secret " + ref.get() + " for its " + key
            + ", which is not set. Set it before starting the trial.", null));
  }

  private static String describe(Throwable e) {
    if (e instanceof TrialException te) {
      return te.getMessage();
    }
    Throwable c = e;
    while (c.getCause() != null && c.getCause() != c && !(c instanceof TrialException)) {
      c = c.getCause();
    }
    if (c instanceof TrialException te) {
      return te.getMessage();
    }
    String m = e.getMessage() != null ? e.getMessage() : e.toString();
    return firstLine(m);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }

  private static void quietly(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.warn("while stopping the trial: {}", e.toString());
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TrialException(TrialPhase.FAILED, "Interrupted", e);
    }
  }

  /** Builds a {@link Trial}; pipeline and work directory are required. */
  public static final class Builder {
    private Pipeline pipeline;
    private Path workDir;
    private Clock clock = Clock.systemUTC();
    private TrialListener listener = TrialListener.NONE;

    private Builder() {}

    public Builder pipeline(Pipeline p) {
      this.pipeline = p;
      return this;
    }

    /** Where servers keep their data, offsets are stored and relative sink files are written. */
    public Builder workDir(Path dir) {
      this.workDir = dir;
      return this;
    }

    public Builder clock(Clock c) {
      this.clock = Objects.requireNonNull(c);
      return this;
    }

    public Builder listener(TrialListener l) {
      this.listener = Objects.requireNonNull(l);
      return this;
    }

    public Trial build() {
      Objects.requireNonNull(pipeline, "pipeline");
      Objects.requireNonNull(workDir, "workDir");
      return new Trial(this);
    }
  }
}
