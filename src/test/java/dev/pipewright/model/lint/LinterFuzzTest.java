package dev.pipewright.model.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.model.Cluster;
import dev.pipewright.model.Converter;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Environment;
import dev.pipewright.model.Finding;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.PropertySpec;
import dev.pipewright.model.Slo;
import dev.pipewright.model.SloKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The lint runs on whatever a file or a half-finished drawing holds: random graphs with dangling
 * edges, loops, duplicate names and nonsense values must give findings, never an exception.
 * The seed is fixed, so a failure reproduces.
 */
class LinterFuzzTest {

  private static final String[] NAMES = {"a", "b", "c", "d", "e", "f", "g", "h", "shop.public.orders", "x y"};
  private static final String[] VALUES = {"", " ", "0", "-1", "1", "3", "true", "false", "none", "all", "upsert",
      "record_key", "compact", "delete", "-5", "99999999999999999999", "${env:X}", "${env:}", "shop", "never",
      "no_data", "initial_only", "drop", "public.orders,public.x", "INSERT INTO hb VALUES (1)", "decoderbufs"};

  @Test
  void randomPipelinesNeverBreakTheLint() {
    Random random = new Random(20261121L);
    Map<String, Rule> rules = Linter.rules().stream().collect(Collectors.toMap(Rule::id, Function.identity()));
    for (int i = 0; i < 250; i++) {
      Pipeline p = randomPipeline(random);
      List<Finding> findings = Linter.check(p);
      assertThat(findings).as("pipeline %d", i).isSortedAccordingTo(Comparator.comparing(Finding::severity));
      for (Finding f : findings) {
        assertThat(rules).containsKey(f.ruleId());
        assertThat(f.severity()).isEqualTo(rules.get(f.ruleId()).severity());
        assertThat(f.message()).isNotBlank();
        assertThat(f.fix()).isNotBlank();
      }
      assertThat(Linter.check(p)).as("deterministic").isEqualTo(findings);
    }
  }

  private static Pipeline randomPipeline(Random r) {
    List<Node> nodes = new ArrayList<>();
    NodeKind[] kinds = NodeKind.values();
    int count = 1 + r.nextInt(9);
    for (int i = 0; i < count; i++) {
      NodeKind kind = kinds[r.nextInt(kinds.length)];
      Map<String, String> props = new HashMap<>();
      List<PropertySpec> specs = kind.properties();
      int n = r.nextInt(specs.size() + 1);
      for (int j = 0; j < n; j++) {
        props.put(specs.get(r.nextInt(specs.size())).key(), VALUES[r.nextInt(VALUES.length)]);
      }
      if (r.nextInt(5) == 0) {
        props.put("some.password", VALUES[r.nextInt(VALUES.length)]);
      }
      nodes.add(new Node(NAMES[r.nextInt(NAMES.length)], kind, null, props));
    }
    List<Edge> edges = new ArrayList<>();
    int edgeCount = r.nextInt(count * 2 + 1);
    for (int i = 0; i < edgeCount; i++) {
      edges.add(new Edge(NAMES[r.nextInt(NAMES.length)], NAMES[r.nextInt(NAMES.length)]));
    }
    List<Slo> slos = new ArrayList<>();
    if (r.nextBoolean()) {
      SloKind kind = SloKind.values()[r.nextInt(SloKind.values().length)];
      slos.add(new Slo("s", kind, NAMES[r.nextInt(NAMES.length)], r.nextInt(10) - 2, r.nextInt(100),
          r.nextDouble() * 2, null));
    }
    Environment env = Environment.values()[r.nextInt(Environment.values().length)];
    Converter converter = Converter.values()[r.nextInt(Converter.values().length)];
    List<Cluster> clusters = r.nextBoolean() ? List.of() : List.of(r.nextBoolean() ? Cluster.local("local")
        : new Cluster("prod", "kafka:9092", null, null, null, r.nextBoolean() ? null : "http://registry:8081"));
    return new Pipeline("fuzz", "", env, converter, clusters, nodes, edges, slos);
  }
}
