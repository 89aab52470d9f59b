package dev.pipewright.app.connect;

import dev.pipewright.model.connect.TopicSpec;
import java.io.IOException;

/** Creates a topic unless it exists, the way {@code kafka-topics.sh --create --if-not-exists} does. */
public interface TopicCreator {
  /** True when the topic was created, false when it already existed. */
  boolean createIfMissing(TopicSpec topic) throws IOException;
}
