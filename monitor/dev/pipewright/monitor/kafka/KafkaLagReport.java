package dev.pipewright.monitor.kafka;

import dev.pipewright.monitor.Health;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one poll of a Kafka cluster found: its health and the lag of every watched group.
 * Immutable; a failed poll has a RED health with the reason and no groups.
 *
 * @param requests the Admin requests the poll sent (from the client's own metrics)
 */
public record KafkaLagReport(Instant at, Health health, List<GroupLag> groups, long requests) {
  public KafkaLagReport {
    groups = List.copyOf(groups);
  }

  public Optional<GroupLag> group(String name) {
    return groups.stream().filter(g -> g.group().equals(name)).findFirst();
  }
}
