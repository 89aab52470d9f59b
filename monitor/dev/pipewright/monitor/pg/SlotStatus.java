package dev.pipewright.monitor.pg;

import dev.pipewright.monitor.Health;
import java.time.Duration;

/**
 * One replication slot at one poll.
 *
 * @param walStatus PostgreSQL's {@code wal_status}: reserved, extended, unreserved or lost
 * @param safeWalSize bytes that can still be written before the slot is in danger of losing WAL;
 *     -1 when PostgreSQL reports none ({@code max_slot_wal_keep_size} unlimited)
 * @param retainedBytes WAL the slot holds back: {@code pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)}
 * @param growthBytesPerSecond change of {@code retainedBytes} since the previous poll; NaN on the first
 * @param timeToUnsafe at the current growth, when {@code safeWalSize} runs out; null when not growing or unlimited
 */
public record SlotStatus(
    String slotName,
    String plugin,
    String database,
    boolean active,
    String walStatus,
    long safeWalSize,
    long retainedBytes,
    long unconfirmedBytes,
    double growthBytesPerSecond,
    Duration timeToUnsafe,
    Health health) {}
