package dev.pipewright.runtime.stats;

import java.time.Instant;

/**
 * One change event that crossed an edge: when, on which topic, its key, the operation
 * ({@code c} create, {@code u} update, {@code d} delete, {@code r} snapshot read) and the row
 * before and after, as compact JSON text ({@code null} when absent).
 */
public record EdgeSample(Instant at, String topic, String key, String op, String before, String after) {}
