import dev.pipewright.model.Cluster;
import dev.pipewright.model.Converter;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Environment;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.lint.Linter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How long one full lint takes on a drawing-sized pipeline and on a very large one. Measures
 * CPU time of this thread (not wall time), so a busy machine skews it less.
 * Run: mvn -o -q compile && java -cp target/classes bench/LintBench.java
 */
public class LintBench {
  public static void main(String[] args) {
    for (int captures : new int[] {2, 10, 50}) {
      Pipeline p = synthetic(captures);
      report(p, captures);
    }
  }

  static void report(Pipeline p, int captures) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < 200; i++) {
      Linter.check(p); // warm-up for the JIT
    }
    int runs = 200;
    long cpu0 = mx.getCurrentThreadCpuTime();
    int findings = 0;
    for (int i = 0; i < runs; i++) {
      findings = Linter.check(p).size();
    }
    long perCheckUs = (mx.getCurrentThreadCpuTime() - cpu0) / 1000 / runs;
    System.out.printf("%3d captures, %4d nodes, %4d edges: %6d us CPU per Linter.check (%d findings, %d rules)%n",
        captures, p.nodes().size(), p.edges().size(), perCheckUs, findings, Linter.rules().size());
  }

  /** n PostgreSQL databases, each captured into 4 topics feeding a JDBC read model and a search index. */
  static Pipeline synthetic(int n) {
    List<Node> nodes = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String db = "db" + i;
      String cdc = "cdc" + i;
      nodes.add(new Node(db, NodeKind.POSTGRES, null, Map.of("host", "db" + i + ".internal", "database", "shop",
          "user", "debezium", "password", "${env:DB_PASSWORD}", "sslmode", "verify-full")));
      nodes.add(new Node(cdc, NodeKind.DEBEZIUM, null, Map.of("topic.prefix", "s" + i, "slot.name", "cdc" + i,
          "table.include.list", "public.t0,public.t1,public.t2,public.t3", "heartbeat.interval.ms", "10000",
          "heartbeat.action.query", "UPDATE hb SET ts = now()")));
      edges.add(new Edge(db, cdc));
      String unwrap = "unwrap" + i;
      String jdbc = "jdbc" + i;
      String search = "search" + i;
      nodes.add(new Node(unwrap, NodeKind.EXTRACT_NEW_RECORD_STATE, null, Map.of()));
      nodes.add(new Node(jdbc, NodeKind.JDBC_SINK, null, Map.of("connection.url", "jdbc:postgresql://rm/rm",
          "errors.tolerance", "all", "errors.deadletterqueue.topic.name", "dlq.jdbc" + i,
          "errors.deadletterqueue.context.headers.enable", "true")));
      nodes.add(new Node(search, NodeKind.ELASTICSEARCH, null, Map.of("connection.url", "https://es:9200",
          "errors.tolerance", "all", "errors.deadletterqueue.topic.name", "dlq.search" + i,
          "errors.deadletterqueue.context.headers.enable", "true")));
      edges.add(new Edge(unwrap, search));
      for (int t = 0; t < 4; t++) {
        String topic = "s" + i + ".public.t" + t;
        nodes.add(new Node(topic, NodeKind.TOPIC, null, Map.of()));
        edges.add(new Edge(cdc, topic));
        edges.add(new Edge(topic, jdbc));
        edges.add(new Edge(topic, unwrap));
      }
    }
    return new Pipeline("bench", "", Environment.PRODUCTION, Converter.JSON_SCHEMAS,
        List.of(new Cluster("prod", "kafka:9093", null, null, null, null)), nodes, edges, List.of());
  }
}
