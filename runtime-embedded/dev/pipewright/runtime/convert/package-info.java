/** Converters of the local trial that write and read exactly what Kafka's JsonConverter does, for less CPU. */
package dev.pipewright.runtime.convert;
