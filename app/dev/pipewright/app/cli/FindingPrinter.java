package dev.pipewright.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipewright.model.Finding;
import dev.pipewright.model.Severity;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints findings for people ({@code file:line: severity rule: message / fix}) or as JSON for CI. */
final class FindingPrinter {
  /** The findings of one file. */
  record FileFindings(PipelineInput input, List<Finding> findings) {}

  private FindingPrinter() {}

  static void text(PrintWriter out, PipelineInput in, List<Finding> findings) {
    for (Finding f : findings) {
      int line = in.lineOfNode(f.node() != null ? f.node() : f.edge() != null ? f.edge().from() : null);
      String where = in.file() + (line > 0 ? ":" + line : "");
      out.printf("%s: %s %s: %s: %s%n", where, f.severity().name().toLowerCase(Locale.ROOT), f.ruleId(),
          f.where(), f.message());
      out.printf("    fix: %s%n", f.fix());
    }
    out.println(in.file() + ": " + summary(findings));
  }

  /** One line per finding, {@code FILE: node 'x' field 'y': message Fix: hint}, for commands that refuse. */
  static void brief(java.nio.file.Path file, List<Finding> findings, PrintWriter err) {
    for (Finding f : findings) {
      err.println(file + ": " + f.where() + ": " + f.message() + " Fix: " + f.fix());
    }
  }

  static String summary(List<Finding> findings) {
    long e = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    long w = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
    long i = findings.stream().filter(f -> f.severity() == Severity.INFO).count();
    return plural(e, "error") + ", " + plural(w, "warning") + (i > 0 ? ", " + plural(i, "note") : "");
  }

  static String totals(List<FileFindings> all) {
    return "total: " + summary(all.stream().flatMap(ff -> ff.findings().stream()).toList())
        + " in " + plural(all.size(), "file");
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  static void json(PrintWriter out, List<FileFindings> all) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ArrayNode files = mapper.createArrayNode();
    for (FileFindings ff : all) {
      ObjectNode file = files.addObject();
      file.put("file", ff.input().file().toString());
      file.put("pipeline", ff.input().pipeline().name());
      ArrayNode list = file.putArray("findings");
      for (Finding f : ff.findings()) {
        ObjectNode o = list.addObject();
        o.put("rule", f.ruleId());
        o.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
        if (f.node() != null) {
          o.put("node", f.node());
          int line = ff.input().lineOfNode(f.node());
          if (line > 0) {
            o.put("line", line);
          }
        }
        if (f.edge() != null) {
          o.putObject("edge").put("from", f.edge().from()).put("to", f.edge().to());
        }
        if (f.field() != null) {
          o.put("field", f.field());
        }
        o.put("message", f.message());
        o.put("fix", f.fix());
      }
    }
    ObjectNode root = mapper.createObjectNode();
    root.set("files", files);
    try {
      out.println(mapper.writeValueAsString(root));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
