/**
 * Collectors (lag in messages and seconds, slot WAL, connector status, freshness) and SLO evaluation, for the local trial and any real cluster. No JavaFX.
 */
package dev.pipewright.monitor;
