package dev.pipewright.monitor.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Where the time of a run of polls goes, from two snapshots of the same JVM (the bench runs the
 * broker in-process): the broker's own request timings for the two kinds of request a poll sends
 * (its {@code kafka.network:type=RequestMetrics} histograms: queue, handler, wait, send, total),
 * and the CPU time of each kind of thread (numbered threads summed under one name).
 */
final class PollAnatomy {
  private static final List<String> REQUESTS = List.of("ListOffsets", "OffsetFetch");
  private static final List<String> PARTS = List.of("RequestQueueTimeMs", "LocalTimeMs", "RemoteTimeMs",
      "ResponseQueueTimeMs", "ResponseSendTimeMs", "TotalTimeMs");
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Per request kind and part: how many requests the histogram has seen and their summed time. */
  private final Map<String, double[]> timings = new HashMap<>();
  private final Map<String, Long> cpuNanos = new HashMap<>();

  private PollAnatomy() {}

  static PollAnatomy now() {
    PollAnatomy a = new PollAnatomy();
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    for (String request : REQUESTS) {
      for (String part : PARTS) {
        try {
          ObjectName name = new ObjectName("kafka.network:type=RequestMetrics,name=" + part + ",request=" + request);
          double count = ((Number) server.getAttribute(name, "Count")).doubleValue();
          double mean = ((Number) server.getAttribute(name, "Mean")).doubleValue();
          a.timings.put(request + "/" + part, new double[] {count, count * mean});
        } catch (JMException e) {
          a.timings.put(request + "/" + part, new double[] {0, 0});
        }
      }
    }
    for (long id : THREADS.getAllThreadIds()) {
      ThreadInfo info = THREADS.getThreadInfo(id);
      long cpu = THREADS.getThreadCpuTime(id);
      if (info != null && cpu >= 0) {
        String kind = info.getThreadName().replaceAll("adminclient-\\d+", "adminclient").replaceAll("-\\d+$", "-N");
        a.cpuNanos.merge(kind, cpu, Long::sum);
      }
    }
    return a;
  }

  /** Prints the broker's mean timings per request and the CPU per poll of the busiest kinds of thread since {@code before}. */
  void printSince(PollAnatomy before, int polls) {
    for (String request : REQUESTS) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "broker %-11s mean ms:", request));
      for (String part : PARTS) {
        double[] b = before.timings.get(request + "/" + part);
        double[] a = timings.get(request + "/" + part);
        double n = a[0] - b[0];
        line.append(String.format(Locale.ROOT, " %s %.1f", part.replace("TimeMs", ""), n > 0 ? (a[1] - b[1]) / n : 0));
      }
      System.out.println(line);
    }
    cpuNanos.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.cpuNanos.getOrDefault(e.getKey(), 0L)))
        .sorted((x, y) -> Long.compare(y.getValue(), x.getValue()))
        .limit(6)
        .forEach(e -> System.out.printf(Locale.ROOT, "CPU per poll %6.2f ms  %s%n", e.getValue() / 1e6 / polls, e.getKey()));
  }
}
