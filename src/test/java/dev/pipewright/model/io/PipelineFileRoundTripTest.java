package dev.pipewright.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.model.Cluster;
import dev.pipewright.model.Converter;
import dev.pipewright.model.Credentials;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Environment;
import dev.pipewright.model.KafkaSecurity;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.Position;
import dev.pipewright.model.Slo;
import dev.pipewright.model.SloKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineFileRoundTripTest {

  @TempDir
  Path dir;

  static byte[] resource(String name) throws IOException {
    try (InputStream in = PipelineFileRoundTripTest.class.getResourceAsStream(name)) {
      assertThat(in).as("test resource %s", name).isNotNull();
      return in.readAllBytes();
    }
  }

  @Test
  void savingTheCanonicalFileReproducesItByteForByte() throws Exception {
    byte[] original = resource("canonical.yaml");
    Path file = dir.resolve("shop.yaml");
    Files.write(file, original);

    PipelineFile.save(PipelineFile.load(file), file);

    assertThat(Files.readAllBytes(file)).isEqualTo(original);
  }

  @Test
  void loadThenSaveThenLoadGivesAnEqualPipeline() throws Exception {
    Pipeline first = PipelineFile.parse(resource("canonical.yaml"), "canonical.yaml");
    Path file = dir.resolve("again.yaml");
    PipelineFile.save(first, file);

    assertThat(PipelineFile.load(file)).isEqualTo(first);
  }

  @Test
  void canonicalFileReadsIntoTheExpectedModel() throws Exception {
    Pipeline p = PipelineFile.parse(resource("canonical.yaml"), "canonical.yaml");

    assertThat(p.name()).isEqualTo("shop-orders");
    assertThat(p.environment()).isEqualTo(Environment.STAGING);
    assertThat(p.converter()).isEqualTo(Converter.JSON_SCHEMAS);
    assertThat(p.clusters()).containsExactly(
        new Cluster("main", "kafka-1:9093,kafka-2:9093",
            new KafkaSecurity("SASL_SSL", "SCRAM-SHA-512",
                new Credentials("svc-pipewright", "${env:KAFKA_PASSWORD}"), "/etc/kafka/truststore.pem"),
            "http://connect:8083",
            new Credentials("admin", "${file:/etc/pipewright/secrets.properties:connect}"),
            "http://registry:8081", "/etc/pipewright/connect-ca.pem"),
        Cluster.local("local"));
    Node cdc = p.node("shop-cdc").orElseThrow();
    assertThat(cdc.kind()).isEqualTo(NodeKind.DEBEZIUM);
    assertThat(cdc.position()).isEqualTo(new Position(260.5, -120.25));
    assertThat(cdc.properties()).containsEntry("heartbeat.interval.ms", "10000")
        .containsEntry("max.queue.size", "8192");
    assertThat(p.node("shop-db").orElseThrow().properties()).containsEntry("embedded", "true")
        .containsEntry("password", "${env:PG_PASSWORD}").containsEntry("port", "5432");
    assertThat(p.node("unwrap").orElseThrow().position()).isNull();
    assertThat(p.node("search").orElseThrow().properties())
        .containsEntry("transforms.note", "value: with colon # and hash");
    assertThat(p.edges()).hasSize(5).contains(new Edge("shop.public.orders", "orders-file"));
    assertThat(p.slos()).containsExactly(
        new Slo("search-fresh", SloKind.FRESHNESS, "search", 5, 99, 0.999, Duration.ofDays(30)),
        new Slo("cdc-running", SloKind.CONNECTOR_RUNNING, "shop-cdc", 0, 0, 0.99, Duration.ofDays(7)),
        new Slo("file-lag", SloKind.LAG_MESSAGES, "orders-file", 1000, 0, 0.95, Duration.ofHours(1)));
  }

  @Test
  void valuesThatLookLikeOtherTypesSurviveARoundTrip() throws Exception {
    Map<String, String> tricky = Map.ofEntries(
        Map.entry("a.number", "0123"), Map.entry("a.bool", "yes"), Map.entry("a.null", "null"),
        Map.entry("a.tilde", "~"), Map.entry("empty", ""), Map.entry("spaces", "  padded "),
        Map.entry("newline", "two\nlines"), Map.entry("quote", "it's \"quoted\""),
        Map.entry("hash", "a #comment"), Map.entry("colon", "k: v"), Map.entry("dash", "- item"),
        Map.entry("date", "2001-12-14"), Map.entry("float", "1e3"), Map.entry("hex", "0x1F"),
        Map.entry("ref", "${env:X}"), Map.entry("unicode", "Zürich ✓ 𝄞"), Map.entry("tab", "a\tb"),
        Map.entry("key with: colon", "v"), Map.entry("true", "TRUE"), Map.entry("inf", ".inf"),
        Map.entry("control", "bell\u0007"), Map.entry("linesep", "x\u2028y"), Map.entry("star", "*alias"));
    Pipeline p = Pipeline.empty("tricky").withNode(new Node("app", NodeKind.APPLICATION,
        new Position(0.1, 1e6), tricky));

    Pipeline back = PipelineFile.parse(PipelineFile.toYaml(p), "tricky.yaml");

    assertThat(back).isEqualTo(p);
  }

  @Test
  void randomTextInEveryStringFieldSurvivesARoundTrip() throws Exception {
    java.util.Random random = new java.util.Random(7);
    String alphabet = "aZ09 -_.:#&*!|>'\"%@`,?[]{}~$=\\/\t\n\r\u00e9\u00a0\u0085\u2028\ufeff\u0007\ud834\udd1e";
    for (int i = 0; i < 1500; i++) {
      String text = randomText(random, alphabet);
      String key = "k" + randomText(random, alphabet);
      String name = text.isBlank() ? "n" + text : text;
      Pipeline p = new Pipeline(name, randomText(random, alphabet), Environment.DEV, Converter.JSON,
          List.of(new Cluster("c", text, new KafkaSecurity("SSL", null, new Credentials(text, "${env:X}"), text),
              text, null, text)),
          List.of(new Node(name, NodeKind.TOPIC, new Position(random.nextInt(2000) - 1000, random.nextDouble()),
              Map.of(key, text, "topic", text))),
          List.of(new Edge(name, name)),
          List.of(new Slo("s" + text, SloKind.LAG_SECONDS, name, random.nextInt(100) / 4.0, 0,
              0.9, Duration.ofMillis(1 + random.nextInt(100_000)))));

      String yaml = PipelineFile.toYaml(p);

      assertThat(PipelineFile.parse(yaml, "random.yaml")).as("round trip of %s", yaml).isEqualTo(p);
    }
  }

  private static String randomText(java.util.Random random, String alphabet) {
    StringBuilder sb = new StringBuilder();
    int n = random.nextInt(12);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  @Test
  void integralPositionsAreWrittenWithoutDecimals() {
    Pipeline p = Pipeline.empty("pos").withNode(
        new Node("db", NodeKind.POSTGRES, new Position(40, 120), Map.of()));

    assertThat(PipelineFile.toYaml(p)).contains("    position: {x: 40, y: 120}\n");
  }

  @Test
  void propertiesAreWrittenTypedByTheirSpec() {
    Pipeline p = Pipeline.empty("typed").withNode(new Node("db", NodeKind.POSTGRES, null, Map.of(
        "port", "5432", "embedded", "true", "database", "5432", "password", "${env:PG_PASSWORD}",
        "custom.flag", "true")));

    assertThat(PipelineFile.toYaml(p)).contains(
        "      port: 5432\n", "      embedded: true\n", "      database: \"5432\"\n",
        "      password: ${env:PG_PASSWORD}\n", "      custom.flag: \"true\"\n");
  }

  @Test
  void toYamlIsDeterministicWhateverTheOrderPropertiesWereSetIn() {
    Node a = Node.of("db", NodeKind.POSTGRES).withProperty("user", "u").withProperty("database", "d");
    Node b = Node.of("db", NodeKind.POSTGRES).withProperty("database", "d").withProperty("user", "u");

    assertThat(PipelineFile.toYaml(Pipeline.empty("x").withNode(a)))
        .isEqualTo(PipelineFile.toYaml(Pipeline.empty("x").withNode(b)));
  }

  @Test
  void everyExampleLoadsAndIsAlreadyCanonical() throws Exception {
    List<Path> examples;
    try (var files = Files.list(Path.of("examples"))) {
      examples = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(examples).isNotEmpty();
    for (Path example : examples) {
      Pipeline p = PipelineFile.load(example);
      assertThat(PipelineFile.toYaml(p)).as("%s in canonical form", example).isEqualTo(Files.readString(example));
    }
  }

  @Test
  void anEmptyPipelineRoundTrips() throws Exception {
    Pipeline p = new Pipeline("nothing", "", Environment.PRODUCTION, Converter.AVRO, List.of(), List.of(),
        List.of(), List.of());

    assertThat(PipelineFile.parse(PipelineFile.toYaml(p), "x.yaml")).isEqualTo(p);
  }
}
