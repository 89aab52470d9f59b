package dev.pipewright.monitor.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.tools.consumer.group.ConsumerGroupCommandOptions;

/**
 * Kafka's {@code kafka-consumer-groups --describe} the way the script runs it, minus the JVM
 * start: its own {@code ConsumerGroupService} (which holds the tool's Admin client) built from the
 * same options, and {@code describeGroups()}, which fetches and prints the table. The service is
 * package-private in Kafka, hence reflection; creation (the Admin client) and the describe can be
 * timed separately. What the tool prints is captured in memory.
 */
final class ToolService implements AutoCloseable {
  private static final Constructor<?> CTOR;
  private static final Method DESCRIBE;
  private static final Method CLOSE;

  static {
    try {
      Class<?> c = Class.forName("org.apache.kafka.tools.consumer.group.ConsumerGroupCommand$ConsumerGroupService");
      CTOR = c.getDeclaredConstructor(ConsumerGroupCommandOptions.class, Map.class);
      CTOR.setAccessible(true);
      DESCRIBE = c.getDeclaredMethod("describeGroups");
      DESCRIBE.setAccessible(true);
      CLOSE = c.getMethod("close");
      CLOSE.setAccessible(true);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Object service;

  ToolService(String bootstrap, Collection<String> groups) throws Exception {
    List<String> args = new ArrayList<>(List.of("--bootstrap-server", bootstrap, "--describe"));
    for (String g : groups) {
      args.add("--group");
      args.add(g);
    }
    service = CTOR.newInstance(ConsumerGroupCommandOptions.fromArgs(args.toArray(String[]::new)), Map.of());
  }

  /** Runs the describe once; returns what it printed (stdout and stderr). */
  synchronized String describe() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream(1 << 20);
    PrintStream original = System.out;
    PrintStream originalErr = System.err;
    // the tool prints its table to stdout and "has no active members" notes to stderr
    try (PrintStream capture = new PrintStream(printed, false, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      System.setErr(capture);
      DESCRIBE.invoke(service);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception ex ? ex : e;
    } finally {
      System.setOut(original);
      System.setErr(originalErr);
    }
    return printed.toString(StandardCharsets.UTF_8);
  }

  /** Table rows in {@code printed} whose first column starts with {@code groupPrefix}. */
  static long rows(String printed, String groupPrefix) {
    return printed.lines().filter(l -> l.startsWith(groupPrefix)).count();
  }

  @Override
  public void close() throws Exception {
    CLOSE.invoke(service);
  }
}
