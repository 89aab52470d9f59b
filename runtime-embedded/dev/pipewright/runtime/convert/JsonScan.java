package dev.pipewright.runtime.convert;

/**
 * Finds where a JSON value ends in UTF-8 bytes without parsing it, so that a message can be cut
 * into its schema and payload. It only counts brackets outside strings; the parts are validated
 * when they are parsed.
 */
final class JsonScan {
  private JsonScan() {}

  /**
   * The index just after the JSON value starting at {@code from}, or -1 when it does not end
   * inside {@code b}.
   */
  static int endOfValue(byte[] b, int from) {
    if (from >= b.length) {
      return -1;
    }
    byte first = b[from];
    if (first == '"') {
      return endOfString(b, from);
    }
    if (first != '{' && first != '[') {
      int i = from;
      while (i < b.length && b[i] != ',' && b[i] != '}' && b[i] != ']' && b[i] != ' ' && b[i] != '\n'
          && b[i] != '\r' && b[i] != '\t') {
        i++;
      }
      return i == from ? -1 : i;
    }
    int depth = 0;
    int i = from;
    while (i < b.length) {
      byte c = b[i];
      if (c == '"') {
        i = endOfString(b, i);
        if (i < 0) {
          return -1;
        }
        continue;
      }
      if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
        if (depth == 0) {
          return i + 1;
        }
      }
      i++;
    }
    return -1;
  }

  private static int endOfString(byte[] b, int quote) {
    for (int i = quote + 1; i < b.length; i++) {
      if (b[i] == '\\') {
        i++;
      } else if (b[i] == '"') {
        return i + 1;
      }
    }
    return -1;
  }
}
