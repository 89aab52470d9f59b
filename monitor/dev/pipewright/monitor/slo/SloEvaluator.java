package dev.pipewright.monitor.slo;

import dev.pipewright.model.Durations;
import dev.pipewright.model.Slo;
import dev.pipewright.model.SloKind;
import dev.pipewright.monitor.Bytes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates the pipeline's SLOs from a stream of observations: each observation's value is good
 * or bad against the threshold, the time since the previous observation counts as good or bad
 * time, and from that come the error budget over the SLO window and the multi-window burn-rate
 * alerts of {@link BurnPolicy}. Memory per SLO is bounded (time is kept in at most
 * {@value #MAX_BUCKETS} buckets). Not thread-safe: one poll thread owns it.
 */
public final class SloEvaluator {
  static final int MAX_BUCKETS = 43_200;
  /** A gap longer than this between observations counts as no data, not as good or bad time. */
  public static final Duration DEFAULT_MAX_GAP = Duration.ofMinutes(5);

  private final List<Tracked> tracked = new ArrayList<>();
  private final Duration maxGap;

  public SloEvaluator(List<Slo> slos) {
    this(slos, BurnPolicy.workbook(), DEFAULT_MAX_GAP);
  }

  public SloEvaluator(List<Slo> slos, BurnPolicy policy, Duration maxGap) {
    this.maxGap = maxGap;
    for (Slo slo : slos) {
      tracked.add(new Tracked(slo, policy));
    }
  }

  /** Whether {@code value} meets {@code slo}: at or below the threshold, or running (1) for connectors. */
  public static boolean good(Slo slo, double value) {
    if (slo.kind() == SloKind.CONNECTOR_RUNNING) {
      return value >= 1.0;
    }
    return value <= slo.threshold();
  }

  /**
   * Records one observation per SLO, keyed by SLO name (a missing key or NaN means no data, e.g.
   * the cluster was unreachable), and returns every SLO's state at {@code now}.
   */
  public List<SloStatus> observe(Instant now, Map<String, Double> valuesBySlo) {
    List<SloStatus> out = new ArrayList<>(tracked.size());
    for (Tracked t : tracked) {
      Double v = valuesBySlo.get(t.slo.name());
      out.add(t.observe(now, v == null ? Double.NaN : v, maxGap));
    }
    return List.copyOf(out);
  }

  /** The state and history of one SLO. */
  private static final class Tracked {
    final Slo slo;
    final List<BurnRule> rules;
    final Timeline timeline;
    final Map<String, Instant> firingSince = new HashMap<>();
    Instant last;

    Tracked(Slo slo, BurnPolicy policy) {
      this.slo = slo;
      long bucketMs = Math.max(1000, slo.window().toMillis() / MAX_BUCKETS);
      this.timeline = new Timeline(bucketMs, (int) Math.min(MAX_BUCKETS + 1, slo.window().toMillis() / bucketMs + 1));
      this.rules = policy.forWindow(slo.window(), Duration.ofMillis(bucketMs));
    }

    SloStatus observe(Instant now, double value, Duration maxGap) {
      boolean known = !Double.isNaN(value);
      boolean good = known && good(slo, value);
      long nowMs = now.toEpochMilli();
      if (known && last != null && now.isAfter(last) && Duration.between(last, now).compareTo(maxGap) <= 0) {
        timeline.add(last.toEpochMilli(), nowMs, !good);
      }
      if (last == null || now.isAfter(last)) {
        last = now;
      }
      long[] window = timeline.sum(nowMs - slo.window().toMillis(), nowMs);
      double budget = slo.errorBudget();
      double windowMs = slo.window().toMillis();
      double compliance = window[0] + window[1] == 0 ? Double.NaN : (double) window[0] / (window[0] + window[1]);
      double consumed = budget <= 0 ? (window[1] > 0 ? Double.POSITIVE_INFINITY : 0) : window[1] / (budget * windowMs);

      Map<String, Double> burns = new LinkedHashMap<>();
      List<BurnAlert> alerts = new ArrayList<>();
      for (BurnRule r : rules) {
        double longBurn = burn(nowMs, r.longWindow(), budget);
        double shortBurn = burn(nowMs, r.shortWindow(), budget);
        burns.put(Durations.format(r.longWindow()), longBurn);
        burns.put(Durations.format(r.shortWindow()), shortBurn);
        if (longBurn >= r.factor() && shortBurn >= r.factor()) {
          Instant since = firingSince.computeIfAbsent(r.name(), k -> now);
          alerts.add(new BurnAlert(slo.name(), r.severity(), r.name(), since, longBurn, shortBurn, r.factor(),
              describe(value, known, longBurn, shortBurn, r)));
        } else {
          firingSince.remove(r.name());
        }
      }
      SloStatus.State state = !known ? SloStatus.State.NO_DATA : good ? SloStatus.State.MET : SloStatus.State.BREACHED;
      return new SloStatus(slo, now, value, state, compliance, consumed, burns, alerts);
    }

    private double burn(long nowMs, Duration w, double budget) {
      long[] s = timeline.sum(nowMs - w.toMillis(), nowMs);
      if (s[0] + s[1] == 0) {
        return 0.0;
      }
      double badShare = (double) s[1] / (s[0] + s[1]);
      if (budget <= 0) {
        return badShare > 0 ? Double.POSITIVE_INFINITY : 0.0;
      }
      return badShare / budget;
    }

    private String describe(double value, boolean known, double longBurn, double shortBurn, BurnRule r) {
      String unit = slo.kind().unit();
      String what = switch (slo.kind()) {
        case FRESHNESS -> "freshness p" + slo.percentile() + " of " + slo.target();
        case LAG_MESSAGES -> "consumer lag of " + slo.target();
        case LAG_SECONDS -> "consumer lag in seconds of " + slo.target();
        case SLOT_WAL_BYTES -> "WAL retained by the slot of " + slo.target();
        case CONNECTOR_RUNNING -> "connector " + slo.target();
      };
      String now;
      if (!known) {
        now = "no data now";
      } else if (slo.kind() == SloKind.CONNECTOR_RUNNING) {
        now = value >= 1.0 ? "running now" : "not running";
      } else if (slo.kind() == SloKind.SLOT_WAL_BYTES) {
        now = Bytes.human((long) value) + " now vs threshold " + Bytes.human((long) slo.threshold());
      } else {
        now = String.format(Locale.ROOT, "%s %s now vs threshold %s %s", num(value), unit, num(slo.threshold()), unit).trim();
      }
      return String.format(Locale.ROOT, "%s (%s): %s; %s budget burn %.1fx over %s and %.1fx over %s (alert at %.1fx)",
          slo.name(), what, now, r.name(), longBurn, Durations.format(r.longWindow()), shortBurn,
          Durations.format(r.shortWindow()), r.factor());
    }

    private static String num(double v) {
      return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
  }

  /** Good and bad milliseconds in fixed-size time buckets, kept in a ring that covers the SLO window. */
  static final class Timeline {
    private final long bucketMs;
    private final long[] bucketOf;
    private final long[] goodMs;
    private final long[] badMs;

    Timeline(long bucketMs, int buckets) {
      this.bucketMs = bucketMs;
      this.bucketOf = new long[buckets];
      this.goodMs = new long[buckets];
      this.badMs = new long[buckets];
      java.util.Arrays.fill(bucketOf, Long.MIN_VALUE);
    }

    void add(long fromMs, long toMs, boolean bad) {
      long b = Math.floorDiv(fromMs, bucketMs);
      long oldest = Math.floorDiv(toMs, bucketMs) - bucketOf.length + 1;
      for (long cursor = fromMs; cursor < toMs; b++) {
        long end = Math.min(toMs, (b + 1) * bucketMs);
        if (b >= oldest) {
          int slot = (int) Math.floorMod(b, (long) bucketOf.length);
          if (bucketOf[slot] != b) {
            bucketOf[slot] = b;
            goodMs[slot] = 0;
            badMs[slot] = 0;
          }
          if (bad) {
            badMs[slot] += end - cursor;
          } else {
            goodMs[slot] += end - cursor;
          }
        }
        cursor = end;
      }
    }

    /** {good ms, bad ms} in the buckets that start at or after {@code fromMs} and before {@code toMs}. */
    long[] sum(long fromMs, long toMs) {
      long first = Math.max(Math.floorDiv(fromMs + bucketMs - 1, bucketMs), Math.floorDiv(toMs, bucketMs) - bucketOf.length + 1);
      long lastBucket = Math.floorDiv(toMs - 1, bucketMs);
      long good = 0;
      long bad = 0;
      for (long b = first; b <= lastBucket; b++) {
        int slot = (int) Math.floorMod(b, (long) bucketOf.length);
        if (bucketOf[slot] == b) {
          good += goodMs[slot];
          bad += badMs[slot];
        }
      }
      return new long[] {good, bad};
    }
  }
}
