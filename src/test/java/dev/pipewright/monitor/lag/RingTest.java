package dev.pipewright.monitor.lag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The estimator's sample table against the rules written out plainly on a list: random runs of
 * adds (flat runs, resets when the offset goes back, samples out of time order, evictions when
 * full) at small capacities, where the ring's wrap-around and the cached newest sample matter.
 */
class RingTest {
  /** The table's rules on a plain list of {offset, time}. */
  private static final class Reference {
    final int capacity;
    final List<long[]> samples = new ArrayList<>();

    Reference(int capacity) {
      this.capacity = capacity;
    }

    void add(long offset, long time, boolean compressFlatRuns) {
      int n = samples.size();
      if (n > 0) {
        long[] newest = samples.get(n - 1);
        if (time <= newest[1]) {
          return;
        }
        if (offset < newest[0]) {
          samples.clear();
        } else if (compressFlatRuns && n >= 2 && offset == newest[0] && offset == samples.get(n - 2)[0]) {
          newest[1] = time;
          return;
        }
      }
      if (samples.size() == capacity) {
        samples.remove(0);
      }
      samples.add(new long[] {offset, time});
    }
  }

  @Test
  void randomRunsOfAddsKeepTheSamplesThePlainRulesKeep() {
    Random random = new Random(20261122);
    for (int run = 0; run < 3_000; run++) {
      int capacity = 2 + random.nextInt(5);
      boolean compress = random.nextBoolean();
      TimeLagEstimator.Ring ring = new TimeLagEstimator.Ring(capacity);
      Reference reference = new Reference(capacity);
      long offset = random.nextInt(5);
      long time = 1_000;
      for (int step = 0; step < 60; step++) {
        int move = random.nextInt(10);
        // mostly forward or flat, sometimes back (a recreated topic), sometimes a stale time
        offset = move < 4 ? offset : move < 8 ? offset + random.nextInt(4) : Math.max(0, offset - random.nextInt(3));
        time = random.nextInt(8) == 0 ? time - random.nextInt(3) : time + 1 + random.nextInt(3);
        ring.add(offset, time, compress);
        reference.add(offset, time, compress);

        assertThat(ring.size()).as("size, run %d step %d", run, step).isEqualTo(reference.samples.size());
        for (int i = 0; i < ring.size(); i++) {
          assertThat(new long[] {ring.offset(i), ring.time(i)}).as("sample %d, run %d step %d", i, run, step)
              .containsExactly(reference.samples.get(i));
        }
        long probe = offset - 2 + random.nextInt(5);
        int expected = -1;
        for (int i = 0; i < reference.samples.size(); i++) {
          if (reference.samples.get(i)[0] <= probe) {
            expected = i;
          }
        }
        assertThat(ring.lastAtOrBelow(probe)).isEqualTo(expected);
      }
    }
  }
}
