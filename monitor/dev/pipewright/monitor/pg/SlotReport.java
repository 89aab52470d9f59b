package dev.pipewright.monitor.pg;

import dev.pipewright.monitor.Health;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What one poll of a PostgreSQL server's replication slots found. Immutable. */
public record SlotReport(Instant at, Health health, List<SlotStatus> slots) {
  public SlotReport {
    slots = List.copyOf(slots);
  }

  public static SlotReport notConfigured(Instant at) {
    return new SlotReport(at, Health.NOT_CONFIGURED, List.of());
  }

  public Optional<SlotStatus> slot(String name) {
    return slots.stream().filter(s -> s.slotName().equals(name)).findFirst();
  }
}
