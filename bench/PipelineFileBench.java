import dev.pipewright.model.Edge;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.Position;
import dev.pipewright.model.io.PipelineFile;
import dev.pipewright.model.io.PipelineFileException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * How long reading and writing pipeline files takes: a large realistic pipeline, and the
 * hostile documents the loader must refuse quickly. Prints medians; see bench/README.md.
 */
public class PipelineFileBench {
  public static void main(String[] args) throws Exception {
    Pipeline big = Pipeline.empty("bench");
    for (int i = 0; i < 250; i++) {
      String db = "db-" + i;
      String cdc = "cdc-" + i;
      String topic = "topic-" + i;
      String sink = "sink-" + i;
      big = big.withNode(new Node(db, NodeKind.POSTGRES, new Position(40, i * 100), Map.of(
              "database", "shop", "user", "cdc", "password", "${env:PG_" + i + "}", "port", "5432")))
          .withNode(new Node(cdc, NodeKind.DEBEZIUM, new Position(260, i * 100), Map.of(
              "topic.prefix", "shop" + i, "table.include.list", "public.orders,public.customers")))
          .withNode(new Node(topic, NodeKind.TOPIC, new Position(480, i * 100), Map.of("partitions", "12")))
          .withNode(new Node(sink, NodeKind.JDBC_SINK, new Position(700, i * 100), Map.of(
              "connection.url", "jdbc:postgresql://rm:5432/rm", "connection.password", "${env:RM}")))
          .withEdge(new Edge(db, cdc)).withEdge(new Edge(cdc, topic)).withEdge(new Edge(topic, sink));
    }
    String yaml = PipelineFile.toYaml(big);
    byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
    final Pipeline pipeline = big;
    System.out.printf("1000-node pipeline: %d KiB, %d lines%n", bytes.length / 1024, yaml.lines().count());
    report("  parse (load from bytes)", 30, () -> PipelineFile.parse(bytes, "bench.yaml"));
    report("  toYaml", 30, () -> PipelineFile.toYaml(pipeline));

    String head = "apiVersion: pipewright/v1\nname: x\n";
    StringBuilder keys = new StringBuilder(head);
    for (int i = 0; keys.length() < PipelineFile.MAX_FILE_BYTES - 20; i++) {
      keys.append('k').append(i).append(": v\n");
    }
    refusal("hostile: 8 MiB of tiny keys", keys.toString());
    refusal("hostile: 7 MiB on one line", head + "description: " + "x".repeat(7 << 20) + "\n");
    refusal("hostile: 7 MiB block scalar", head + "description: |\n" + ("  " + "x".repeat(78) + "\n").repeat(90_000));
    refusal("hostile: 10,000 nested brackets", head + "d: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
    StringBuilder lol = new StringBuilder(head).append("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 10; i++) {
      lol.append("a").append(i).append(": &a").append(i).append(" [").append(("*a" + (i - 1) + ", ").repeat(8))
          .append("*a").append(i - 1).append("]\n");
    }
    refusal("hostile: billion laughs", lol.toString());
  }

  interface Work {
    Object run() throws Exception;
  }

  /** Median wall and CPU time of the calling thread; on a shared machine the CPU time is the steadier figure. */
  private static void report(String label, int runs, Work w) throws Exception {
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long[] wall = new long[runs];
    long[] cpu = new long[runs];
    for (int i = 0; i < 5; i++) {
      w.run();
    }
    for (int i = 0; i < runs; i++) {
      long c0 = threads.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      w.run();
      wall[i] = System.nanoTime() - t0;
      cpu[i] = threads.getCurrentThreadCpuTime() - c0;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    System.out.printf("%-36s median %7.1f ms CPU, %7.1f ms wall%n", label, cpu[runs / 2] / 1e6, wall[runs / 2] / 1e6);
  }

  private static void refusal(String label, String doc) throws Exception {
    byte[] b = doc.getBytes(StandardCharsets.UTF_8);
    report(label, 5, () -> {
      try {
        PipelineFile.parse(b, "hostile.yaml");
        throw new AssertionError(label + " was accepted");
      } catch (PipelineFileException e) {
        return e;
      }
    });
  }
}
