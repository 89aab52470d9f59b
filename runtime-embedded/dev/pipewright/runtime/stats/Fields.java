package dev.pipewright.runtime.stats;

import java.util.Map;
import org.apache.kafka.connect.data.Struct;

/** Reads a field of a Connect value whether it came with a schema (a Struct) or without (a Map). */
final class Fields {
  private Fields() {}

  static Object get(Object value, String name) {
    if (value instanceof Struct s) {
      return s.schema().field(name) == null ? null : s.get(name);
    }
    if (value instanceof Map<?, ?> m) {
      return m.get(name);
    }
    return null;
  }
}
