package dev.pipewright.exporters.terraform;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.VariableTree;
import dev.pipewright.exporters.ExportedFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code .tf} files of one Terraform export as the hcl4j parser reads them (decision 0101):
 * the declared variables, the resources, and every problem a reviewer would reject: a file that
 * does not parse, a {@code var.X} that no {@code variable} block declares, a reference to an
 * undeclared resource, a declared variable nobody uses.
 *
 * <p>Each file is parsed twice. The first pass collects the {@code variable} blocks. The second
 * binds every declared variable to a marker value ({@link #marker}), so hcl4j resolves each
 * declared reference, bare or interpolated, to its marker, while an undeclared one stays what the
 * parser leaves unresolved: a {@link VariableTree} for a bare reference, the text
 * {@code var.NAME} for an interpolated one.
 */
final class TerraformModule {
  /** A declared {@code variable} block. */
  record Variable(String name, boolean sensitive, String file) {}

  private static final Pattern MARKER = Pattern.compile("\u00ABvar:([A-Za-z0-9_-]+)\u00BB");
  // hcl4j writes an unresolved interpolation as its plain text; an escaped "$${...}" stays escaped.
  private static final Pattern UNRESOLVED_VAR = Pattern.compile("(?<!\\$\\$\\{)\\bvar\\.([A-Za-z_][A-Za-z0-9_-]*)");

  final Map<String, Variable> variables = new LinkedHashMap<>();
  /** type -> name -> body, with declared variables resolved to their markers. */
  final Map<String, Map<String, Map<String, Object>>> resources = new LinkedHashMap<>();
  /** file -> parsed top level, with declared variables resolved to their markers. */
  final Map<String, Map<String, Object>> files = new LinkedHashMap<>();
  final List<String> problems = new ArrayList<>();

  static String marker(String variable) {
    return "\u00ABvar:" + variable + "\u00BB";
  }

  /** The variables whose markers occur in a parsed value (a string, list or map). */
  static Set<String> variablesIn(Object value) {
    Set<String> out = new LinkedHashSet<>();
    walk(value, "", (path, leaf) -> {
      if (leaf instanceof String s) {
        Matcher m = MARKER.matcher(s);
        while (m.find()) {
          out.add(m.group(1));
        }
      }
    });
    return out;
  }

  static TerraformModule parse(List<ExportedFile> exported) {
    TerraformModule module = new TerraformModule();
    List<ExportedFile> tf = exported.stream().filter(f -> f.path().endsWith(".tf")).toList();
    for (ExportedFile f : tf) {
      Map<String, Object> plain = module.parseFile(f, Map.of());
      if (plain != null && plain.get("variable") instanceof Map<?, ?> vars) {
        vars.forEach((name, body) -> {
          boolean sensitive = body instanceof Map<?, ?> b && Boolean.TRUE.equals(b.get("sensitive"));
          Variable previous = module.variables.put((String) name, new Variable((String) name, sensitive, f.path()));
          if (previous != null) {
            module.problems.add(f.path() + ": variable '" + name + "' is declared twice (also in " + previous.file() + ")");
          }
        });
      }
    }
    Map<String, Object> bindings = new LinkedHashMap<>();
    module.variables.keySet().forEach(v -> bindings.put(v, marker(v)));
    for (ExportedFile f : tf) {
      Map<String, Object> bound = module.parseFile(f, bindings);
      if (bound == null) {
        continue;
      }
      module.files.put(f.path(), bound);
      if (bound.get("resource") instanceof Map<?, ?> byType) {
        byType.forEach((type, byName) -> ((Map<?, ?>) byName).forEach((name, body) -> {
          @SuppressWarnings("unchecked")
          Map<String, Object> b = (Map<String, Object>) body;
          Map<String, Object> previous = module.resources.computeIfAbsent((String) type, t -> new LinkedHashMap<>())
              .put((String) name, b);
          if (previous != null) {
            module.problems.add(f.path() + ": resource " + type + "." + name + " is declared twice");
          }
        }));
      }
    }
    module.checkReferences();
    return module;
  }

  private Map<String, Object> parseFile(ExportedFile f, Map<String, Object> bindings) {
    HCLParser parser = new HCLParser();
    bindings.forEach(parser::setVariable);
    try {
      Map<String, Object> parsed = parser.parse(f.content());
      if (parsed.isEmpty()) {
        // hcl4j returns nothing for a block that is never closed; every exported file declares something.
        problems.add(f.path() + ": the HCL parser found no blocks (an unclosed block?)");
        return null;
      }
      return parsed;
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      problems.add(f.path() + ": does not parse as HCL: " + cause.getMessage());
      return null;
    }
  }

  private void checkReferences() {
    Set<String> used = new LinkedHashSet<>();
    files.forEach((file, top) -> walk(top, "", (path, leaf) -> {
      if (leaf instanceof VariableTree ref) {
        String name = ref.getName();
        String[] parts = name.split("\\.");
        if (parts[0].equals("var")) {
          problems.add(file + ": " + path + " refers to var." + parts[1] + ", which no variable block declares");
        } else if (parts.length < 2 || !resources.getOrDefault(parts[0], Map.of()).containsKey(parts[1])) {
          problems.add(file + ": " + path + " refers to " + name + ", which is not a declared resource");
        }
      } else if (leaf instanceof String s) {
        Matcher m = UNRESOLVED_VAR.matcher(s);
        while (m.find()) {
          problems.add(file + ": " + path + " interpolates var." + m.group(1) + ", which no variable block declares");
        }
        Matcher declared = MARKER.matcher(s);
        while (declared.find()) {
          used.add(declared.group(1));
        }
      }
    }));
    variables.keySet().stream().filter(v -> !used.contains(v))
        .forEach(v -> problems.add(variables.get(v).file() + ": variable '" + v + "' is declared but never used"));
  }

  /** Visits every leaf of a parsed value with a readable path such as {@code resource.kafka_topic.x.name}. */
  static void walk(Object value, String path, BiConsumer<String, Object> leaf) {
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> walk(v, path.isEmpty() ? String.valueOf(k) : path + "." + k, leaf));
    } else if (value instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        walk(l.get(i), path + "[" + i + "]", leaf);
      }
    } else {
      leaf.accept(path, value);
    }
  }
}
