package dev.pipewright.model.io;

import java.util.List;

/** Field paths as people read them: {@code nodes[2].properties.port}. */
final class Paths {
  private Paths() {}

  static String join(List<String> parts) {
    StringBuilder sb = new StringBuilder();
    for (String p : parts) {
      append(sb, p);
    }
    return sb.toString();
  }

  static String child(String parent, String key) {
    StringBuilder sb = new StringBuilder(parent);
    append(sb, key);
    return sb.toString();
  }

  static String index(String parent, int i) {
    return parent + "[" + i + "]";
  }

  private static void append(StringBuilder sb, String part) {
    if (part.startsWith("[") || sb.length() == 0) {
      sb.append(part);
    } else {
      sb.append('.').append(part);
    }
  }
}
