package dev.pipewright.runtime.capture;

/**
 * Asked once per run before a capture sends its first record to a topic; returns once the topic
 * takes records in the order they are sent. Kafka before 4.5 can keep a second request to a
 * partition whose leader is still applying the topic and lose the first (docs/decisions/0137).
 */
@FunctionalInterface
public interface TopicGate {
  /** Waits for nothing: for callers that made their topics ready, or that measure the capture alone. */
  TopicGate OPEN = topic -> { };

  /**
   * @throws Exception when the topic cannot be made ready (the capture stops with the reason)
   */
  void ready(String topic) throws Exception;
}
