package dev.pipewright.model.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The YAML document as a small tree whose every node and key knows its line and column, read in
 * one streaming pass so that the mapper can point at the exact place of each problem. Anything a
 * pipeline file must not contain (aliases, explicit tags, over-long values) is reported while
 * reading and replaced by {@link Invalid}, which the mapper skips silently.
 */
final class YamlTree {
  private YamlTree() {}

  /** 1-based line and column. */
  record Loc(int line, int column) {
    static Loc of(JsonLocation l) {
      return new Loc(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }
  }

  sealed interface Y permits YMap, YList, YScalar, Invalid {
    Loc loc();

    /** What a person would call this value in a type error. */
    String describe();
  }

  record Entry(String key, Loc keyLoc, Y value) {}

  record YMap(Loc loc, Map<String, Entry> entries) implements Y {
    @Override
    public String describe() {
      return "a mapping";
    }
  }

  record YList(Loc loc, List<Y> items) implements Y {
    @Override
    public String describe() {
      return "a list";
    }
  }

  /** A scalar with its token type (string, int, float, true, false, null) and its text as written. */
  record YScalar(Loc loc, JsonToken token, String text) implements Y {
    boolean isNull() {
      return token == JsonToken.VALUE_NULL;
    }

    boolean isNumber() {
      return token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
    }

    boolean isBoolean() {
      return token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
    }

    @Override
    public String describe() {
      if (isNull()) {
        return "nothing";
      }
      return "'" + Text.abbreviate(text) + "'";
    }
  }

  /** A value already reported as a problem while reading. */
  record Invalid(Loc loc) implements Y {
    @Override
    public String describe() {
      return "an invalid value";
    }
  }

  /** Thrown when a document holds more values than any pipeline needs; stops reading early. */
  static final class TooManyValues extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Loc at;

    TooManyValues(Loc at, int max) {
      super("more than " + max + " values", null, false, false);
      this.at = at;
    }
  }

  /** Tags of the YAML core schema, which only restate what a plain scalar already is. */
  private static final Set<String> CORE_TAGS = Set.of(
      "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
      "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map",
      "tag:yaml.org,2002:seq");

  /**
   * Reads one document into a located tree. It keeps the field path being read, so that a
   * syntax error thrown midway can still say where it happened, and it gathers the constructs a
   * pipeline file must not contain for {@link #flush()} to report.
   */
  static final class Reader {
    private final YAMLParser parser;
    private final Problems problems;
    private final int maxValueChars;
    private final int maxValues;
    private int values;
    private Loc lastLoc = new Loc(1, 1);
    private final Map<String, Refusal> refusals = new LinkedHashMap<>();
    /** The field path of the value being read; kept up to date for syntax errors. */
    private final List<String> path = new ArrayList<>();

    Reader(YAMLParser parser, Problems problems, int maxValueChars, int maxValues) {
      this.parser = parser;
      this.problems = problems;
      this.maxValueChars = maxValueChars;
      this.maxValues = maxValues;
    }

    /**
     * Records a construct a pipeline file must not contain. Only the first of each sort is
     * reported, with a count: a billion-laughs file holds thousands of aliases and one problem
     * says all there is to say.
     */
    private void refuse(String sort, Loc loc, String message, String hint) {
      Refusal first = refusals.get(sort);
      if (first == null) {
        refusals.put(sort, new Refusal(loc, currentPath(), message, hint, new int[] {1}));
      } else {
        first.count()[0]++;
      }
    }

    private record Refusal(Loc loc, String field, String message, String hint, int[] count) {}

    /** True when the document holds aliases, tags or over-long values, reported by {@link #flush()}. */
    boolean refusedSomething() {
      return !refusals.isEmpty();
    }

    /** Adds the recorded refusals to the problems; call once reading ends, however it ends. */
    void flush() {
      for (Refusal r : refusals.values()) {
        int more = r.count()[0] - 1;
        problems.add(r.loc(), r.field(), r.message() + (more > 0 ? " (the file has " + more + " more like it)" : ""),
            r.hint());
      }
      refusals.clear();
    }

