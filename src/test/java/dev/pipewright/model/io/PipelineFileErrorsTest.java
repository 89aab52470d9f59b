package dev.pipewright.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Each bad input gives a problem naming the file, line, column and field, with a hint. */
class PipelineFileErrorsTest {

  /** A valid file whose seventh line is replaced by each case's property line. */
  private static final String NODE_TEMPLATE = """
      apiVersion: pipewright/v1
      name: shop
      nodes:
        - name: shop-db
          kind: postgres
          properties:
            %s
            database: shop
      """;

  static PipelineFileException failure(String yaml, String file) {
    PipelineFileException e = catchThrowableOfType(PipelineFileException.class, () -> PipelineFile.parse(yaml, file));
    assertThat(e).as("expected %s to be refused", file).isNotNull();
    return e;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      port: abc            | 13 | nodes[0].properties.port     | 'port' must be a whole number, got 'abc'         | Write a number such as 5432
      port: 5432.5         | 13 | nodes[0].properties.port     | 'port' must be a whole number, got '5432.5'      | Write a number such as 5432
      port: -2             | 13 | nodes[0].properties.port     | 'port' must be -1 (no limit) or more, got -2     | Write a number such as 5432
      embedded: maybe      | 17 | nodes[0].properties.embedded | 'embedded' must be true or false, got 'maybe'    | Write true or false
      sslmode: requir      | 16 | nodes[0].properties.sslmode  | 'sslmode' must be one of disable, prefer         | Did you mean 'require'?
      sslmode: 42          | 16 | nodes[0].properties.sslmode  | got '42'                                         | Write one of disable, prefer, require
      port: [5432]         | 13 | nodes[0].properties.port     | 'port' must be a single value, not a list        | Write the value on the same line
      port: ~              | 13 | nodes[0].properties.port     | 'port' has no value                              | delete the line to use the default (5432)
      'port:'              | 12 | nodes[0].properties.port     | 'port' has no value                              | delete the line to use the default (5432)
      'extra.setting:'     | 21 | nodes[0].properties.extra.setting | 'extra.setting' has no value                | Give it a value, or delete the line
      'port': {a: 1}       | 15 | nodes[0].properties.port     | 'port' must be a single value, not a mapping     | on the same line
      """)
  void wrongPropertyValuesAreReportedWithTheirPlace(String line, int column, String field, String message,
      String hint) {
    PipelineFileException e = failure(NODE_TEMPLATE.formatted(line), "shop.yaml");

    assertThat(e.problems()).hasSize(1);
    FileProblem p = e.problems().get(0);
    assertThat(p.file()).isEqualTo("shop.yaml");
    assertThat(p.line()).isEqualTo(7);
    assertThat(p.column()).isEqualTo(column);
    assertThat(p.field()).isEqualTo(field);
    assertThat(p.message()).contains(message);
    assertThat(p.hint()).contains(hint);
  }

  @Test
  void aProblemFormatsLikeACompilerMessage() {
    FileProblem p = failure(NODE_TEMPLATE.formatted("port: abc"), "shop.yaml").problems().get(0);

    assertThat(p.format()).isEqualTo("shop.yaml:7:13: nodes[0].properties.port: 'port' must be a whole number, "
        + "got 'abc'. Hint: Write a number such as 5432.");
  }

  /** Six lines declaring a node 'search' and opening the SLO list; SLO cases continue on line 7. */
  private static final String SLOS = """
      apiVersion: pipewright/v1
      name: shop
      nodes:
        - name: search
          kind: elasticsearch
      slos:
      """;

  record Case(String name, String yaml, int line, int column, String field, String message, String hint) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> structuralErrors() {
    return Stream.of(
        new Case("missing apiVersion", """
            name: shop
            """, 1, 1, "apiVersion", "apiVersion is missing", "apiVersion: pipewright/v1"),
        new Case("wrong apiVersion", """
            apiVersion: v1
            name: shop
            """, 1, 13, "apiVersion", "Unsupported apiVersion 'v1'", "apiVersion: pipewright/v1"),
        new Case("newer apiVersion", """
            apiVersion: pipewright/v2
            name: shop
            """, 1, 13, "apiVersion", "Unsupported apiVersion", "another version of Pipewright"),
        new Case("missing pipeline name", """
            apiVersion: pipewright/v1
            description: no name
            """, 1, 1, "name", "'name' is missing", "name: shop-orders"),
        new Case("unknown top-level key", """
            apiVersion: pipewright/v1
            name: shop
            node: []
            """, 3, 1, "node", "Unknown key 'node' at the top level", "Did you mean 'nodes'?"),
        new Case("unknown top-level key far from any", """
            apiVersion: pipewright/v1
            name: shop
            colour: blue
            """, 3, 1, "colour", "Unknown key 'colour'", "Top-level keys are apiVersion, name"),
        new Case("unknown kind close to one", """
            apiVersion: pipewright/v1
            name: shop
            nodes:
              - name: db
                kind: postgress
            """, 5, 11, "nodes[0].kind", "Unknown node kind 'postgress'", "Did you mean 'postgres'?"),
        new Case("unknown kind far from all", """
            apiVersion: pipewright/v1
            name: shop
            nodes:
              - name: q
                kind: rabbitmq
            """, 5, 11, "nodes[0].kind", "Unknown node kind 'rabbitmq'", "Valid kinds: postgres, mysql"),
        new Case("missing node kind", """
            apiVersion: pipewright/v1
            name: shop
            nodes:
              - name: db
            """, 4, 5, "nodes[0].kind", "'kind' is missing in nodes[0]", "postgres"),
        new Case("missing node name", """
            apiVersion: pipewright/v1
            name: shop
            nodes:
              - kind: topic
            """, 4, 5, "nodes[0].name", "'name' is missing in nodes[0]", "unique name"),
        new Case("unknown node key", """
            apiVersion: pipewright/v1
            name: shop
            nodes:
              - name: db
                kind: topic
                propertis: {}
            """, 6, 5, "nodes[0].propertis", "Unknown key 'propertis' in nodes[0]", "Did you mean 'properties'?"),
        new Case("duplicate node names", """
            apiVersion: pipewright/v1
            name: shop
            nodes:
              - name: db
                kind: postgres
              - name: db
                kind: mysql
            """, 6, 11, "nodes[1].name", "'db' is used twice (first on line 4)", "unique"),
        new Case("duplicate YAML key", """
            apiVersion: pipewright/v1
            name: shop
            nodes:
              - name: t
                kind: topic
                properties:
                  partitions: 1
                  partitions: 2
            """, 8, 7, "nodes[0].properties.partitions", "'partitions' appears twice", "Keep one"),
        new Case("edge to an unknown node", """
            apiVersion: pipewright/v1
            name: shop
            nodes:
              - name: shop-db
                kind: postgres
              - name: shop-cdc
                kind: debezium
            edges:
              - from: shop-db
                to: shop-cd
            """, 10, 9, "edges[0].to", "no node named 'shop-cd'", "Did you mean 'shop-cdc'?"),
        new Case("edge from an unknown node", """
            apiVersion: pipewright/v1
            name: shop
            nodes:
              - name: t
                kind: topic
            edges:
              - from: warehouse
                to: t
            """, 7, 11, "edges[0].from", "no node named 'warehouse'", "Add a node with that name"),
        new Case("edge without to", """
            apiVersion: pipewright/v1
            name: shop
            nodes:
              - name: t
                kind: topic
            edges:
              - from: t
            """, 7, 5, "edges[0].to", "'to' is missing in edges[0]", "to: shop-cdc"),
        new Case("edge listed twice", """
            apiVersion: pipewright/v1
            name: shop
            nodes:
              - name: a
                kind: topic
              - name: b
                kind: jsonl-file
            edges:
              - {from: a, to: b}
              - {from: a, to: b}
            """, 10, 5, "edges[1]", "listed twice", "Delete one"),
        new Case("unknown environment", """
            apiVersion: pipewright/v1
            name: shop
            environment: prod
            """, 3, 14, "environment", "Unknown environment 'prod'", "local, dev, staging, production"),
        new Case("unknown converter", """
            apiVersion: pipewright/v1
            name: shop
            converter: avor
            """, 3, 12, "converter", "Unknown converter 'avor'", "Did you mean 'avro'?"),
        new Case("unknown cluster key", """
            apiVersion: pipewright/v1
            name: shop
            clusters:
              - name: main
                bootstrapServer: k:9092
            """, 5, 5, "clusters[0].bootstrapServer", "Unknown key 'bootstrapServer' in clusters[0]",
            "Did you mean 'bootstrapServers'?"),
        new Case("unknown security protocol", """
            apiVersion: pipewright/v1
            name: shop
            clusters:
              - name: main
                security:
                  protocol: SASL-SSL
            """, 6, 17, "clusters[0].security.protocol", "Unknown protocol 'SASL-SSL'", "Did you mean 'SASL_SSL'?"),
        new Case("connect given as a string", """
            apiVersion: pipewright/v1
            name: shop
            clusters:
              - name: main
                connect: http://localhost:8083
            """, 5, 14, "clusters[0].connect", "Expected the Kafka Connect settings", "key: value"),
        new Case("unknown slo kind", SLOS + """
              - name: fresh
                kind: freshnes
                target: search
                threshold: 5
            """, 8, 11, "slos[0].kind", "Unknown SLO kind 'freshnes'", "Did you mean 'freshness'?"),
        new Case("invalid duration", SLOS + """
              - name: fresh
                kind: freshness
                target: search
                threshold: 5
                window: 30 days
            """, 11, 13, "slos[0].window", "'30 days' is not a duration", "e.g. 30d"),
        new Case("slo on an unknown node", SLOS + """
              - name: fresh
                kind: freshness
                target: serch
                threshold: 5
            """, 9, 13, "slos[0].target", "no node named 'serch'", "Did you mean 'search'?"),
        new Case("unknown slo key", SLOS + """
              - name: fresh
                kind: freshness
                target: search
                treshold: 5
            """, 10, 5, "slos[0].treshold", "Unknown key 'treshold' in slos[0]", "Did you mean 'threshold'?"),
        new Case("threshold with a unit", SLOS + """
              - name: fresh
                kind: lag-seconds
                target: search
                threshold: 5s
            """, 10, 16, "slos[0].threshold", "'threshold' must be a number, got '5s'", "without units"),
        new Case("objective as a percentage", SLOS + """
              - name: fresh
                kind: connector-running
                target: search
                objective: 99.9
            """, 10, 16, "slos[0].objective", "at most 1, got 99.9", "0.999"),
        new Case("nodes as a mapping", """
            apiVersion: pipewright/v1
            name: shop
            nodes:
              db: postgres
            """, 4, 3, "nodes", "'nodes' must be a list, found a mapping", "'- '"),
        new Case("malformed YAML", """
            apiVersion: pipewright/v1
            name: shop
            nodes:
              - name: db
               kind: postgres
            """, 5, 4, "nodes", "The YAML is malformed", "indentation"),
        new Case("tab indentation", "apiVersion: pipewright/v1\nname: shop\nnodes:\n\t- name: db\n",
            4, 1, "nodes", "a tab is used where YAML allows only spaces", "Indent with spaces"),
        new Case("unterminated quote", """
            apiVersion: pipewright/v1
            name: "shop
            """, 3, 1, "name", "found unexpected end of stream", "close it"),
        new Case("complex key", "apiVersion: pipewright/v1\nname: shop\n? [a, b]\n: c\n",
            3, 1, "", "A key must be plain text, not a list or a mapping", "complex key"),
        new Case("list at top level", """
            - apiVersion: pipewright/v1
            - name: shop
            """, 1, 1, "", "this file holds a list", "apiVersion: pipewright/v1"),
        new Case("two documents", """
            apiVersion: pipewright/v1
            name: shop
            ---
            apiVersion: pipewright/v1
            name: other
            """, 4, 1, "", "more than one YAML document", "one pipeline per file"),
        new Case("alias", """
            apiVersion: pipewright/v1
            name: &n shop
            description: *n
            """, 3, 14, "description", "aliases (*n) are not supported", "Write the value out in full"),
        new Case("class tag", """
            apiVersion: pipewright/v1
            name: !!java.lang.ProcessBuilder [calc]
            """, 2, 7, "name", "tag '!!java.lang.ProcessBuilder' is not allowed", "Remove the tag"))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("structuralErrors")
  void structuralErrorsNameLineColumnAndField(Case c) {
    PipelineFileException e = failure(c.yaml(), "pipeline.yaml");

    assertThat(e.problems()).as(e.getMessage()).anySatisfy(p -> {
      assertThat(p.file()).isEqualTo("pipeline.yaml");
      assertThat(p.line()).isEqualTo(c.line());
      assertThat(p.column()).isEqualTo(c.column());
      assertThat(p.field()).isEqualTo(c.field());
      assertThat(p.message()).contains(c.message());
      assertThat(p.hint()).contains(c.hint());
    });
  }

  @Test
  void everyProblemInAFileIsReportedSortedByLine() {
    String yaml = """
        apiVersion: pipewright/v1
        name: shop
        nodes:
          - name: db
            kind: postgres
            properties:
              port: abc
          - name: t
            kind: topik
        edges:
          - from: db
            to: nowhere
        colour: blue
        """;

    PipelineFileException e = failure(yaml, "shop.yaml");

    assertThat(e.problems()).extracting(FileProblem::line).containsExactly(7, 9, 12, 13);
    assertThat(e.problems()).extracting(FileProblem::field).containsExactly(
        "nodes[0].properties.port", "nodes[1].kind", "edges[0].to", "colour");
    assertThat(e.getMessage().lines()).hasSize(4).allMatch(l -> l.startsWith("shop.yaml:"));
  }

  @Test
  void anEdgeToANodeWithAnUnknownKindIsNotAlsoReportedAsDangling() {
    String yaml = """
        apiVersion: pipewright/v1
        name: shop
        nodes:
          - name: db
            kind: oracle
          - name: cdc
            kind: debezium
        edges:
          - from: db
            to: cdc
        """;

    assertThat(failure(yaml, "x.yaml").problems()).extracting(FileProblem::field).containsExactly("nodes[0].kind");
  }

  @Test
  void aLiteralPasswordLoadsSoTheLintRuleCanFlagIt() throws Exception {
    var p = PipelineFile.parse(NODE_TEMPLATE.formatted("password: hunter2"), "shop.yaml");

    assertThat(p.node("shop-db").orElseThrow().properties()).containsEntry("password", "hunter2");
  }

  @Test
  void unknownPropertiesPassThroughAsText() throws Exception {
    var p = PipelineFile.parse(NODE_TEMPLATE.formatted("slot.drop.on.stop: yes"), "shop.yaml");

    assertThat(p.node("shop-db").orElseThrow().properties()).containsEntry("slot.drop.on.stop", "yes");
  }

  @Test
  void yamlBooleanSpellingsAreAcceptedForBooleanProperties() throws Exception {
    var p = PipelineFile.parse(NODE_TEMPLATE.formatted("embedded: True"), "shop.yaml");

    assertThat(p.node("shop-db").orElseThrow().properties()).containsEntry("embedded", "true");
  }

  @Test
  void wholeFileProblemsHaveNoLine() {
    FileProblem p = failure("# nothing but a comment\n", "empty.yaml").problems().get(0);

    assertThat(List.of(p.line(), p.column())).containsExactly(0, 0);
    assertThat(p.wholeFile()).isTrue();
    assertThat(p.format()).startsWith("empty.yaml: The file is empty.");
  }
}
