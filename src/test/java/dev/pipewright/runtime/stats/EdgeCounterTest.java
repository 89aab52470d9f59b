package dev.pipewright.runtime.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.model.Edge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

/** Edge counters: totals, a rate over whole seconds and the last events with their operation and rows. */
class EdgeCounterTest {
  private static final Schema ROW = SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).build();
  private static final Schema ENVELOPE = SchemaBuilder.struct().name("shop.public.orders.Envelope")
      .field("before", SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).optional().build())
      .field("after", SchemaBuilder.struct().field("id", Schema.INT32_SCHEMA).optional().build())
      .field("op", Schema.STRING_SCHEMA).build();

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static Struct update(int id) {
    Struct before = new Struct(ENVELOPE.field("before").schema()).put("id", id);
    Struct after = new Struct(ENVELOPE.field("after").schema()).put("id", id);
    return new Struct(ENVELOPE).put("before", before).put("after", after).put("op", "u");
  }

  @Test
  void rateCountsTheLastFiveCompleteSeconds() {
    ManualClock clock = new ManualClock();
    EdgeCounter c = new EdgeCounter(new Edge("a", "b"), clock, 3);
    for (int s = 0; s < 5; s++) {
      for (int i = 0; i < 10; i++) {
        c.record("t", null, null);
      }
      clock.now = clock.now.plus(Duration.ofSeconds(1));
    }
    c.record("t", null, null); // the current second is still filling and is left out

    EdgeStats stats = c.snapshot(Object::toString);

    assertThat(stats.total()).isEqualTo(51);
    assertThat(stats.ratePerSecond()).isEqualTo(10.0);
  }

  @Test
  void keepsOnlyTheLastEventsWithOperationAndRows() {
    ManualClock clock = new ManualClock();
    EdgeCounter c = new EdgeCounter(new Edge("a", "b"), clock, 2);
    TrialStats renderer = new TrialStats(dev.pipewright.model.Pipeline.empty("x"), clock, clock.now, (n, d) -> { });
    for (int id = 1; id <= 3; id++) {
      c.record("shop.public.orders", new Struct(ROW).put("id", id), update(id));
    }

    EdgeStats stats = c.snapshot(renderer::json);

    assertThat(stats.lastEvents()).hasSize(2);
    EdgeSample last = stats.lastEvents().get(1);
    assertThat(last.op()).isEqualTo("u");
    assertThat(last.key()).isEqualTo("{\"id\":3}");
    assertThat(last.after()).isEqualTo("{\"id\":3}");
    assertThat(last.before()).isEqualTo("{\"id\":3}");
  }

  @Test
  void sameEventDeliveredTwiceHasTheSameIdentityAndAnotherChangeDoesNot() {
    Map<String, Object> source = Map.of("lsn", 100L, "txId", 7L, "ts_ms", 1L);
    Map<String, Object> first = Map.of("op", "u", "source", source);
    Map<String, Object> other = Map.of("op", "u", "source", Map.of("lsn", 101L, "txId", 7L, "ts_ms", 1L));
    byte[] key = "{\"id\":1}".getBytes();

    assertThat(TrialStats.eventId("t", key, first)).isEqualTo(TrialStats.eventId("t", key, Map.copyOf(first)));
    assertThat(TrialStats.eventId("t", key, first)).isNotEqualTo(TrialStats.eventId("t", key, other));
  }
}