    /** Where the last value started: the best place to report a limit hit while reading it. */
    Loc lastLoc() {
      return lastLoc;
    }

    String currentPath() {
      return Paths.join(path);
    }

    /** The root value, or null when the document holds no value at all. */
    Y readDocument() throws IOException {
      JsonToken t = parser.nextToken();
      if (t == null) {
        return null;
      }
      Y root = readValue(t);
      JsonToken next = parser.nextToken();
      if (next != null) {
        Loc at = Loc.of(parser.currentTokenLocation());
        path.clear();
        refuse("document", at, "The file holds more than one YAML document (another one starts at line "
            + at.line() + ")", "Keep one pipeline per file: delete the '---' line and everything after it, "
            + "or move the second pipeline to its own file");
      }
      return root;
    }

    private Y readValue(JsonToken t) throws IOException {
      Loc loc = Loc.of(parser.currentTokenLocation());
      lastLoc = loc;
      if (++values > maxValues) {
        throw new TooManyValues(loc, maxValues);
      }
      if (parser.isCurrentAlias()) {
        refuse("alias", loc, "YAML aliases (*" + parser.getText() + ") are not supported in "
            + "pipeline files", "Write the value out in full instead of referring to an anchor");
        return new Invalid(loc);
      }
      String tag = parser.getTypeId();
      if (tag != null && !CORE_TAGS.contains(tag)) {
        skipChildren(t);
        refuse("tag", loc, "The YAML tag '" + Text.abbreviate(shortTag(tag))
            + "' is not allowed; pipeline files hold plain text, numbers and true/false only",
            "Remove the tag (the part starting with '!') and write the value plainly");
        return new Invalid(loc);
      }
      switch (t) {
        case START_OBJECT:
          return readMap(loc);
        case START_ARRAY:
          return readList(loc);
        case VALUE_STRING:
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
        case VALUE_TRUE:
        case VALUE_FALSE:
        case VALUE_NULL:
          String text = parser.getText();
          if (text != null && text.length() > maxValueChars) {
            refuse("long", loc, "This value is " + Text.size(text.length())
                + " long; values are limited to " + Text.size(maxValueChars),
                "Keep large content (certificates, scripts) in a separate file and refer to its path");
            return new Invalid(loc);
          }
          return new YScalar(loc, t, text == null ? "" : text);
        default:
          // VALUE_EMBEDDED_OBJECT (e.g. !!binary) and anything newer Jackson may produce.
          refuse("kind", loc, "This kind of YAML value (" + t + ") is not supported",
              "Write plain text, a number or true/false");
          return new Invalid(loc);
      }
    }

    private YMap readMap(Loc loc) throws IOException {
      Map<String, Entry> entries = new LinkedHashMap<>();
      JsonToken t;
      while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
        String key = parser.currentName();
        Loc keyLoc = Loc.of(parser.currentTokenLocation());
        path.add(key);
        Y value = readValue(parser.nextToken());
        path.remove(path.size() - 1);
        entries.putIfAbsent(key, new Entry(key, keyLoc, value));
      }
      if (t != JsonToken.END_OBJECT) {
        throw new IOException("unexpected " + t + " in a mapping");
      }
      return new YMap(loc, entries);
    }

    private YList readList(Loc loc) throws IOException {
      List<Y> items = new ArrayList<>();
      JsonToken t;
      while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) {
          throw new IOException("the list is not closed");
        }
        path.add("[" + items.size() + "]");
        items.add(readValue(t));
        path.remove(path.size() - 1);
      }
      return new YList(loc, items);
    }

    private void skipChildren(JsonToken t) throws IOException {
      if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
        parser.skipChildren();
      }
    }

    private static String shortTag(String tag) {
      return tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring("tag:yaml.org,2002:".length())
          : tag.startsWith("!") ? tag : "!" + tag;
    }
  }
}
