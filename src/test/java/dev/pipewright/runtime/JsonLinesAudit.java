package dev.pipewright.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Reads a JSON-lines sink file written by the trial and counts change events that appear more than once. */
public final class JsonLinesAudit {
  private JsonLinesAudit() {}

  /** Extra copies of change events (same table, row id, operation, LSN and transaction). */
  public static long duplicates(Path jsonl) throws IOException {
    if (!Files.exists(jsonl)) {
      return 0;
    }
    ObjectMapper om = new ObjectMapper();
    Map<String, Integer> seen = new HashMap<>();
    try (var lines = Files.lines(jsonl)) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode p;
        try {
          p = om.readTree(line).path("payload");
        } catch (IOException e) {
          continue; // a line cut short by kill -9 before the flush
        }
        JsonNode row = p.path("after").isNull() || p.path("after").isMissingNode() ? p.path("before") : p.path("after");
        String id = p.path("source").path("table").asText() + "|" + row.path("id").asText() + "|"
            + p.path("op").asText() + "|" + p.path("source").path("lsn").asText() + "|"
            + p.path("source").path("txId").asText();
        seen.merge(id, 1, Integer::sum);
      }
    }
    return seen.values().stream().mapToLong(n -> n - 1).sum();
  }

  /** Lines in the file (0 when it does not exist yet). */
  public static long lines(Path f) {
    try (var s = Files.lines(f)) {
      return s.count();
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
