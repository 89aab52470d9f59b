package dev.pipewright.monitor.lag;

import java.time.Duration;
import java.time.Instant;
import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Burrow's consumer-lag evaluation: per partition a window of the last {@code windowSize}
 * commits, judged by Burrow's rules (see {@link #evaluate}). The commits come from Kafka's commit
 * log when the monitor may read it ({@link #add(Window, Commit)}, {@link #seedAndJudge}; docs/decisions/0135);
 * otherwise it keeps those windows from polled offsets: a poll adds a commit only when the offset
 * moved, because the Admin API does not say when a group last committed (0081), so a group that
 * keeps committing the same offset looks like one that stopped. Not thread-safe: one poll thread
 * owns it.
 */
public final class BurrowEvaluator {
  /** Burrow's default number of commits per window ({@code intervals}). */
  public static final int DEFAULT_WINDOW = 10;
  /**
   * How far back a log end at or below the newest committed offset spares a partition STOP:
   * Burrow keeps its {@code intervals} (10) last log ends, read every {@code offset-refresh}
   * (10 s by default).
   */
  public static final Duration RECENTLY_CAUGHT_UP = Duration.ofSeconds(100);
  /** For {@code caughtUpAtMs}: the log end was never seen at or below the committed offset. */
  public static final long NEVER_CAUGHT_UP = Long.MIN_VALUE;

  private final int windowSize;
  private final Duration singleCommitWindow;
  private final Map<Key, Window> windows = new HashMap<>();

  /**
   * @param singleCommitWindow how long a partition with only one commit seen may go without
   *     another before it counts as STOP (Burrow needs two commits to know the window's span)
   */
  public BurrowEvaluator(int windowSize, Duration singleCommitWindow) {
    if (windowSize < 2) {
      throw new IllegalArgumentException("a Burrow window needs at least 2 commits, got " + windowSize);
    }
    this.windowSize = windowSize;
    this.singleCommitWindow = singleCommitWindow;
  }

  /** Keys a window by group and partition. */
  private record Key(String group, String topic, int partition) {}

  /** Adds a commit to the window of the partition, dropping the oldest when the window is full. */
  public void add(String group, String topic, int partition, Commit commit) {
    windows.computeIfAbsent(new Key(group, topic, partition), k -> newWindow()).add(commit);
  }

  /**
   * Records what a poll saw: a commit is added only when the offset differs from the newest one in
   * the window (or the window is empty), otherwise only the newest commit's lag is refreshed.
   */
  public void observe(String group, String topic, int partition, long offset, long lag, Instant at) {
    Window w = windows.get(new Key(group, topic, partition));
    if (w != null && w.size > 0 && w.last().offset() == offset) {
      return;
    }
    add(group, topic, partition, new Commit(offset, lag, at));
  }

  /**
   * {@link #observe} then {@link #status} with one look-up and no copy of the window: the poll
   * loop's fast path.
   */
  public PartitionStatus observeAndJudge(String group, String topic, int partition, long offset, long lag, Instant at) {
    return observeAndJudge(windows.computeIfAbsent(new Key(group, topic, partition), k -> newWindow()), offset, lag,
        at);
  }

  /**
   * As {@link #observeAndJudge(String, String, int, long, long, Instant)} on a window the caller
   * keeps in its own per-partition state (no look-up at all); {@link #retainGroups} never sees it.
   */
  public PartitionStatus observeAndJudge(Window w, long offset, long lag, Instant at) {
    return observeAndJudge(w, offset, lag, at, NEVER_CAUGHT_UP);
  }

  /**
   * As {@link #observeAndJudge(Window, long, long, Instant)}, given when the partition's log end
   * was last seen at or below {@code offset} (see {@link #evaluate(List, long, Instant, Duration, long)}).
   */
  public PartitionStatus observeAndJudge(Window w, long offset, long lag, Instant at, long caughtUpAtMs) {
    if (w.size == 0 || w.last().offset() != offset) {
      w.add(new Commit(offset, lag, at));
    }
    return lag <= 0 ? PartitionStatus.OK : evaluate(w.view, lag, at, singleCommitWindow, caughtUpAtMs);
  }

  /**
   * Adds a commit (from the commit log) to a window the caller keeps. Polled offsets standing in
   * for commits the log had not shown yet ({@link #seedAndJudge}) give way to the real commits:
   * their poll times are later than the commits', and kept they would make the window wrong.
   */
  public void add(Window w, Commit commit) {
    w.dropStandIns();
    w.add(commit);
  }

  /** A new, empty window of this evaluator's size, for a caller that keeps its own windows. */
  public Window newWindow() {
    return new Window(windowSize);
  }

  /**
   * The status of a partition whose commits are {@link #add(Window, Commit) added} from the commit
   * log as the group makes them. Equal offsets in the window are real commits and mean STALL. The
   * polled offset is added, at the poll's time, only as a stand-in for commits the log has not
   * shown yet: in an empty window (a group that has not committed since the monitor started), or
   * when it is beyond the window's newest offset (the log is a moment behind the group, so judging
   * by its newest commit would call a moving group STOP; docs/decisions/0138). Stand-ins pile up as
   * the polled-only mode's entries do, so a log that goes quiet without failing is judged as polls
   * are. A polled offset at or below the newest one adds nothing: the log read a commit the
   * group's answer did not show yet (an open transaction, or the coordinator a moment behind its
   * log), or the group went back, which the log will show.
   */
  public PartitionStatus seedAndJudge(Window w, long offset, long lag, Instant at) {
    return seedAndJudge(w, offset, lag, at, NEVER_CAUGHT_UP);
  }

  /**
   * As {@link #seedAndJudge(Window, long, long, Instant)}, given when the partition's log end was
   * last seen at or below {@code offset} (see {@link #evaluate(List, long, Instant, Duration, long)}).
   */
  public PartitionStatus seedAndJudge(Window w, long offset, long lag, Instant at, long caughtUpAtMs) {
    if (w.size == 0 || offset > w.last().offset()) {
      w.add(new Commit(offset, lag, at));
      w.standIns = Math.min(w.standIns + 1, w.size); // a full ring drops its oldest, stand-in or not
    }
    return lag <= 0 ? PartitionStatus.OK : evaluate(w.view, lag, at, singleCommitWindow, caughtUpAtMs);
  }

  /** The status of one partition at {@code now}, given its current lag. */
  public PartitionStatus status(String group, String topic, int partition, long currentLag, Instant now) {
    Window w = windows.get(new Key(group, topic, partition));
    return evaluate(w == null ? List.of() : List.copyOf(w.view), currentLag, now, singleCommitWindow);
  }

  /**
   * One partition's last commits, oldest first, in a ring that drops the oldest when full. Judged in
   * place through a list view: no copy per poll.
   */
  public static final class Window {
    private final Commit[] ring;
    private int start;
    private int size;
    /** How many of its newest entries are polled offsets standing in for commits (see {@link #seedAndJudge}). */
    private int standIns;
    private final List<Commit> view = new AbstractList<>() {
      @Override
      public Commit get(int i) {
        Objects.checkIndex(i, size);
        return ring[(start + i) % ring.length];
      }

      @Override
      public int size() {
        return size;
      }
    };

    private Window(int capacity) {
      ring = new Commit[capacity];
    }

    private Commit last() {
      return ring[(start + size - 1) % ring.length];
    }

    private void dropStandIns() {
      size -= standIns;
      standIns = 0;
    }

    private void add(Commit c) {
      if (size == ring.length) {
        start = (start + 1) % ring.length;
        size--;
      }
      ring[(start + size) % ring.length] = c;
      size++;
    }
  }

  /** Forgets windows of groups not in {@code liveGroups}. */
  public void retainGroups(Set<String> liveGroups) {
    windows.keySet().removeIf(k -> !liveGroups.contains(k.group()));
  }

  /**
   * Burrow's rules (its {@code calculatePartitionStatus}), in its order:
   * <ol>
   *   <li>current lag 0: OK;
   *   <li>now (in whole seconds, as Burrow takes it) minus the newest commit longer than the
   *       window's span (newest minus oldest commit): STOP, even if the lag was 0 earlier in the
   *       window, unless the log end was at or below the newest commit lately (see
   *       {@link #evaluate(List, long, Instant, Duration, long)});
   *   <li>any commit in the window with lag 0: OK;
   *   <li>an offset lower than the one before it: REWIND;
   *   <li>every offset equal: STALL;
   *   <li>the lag never decreases from one commit to the next: WARN;
   *   <li>otherwise OK.
   * </ol>
   * An empty window is OK (nothing to judge). A window of one commit has no span, so STOP uses
   * {@code singleCommitWindow} instead and the other rules need a second commit.
   */
  public static PartitionStatus evaluate(List<Commit> window, long currentLag, Instant now,
      Duration singleCommitWindow) {
    return evaluate(window, currentLag, now, singleCommitWindow, NEVER_CAUGHT_UP);
  }

  /**
   * As {@link #evaluate(List, long, Instant, Duration)}, with Burrow's exception to STOP: a
   * partition whose log end was at or below the newest committed offset at {@code caughtUpAtMs},
   * within {@link #RECENTLY_CAUGHT_UP} of now, had no lag a moment ago. A consumer that commits
   * only when it has read something (a Connect sink) is then idle, not stopped, when a burst
   * arrives after a quiet spell longer than its window's span (docs/decisions/0139).
   */
  public static PartitionStatus evaluate(List<Commit> window, long currentLag, Instant now,
      Duration singleCommitWindow, long caughtUpAtMs) {
    if (currentLag <= 0 || window.isEmpty()) {
      return PartitionStatus.OK;
    }
    Commit first = window.get(0);
    Commit last = window.get(window.size() - 1);
    // Burrow takes "now" in whole seconds (time.Now().Unix() * 1000) against commit times in
    // milliseconds: a silence is STOP only once it is longer than the span by the second's rest,
    // so the jitter of a poll or a commit is not a stopped consumer (docs/decisions/0138)
    long sinceLastMs = now.getEpochSecond() * 1000 - last.at().toEpochMilli();
    long spanMs = window.size() == 1 ? singleCommitWindow.toMillis() : last.at().toEpochMilli() - first.at().toEpochMilli();
    if (sinceLastMs > spanMs && caughtUpAtMs < now.toEpochMilli() - RECENTLY_CAUGHT_UP.toMillis()) {
      return PartitionStatus.STOP;
    }
    if (window.size() == 1) {
      return PartitionStatus.OK;
    }
    for (Commit c : window) {
      if (c.lag() == 0) {
        return PartitionStatus.OK;
      }
    }
    boolean allEqual = true;
    boolean lagNeverDecreases = true;
    for (int i = 1; i < window.size(); i++) {
      Commit prev = window.get(i - 1);
      Commit cur = window.get(i);
      if (cur.offset() < prev.offset()) {
        return PartitionStatus.REWIND;
      }
      allEqual &= cur.offset() == first.offset();
      lagNeverDecreases &= cur.lag() >= prev.lag();
    }
    if (allEqual) {
      return PartitionStatus.STALL;
    }
    return lagNeverDecreases ? PartitionStatus.WARN : PartitionStatus.OK;
  }
}
