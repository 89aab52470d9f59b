/**
 * Local trials: embedded PostgreSQL, embedded Kafka, Debezium's embedded engine and real sink tasks.
 */
package dev.pipewright.runtime;
