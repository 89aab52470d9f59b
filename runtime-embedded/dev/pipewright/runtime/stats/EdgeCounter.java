package dev.pipewright.runtime.stats;

import dev.pipewright.model.Edge;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The live counter of one edge: a total, per-second buckets for the rate, and a small ring of the
 * last events. Events are kept as the raw Connect values and rendered to JSON only when a snapshot
 * is taken, so counting stays cheap on the hot path. Thread-safe.
 */
public final class EdgeCounter {
  /** Seconds the rate is averaged over. */
  static final int RATE_WINDOW_S = 5;

  private final Edge edge;
  private final Clock clock;
  private final int keep;
  private final AtomicLong total = new AtomicLong();
  private final long[] buckets = new long[RATE_WINDOW_S + 1];
  private final long[] bucketSecond = new long[RATE_WINDOW_S + 1];
  private final ArrayDeque<Raw> last = new ArrayDeque<>();

  private record Raw(Instant at, String topic, Object key, Object value) {}

  public EdgeCounter(Edge edge, Clock clock, int keep) {
    this.edge = edge;
    this.clock = clock;
    this.keep = keep;
  }

  public Edge edge() {
    return edge;
  }

  /** Counts one event; {@code key} and {@code value} are Connect values (a Debezium envelope). */
  public void record(String topic, Object key, Object value) {
    total.incrementAndGet();
    Instant now = clock.instant();
    long sec = now.getEpochSecond();
    synchronized (this) {
      int i = (int) (sec % buckets.length);
      if (bucketSecond[i] != sec) {
        bucketSecond[i] = sec;
        buckets[i] = 0;
      }
      buckets[i]++;
      if (keep > 0) {
        if (last.size() == keep) {
          last.removeFirst();
        }
        last.addLast(new Raw(now, topic, key, value));
      }
    }
  }

  public long total() {
    return total.get();
  }

  /** An immutable view; {@code render} turns a Connect value into compact JSON text. */
  public EdgeStats snapshot(Function<Object, String> render) {
    long now = clock.instant().getEpochSecond();
    long sum = 0;
    List<Raw> copy;
    synchronized (this) {
      for (int i = 0; i < buckets.length; i++) {
        // the current second is still filling up, so it is left out of the rate
        if (bucketSecond[i] < now && bucketSecond[i] >= now - RATE_WINDOW_S) {
          sum += buckets[i];
        }
      }
      copy = new ArrayList<>(last);
    }
    List<EdgeSample> samples = new ArrayList<>(copy.size());
    for (Raw r : copy) {
      String op = null;
      String before = null;
      String after = null;
      if (r.value() != null) {
        op = Fields.get(r.value(), "op") instanceof String o ? o : null;
        Object b = Fields.get(r.value(), "before");
        Object a = Fields.get(r.value(), "after");
        before = b == null ? null : render.apply(b);
        after = a == null ? null : render.apply(a);
      }
      samples.add(new EdgeSample(r.at(), r.topic(), r.key() == null ? null : render.apply(r.key()), op, before, after));
    }
    return new EdgeStats(edge, total.get(), sum / (double) RATE_WINDOW_S, samples);
  }
}
