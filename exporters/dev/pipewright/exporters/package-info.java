/**
 * Model to Kafka Connect JSON, Terraform, Strimzi and Debezium Server files. Plain Java; no JavaFX, no Kafka clients.
 */
package dev.pipewright.exporters;
