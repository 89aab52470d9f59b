package dev.pipewright.monitor.kafka;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.tools.consumer.group.ConsumerGroupCommand;

/**
 * Kafka's own {@code kafka-consumer-groups.sh --describe}, run in this JVM, its printed table
 * parsed: the reference our lag figures must equal.
 */
public final class ConsumerGroupsTool {
  private ConsumerGroupsTool() {}

  /** One row of the tool's table. {@code currentOffset} and {@code lag} are -1 where it prints "-". */
  public record Row(String group, String topic, int partition, long currentOffset, long logEndOffset, long lag) {}

  /** Runs {@code --describe} for {@code groups} and returns the parsed rows and the raw output. */
  public static synchronized Result describe(String bootstrap, Collection<String> groups) {
    List<String> args = new ArrayList<>(List.of("--bootstrap-server", bootstrap, "--describe"));
    for (String g : groups) {
      args.add("--group");
      args.add(g);
    }
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream original = System.out;
    Exit.setExitProcedure((code, msg) -> {
      throw new IllegalStateException("kafka-consumer-groups exited " + code + ": " + msg);
    });
    try (PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      ConsumerGroupCommand.main(args.toArray(String[]::new));
    } finally {
      System.setOut(original);
      Exit.resetExitProcedure();
    }
    String out = buf.toString(StandardCharsets.UTF_8);
    List<Row> rows = new ArrayList<>();
    for (String line : out.split("\n")) {
      String[] t = line.trim().split("\\s+");
      if (t.length >= 6 && groups.contains(t[0]) && t[2].matches("\\d+")) {
        rows.add(new Row(t[0], t[1], Integer.parseInt(t[2]), num(t[3]), num(t[4]), num(t[5])));
      }
    }
    return new Result(rows, out);
  }

  private static long num(String s) {
    return s.equals("-") ? -1 : Long.parseLong(s);
  }

  /** The parsed rows and what the tool printed. */
  public record Result(List<Row> rows, String output) {}
}
