package dev.pipewright.exporters.terraform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A strict parser for the HCL subset Terraform files are written in (blocks, attributes, strings
 * with interpolation, numbers, bools, lists, objects, references, function calls). No HCL parser
 * is available offline on Maven Central for this build (see docs/decisions/0071), so this one
 * rejects anything it does not understand: unterminated strings, unknown escapes, unbalanced
 * brackets, duplicate attributes or object keys. It records the blocks declared and the
 * references used so a test can check that only declared names are referenced.
 */
final class HclChecker {
  /** What a file declares and references. */
  record Result(Set<String> variables, Set<String> resources, Set<String> references, List<String> blocks) {}

  private final String src;
  private final String file;
  private final List<Tok> toks = new ArrayList<>();
  private int pos;
  private final Set<String> variables = new LinkedHashSet<>();
  private final Set<String> resources = new LinkedHashSet<>();
  private final Set<String> references = new LinkedHashSet<>();
  private final List<String> blocks = new ArrayList<>();

  private record Tok(String kind, String text, int line) {}

  private HclChecker(String file, String src) {
    this.file = file;
    this.src = src;
  }

  static Result parse(String file, String src) {
    HclChecker c = new HclChecker(file, src);
    c.lex();
    c.body(true);
    return new Result(c.variables, c.resources, c.references, c.blocks);
  }

  // ---- lexer --------------------------------------------------------------------------------

  private void lex() {
    int i = 0;
    int line = 1;
    while (i < src.length()) {
      char c = src.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (c == ' ' || c == '\t' || c == '\r') {
        i++;
      } else if (c == '#' || (c == '/' && i + 1 < src.length() && src.charAt(i + 1) == '/')) {
        while (i < src.length() && src.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '"') {
        int start = i;
        i = string(i + 1, line);
        toks.add(new Tok("str", src.substring(start, i), line));
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < src.length() && (Character.isLetterOrDigit(src.charAt(i)) || src.charAt(i) == '_'
            || src.charAt(i) == '-')) {
          i++;
        }
        toks.add(new Tok("id", src.substring(start, i), line));
      } else if (Character.isDigit(c) || (c == '-' && i + 1 < src.length() && Character.isDigit(src.charAt(i + 1)))) {
        int start = i++;
        while (i < src.length() && (Character.isDigit(src.charAt(i)) || src.charAt(i) == '.')) {
          i++;
        }
        toks.add(new Tok("num", src.substring(start, i), line));
      } else if ("{}[]()=,.".indexOf(c) >= 0) {
        toks.add(new Tok(String.valueOf(c), String.valueOf(c), line));
        i++;
      } else {
        throw fail(line, "unexpected character '" + c + "'");
      }
    }
    toks.add(new Tok("eof", "", line));
  }

  /** Scans a string body from {@code i}; returns the index after the closing quote. */
  private int string(int i, int line) {
    while (i < src.length()) {
      char c = src.charAt(i);
      if (c == '\n') {
        throw fail(line, "string not closed on its line");
      } else if (c == '\\') {
        char n = i + 1 < src.length() ? src.charAt(i + 1) : ' ';
        if ("\\\"ntr".indexOf(n) < 0) {
          throw fail(line, "unknown escape \\" + n);
        }
        i += 2;
      } else if (c == '"') {
        return i + 1;
      } else if ((c == '$' || c == '%') && i + 2 < src.length() && src.charAt(i + 1) == c && src.charAt(i + 2) == '{') {
        i += 3; // $${ and %%{ are literal text
      } else if (c == '$' && i + 1 < src.length() && src.charAt(i + 1) == '{') {
        int end = src.indexOf('}', i);
        if (end < 0) {
          throw fail(line, "interpolation not closed");
        }
        HclChecker inner = new HclChecker(file, src.substring(i + 2, end));
        inner.lex();
        inner.expr();
        inner.expect("eof");
        references.addAll(inner.references);
        i = end + 1;
      } else if (c == '%' && i + 1 < src.length() && src.charAt(i + 1) == '{') {
        throw fail(line, "template directives are not expected in generated files");
      } else {
        i++;
      }
    }
    throw fail(line, "string not closed");
  }

  // ---- parser -------------------------------------------------------------------------------

  private void body(boolean top) {
    Set<String> attrs = new HashSet<>();
    while (true) {
      Tok t = peek();
      if (t.kind.equals("eof") || t.kind.equals("}")) {
        if (top != t.kind.equals("eof")) {
          throw fail(t.line, top ? "unbalanced '}'" : "block not closed");
        }
        return;
      }
      Tok name = expect("id");
      if (peek().kind.equals("=")) {
        next();
        if (!attrs.add(name.text)) {
          throw fail(name.line, "attribute '" + name.text + "' given twice");
        }
        expr();
      } else {
        List<String> labels = new ArrayList<>();
        while (peek().kind.equals("str") || peek().kind.equals("id")) {
          String l = next().text;
          labels.add(l.startsWith("\"") ? l.substring(1, l.length() - 1) : l);
        }
        expect("{");
        String label = name.text + (labels.isEmpty() ? "" : " " + String.join(" ", labels));
        blocks.add(label);
        if (top && name.text.equals("variable") && labels.size() == 1) {
          if (!variables.add(labels.get(0))) {
            throw fail(name.line, "variable '" + labels.get(0) + "' declared twice");
          }
        }
        if (top && name.text.equals("resource") && labels.size() == 2) {
          if (!resources.add(labels.get(0) + "." + labels.get(1))) {
            throw fail(name.line, "resource " + labels + " declared twice");
          }
        }
        body(false);
        expect("}");
      }
    }
  }

  private void expr() {
    Tok t = next();
    switch (t.kind) {
      case "str", "num" -> { }
      case "[" -> {
        while (!peek().kind.equals("]")) {
          expr();
          if (!peek().kind.equals("]")) {
            expect(",");
          }
        }
        next();
      }
      case "{" -> {
        Set<String> keys = new HashSet<>();
        while (!peek().kind.equals("}")) {
          Tok k = next();
          if (!k.kind.equals("str") && !k.kind.equals("id")) {
            throw fail(k.line, "object key expected, got '" + k.text + "'");
          }
          if (!keys.add(k.text)) {
            throw fail(k.line, "object key " + k.text + " given twice");
          }
          expect("=");
          expr();
          if (peek().kind.equals(",")) {
            next();
          }
        }
        next();
      }
      case "id" -> {
        if (t.text.equals("true") || t.text.equals("false") || t.text.equals("null")) {
          return;
        }
        if (peek().kind.equals("(")) {
          next();
          while (!peek().kind.equals(")")) {
            expr();
            if (!peek().kind.equals(")")) {
              expect(",");
            }
          }
          next();
          return;
        }
        StringBuilder ref = new StringBuilder(t.text);
        while (peek().kind.equals(".")) {
          next();
          ref.append('.').append(expect("id").text);
        }
        references.add(ref.toString());
      }
      default -> throw fail(t.line, "expression expected, got '" + t.text + "'");
    }
  }

  private Tok peek() {
    return toks.get(pos);
  }

  private Tok next() {
    return toks.get(pos++);
  }

  private Tok expect(String kind) {
    Tok t = next();
    if (!t.kind.equals(kind)) {
      throw fail(t.line, "expected " + kind + ", got '" + t.text + "'");
    }
    return t;
  }

  private IllegalArgumentException fail(int line, String message) {
    return new IllegalArgumentException(file + ":" + line + ": " + message);
  }
}
