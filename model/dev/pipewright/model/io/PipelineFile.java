package dev.pipewright.model.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.pipewright.model.Cluster;
import dev.pipewright.model.Credentials;
import dev.pipewright.model.Node;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.PropertySpec;
import dev.pipewright.model.SecretRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads and writes pipeline files ({@code apiVersion: pipewright/v1}, see
 * docs/pipeline-format.md). Reading never throws anything but {@link PipelineFileException},
 * whose problems name file, line, column, field and a fix, whatever the bytes; writing produces
 * the canonical text and replaces the file atomically, refusing plain-text secrets.
 */
public final class PipelineFile {
  /** Files larger than this are refused before parsing. */
  public static final int MAX_FILE_BYTES = 8 << 20;
  /** The longest single value (a description, a filter condition) a file may hold. */
  public static final int MAX_VALUE_CHARS = 64 << 10;
  /** Values and list items together (keys not counted); a pipeline of a thousand nodes holds about 30,000. */
  static final int MAX_VALUES = 100_000;
  /** A value at the limit plus its key and indentation fits on a line. */
  static final int MAX_LINE_CHARS = MAX_VALUE_CHARS + 1024;
  /** Deeper than any pipeline file needs (they nest five levels), shallow enough to stop stack attacks. */
  static final int MAX_NESTING = 64;

  private static final YAMLFactory YAML = yamlFactory();

  private PipelineFile() {}

  /** The one configured factory, shared with the writer's quoting check. */
  static YAMLFactory yaml() {
    return YAML;
  }

  private static YAMLFactory yamlFactory() {
    LoaderOptions options = new LoaderOptions();
    // Jackson's YAML parser never expands aliases or constructs tagged classes (it reads events,
    // not objects), and YamlTree refuses both; these limits are the second line of defence.
    options.setMaxAliasesForCollections(10);
    options.setNestingDepthLimit(MAX_NESTING);
    options.setCodePointLimit(MAX_FILE_BYTES);
    options.setAllowDuplicateKeys(false);
    options.setAllowRecursiveKeys(false);
    options.setProcessComments(false);
    options.setTagInspector(tag -> false);
    return YAMLFactory.builder()
        .loaderOptions(options)
        // On by default in new YAMLFactory() but off in the builder: 'port:' must read as "no
        // value", not as an empty string (a quoted '' stays an empty string either way).
        .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING)
            .maxStringLength(MAX_FILE_BYTES)
            .maxNumberLength(100)
            .maxNameLength(MAX_VALUE_CHARS)
            .maxDocumentLength(MAX_FILE_BYTES)
            .build())
        .build();
  }

  /** Reads and parses a pipeline file. Problems reading the file itself (missing, unreadable) are problems too. */
  public static Pipeline load(Path file) throws PipelineFileException {
    String name = file.toString();
    byte[] bytes;
    try {
      if (Files.isDirectory(file)) {
        throw new PipelineFileException(List.of(new FileProblem(name, 0, 0, "",
            "This is a directory, not a pipeline file", "Give the path of a .yaml file")));
      }
      // Bounded read: a device or pipe posing as a file must not fill the memory.
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes(MAX_FILE_BYTES + 1);
      }
    } catch (NoSuchFileException e) {
      throw new PipelineFileException(List.of(new FileProblem(name, 0, 0, "", "The file does not exist",
          "Check the path and the current directory")));
    } catch (AccessDeniedException e) {
      throw new PipelineFileException(List.of(new FileProblem(name, 0, 0, "",
          "Permission to read the file was denied", "Check the file's permissions")));
    } catch (IOException e) {
      throw new PipelineFileException(List.of(new FileProblem(name, 0, 0, "", "Could not read the file: "
          + e.getMessage(), "Check that the path names a readable file")));
    }
    return parse(bytes, name);
  }

  /** Parses file content given as bytes, which must be UTF-8 (a UTF-8 byte-order mark is allowed). */
  public static Pipeline parse(byte[] yaml, String sourceName) throws PipelineFileException {
    Problems problems = new Problems(sourceName);
    if (yaml.length > MAX_FILE_BYTES) {
      // Only "more than": load() stops reading at the limit, so the true size is unknown.
      problems.wholeFile(tooLarge("more than " + Text.size(MAX_FILE_BYTES)), "Pipeline files are limited to "
          + Text.size(MAX_FILE_BYTES) + "; check that this is the right file");
      throw problems.exception();
    }
    Optional<String> text = decodeUtf8(yaml, problems);
    if (text.isEmpty()) {
      throw problems.exception();
    }
    return parse(text.get(), sourceName);
  }

  /** Parses file content. Every problem found is reported at once, sorted by line. */
  public static Pipeline parse(String yaml, String sourceName) throws PipelineFileException {
    Problems problems = new Problems(sourceName);
    if (yaml.length() > MAX_FILE_BYTES) {
      problems.wholeFile(tooLarge(Text.size(yaml.length())), "Pipeline files are limited to "
          + Text.size(MAX_FILE_BYTES) + "; check that this is the right file");
      throw problems.exception();
    }
    String text = yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml;
    if (!checkLineLengths(text, problems)) {
      throw problems.exception();
    }
    YamlTree.Y root = readTree(text, problems);
    if (root == null && !problems.isEmpty()) {
      // A syntax error: what follows it is unknown, so checking the structure would mislead.
      throw problems.exception();
    }
    if (root == null) {
      problems.wholeFile("The file is empty", "A pipeline file starts with 'apiVersion: " + Pipeline.API_VERSION
          + "' and 'name: my-pipeline'; see docs/pipeline-format.md");
      throw problems.exception();
    }
    Pipeline p;
    try {
      p = new PipelineReader(problems).read(root);
    } catch (RuntimeException e) {
      // A gap in the mapper must still end as a readable problem, never a stack trace.
      problems.add(root.loc(), "", "Could not read the pipeline: " + reason(e), "Please report this file to "
          + "the Pipewright developers");
      p = null;
    }
    if (p == null || !problems.isEmpty()) {
      throw problems.exception();
    }
    return p;
  }

  /**
   * Refuses over-long lines before SnakeYAML sees them: its scanner slows down sharply on a
   * single line of megabytes (minutes for 7 MiB), which would hang the app on a hostile file.
   */
  private static boolean checkLineLengths(String text, Problems problems) {
    int line = 1;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (i - start > MAX_LINE_CHARS) {
          problems.add(line, 1, "", "Line " + line + " is " + Text.size(i - start) + " long; lines are limited to "
              + Text.size(MAX_LINE_CHARS), "Keep large content (certificates, scripts) in a separate file and "
              + "refer to its path");
          return false;
        }
        line++;
        start = i + 1;
      }
    }
    return true;
  }

  private static String tooLarge(String size) {
    return "The file is " + size + " large";
  }

  private static YamlTree.Y readTree(String text, Problems problems) {
    YamlTree.Reader reader = null;
    try (YAMLParser parser = YAML.createParser(text)) {
      reader = new YamlTree.Reader(parser, problems, MAX_VALUE_CHARS, MAX_VALUES);
      YamlTree.Y root = reader.readDocument();
      // A file with aliases, tags or huge values is not a plain pipeline file; say that alone
      // rather than burying it under the structural problems that follow from it.
      return reader.refusedSomething() ? null : root;
    } catch (YamlTree.TooManyValues e) {
      problems.add(e.at, "", "The file holds more than " + MAX_VALUES + " values; a pipeline needs far fewer",
          "Check that this is a pipeline file; split very large pipelines into several files");
    } catch (StreamConstraintsException e) {
      String field = reader == null ? "" : reader.currentPath();
      YamlTree.Loc at = reader == null ? new YamlTree.Loc(1, 1) : reader.lastLoc();
      String why = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
      if (why.contains("nesting depth")) {
        problems.add(at, field, "The file is nested more than " + MAX_NESTING + " levels deep",
            "A pipeline file nests at most five levels; check the indentation and the brackets");
      } else {
        problems.add(at, field, "The file exceeds a reading limit: " + why,
            "Check that this is a pipeline file; values are limited to " + Text.size(MAX_VALUE_CHARS));
      }
    } catch (JsonProcessingException e) {
      syntaxProblem(e, text, reader == null ? "" : reader.currentPath(), problems);
    } catch (IOException | RuntimeException | StackOverflowError e) {
      // SnakeYAML reports some problems as unchecked exceptions; none may escape as a stack trace.
      problems.add(1, 1, reader == null ? "" : reader.currentPath(), "Could not read the file as YAML: "
          + reason(e), "Check the YAML syntax near the start of the file");
    } finally {
      if (reader != null) {
        reader.flush();
      }
    }
    return null;
  }

  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

  private static void syntaxProblem(JsonProcessingException e, String text, String field, Problems problems) {
    Throwable cause = e.getCause();
    Location at = Location.of(e.getLocation());
    String problem;
    if (cause instanceof MarkedYAMLException m && m.getProblemMark() != null) {
      at = Location.of(m.getProblemMark());
      problem = m.getProblem() == null ? "syntax error"
          : m.getProblem().contains("(TAB)") ? "a tab is used where YAML allows only spaces" : m.getProblem();
      if (m.getContext() != null && m.getContextMark() != null) {
        problem = problem + " (" + m.getContext() + " that starts on line " + (m.getContextMark().getLine() + 1) + ")";
      }
    } else if (cause instanceof ReaderException r) {
      at = Location.ofIndex(text, r.getPosition());
      problem = String.format(Locale.ROOT, "The file contains a character YAML does not allow (U+%04X)",
          r.getCodePoint());
      problems.add(at.line, at.column, field, problem,
          "Remove control characters; pipeline files are plain text. Is this really a pipeline file?");
      return;
    } else if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Expected a field name")) {
      problems.add(at.line, keyColumn(text, at.line, "?"), field, "A key must be plain text, not a list or a mapping",
          "Write 'key: value'; a '?' at the start of a line begins a complex key, which pipeline files do not use");
      return;
    } else {
      problem = e.getOriginalMessage();
    }
    Matcher dup = DUPLICATE.matcher(problem == null ? "" : problem);
    if (dup.matches()) {
      // The parser's position is just past the repeated key; report the key's own line.
      problems.add(at.line, keyColumn(text, at.line, dup.group(1)), Paths.child(field, dup.group(1)), "The key '" + Text.abbreviate(dup.group(1))
          + "' appears twice in the same mapping", "Keep one of them; YAML would silently use the last");
      return;
    }
    problems.add(at.line, at.column, field, "The YAML is malformed: " + (problem == null ? "syntax error" : problem),
        syntaxHint(problem));
  }

  /** Where {@code key} starts on the 1-based {@code line}, else where the line's text starts. */
  private static int keyColumn(String text, int line, String key) {
    String l = text.lines().skip(line - 1L).findFirst().orElse("");
    int indent = 0;
    while (indent < l.length() && (l.charAt(indent) == ' ' || l.charAt(indent) == '-')) {
      indent++;
    }
    int at = l.indexOf(key, indent);
    return (at >= 0 ? at : indent) + 1;
  }

  private static String syntaxHint(String problem) {
    String p = problem == null ? "" : problem;
    if (p.contains("a tab is used")) {
      return "Indent with spaces, not tabs";
    }
    if (p.contains("mapping values are not allowed")) {
      return "Put quotes around a value that contains ': ', or check that the key is indented like its siblings";
    }
    if (p.contains("could not find expected ':'")) {
      return "Each line of a mapping is 'key: value'; check the line above for a missing ':' or a stray line";
    }
    if (p.contains("expected <block end>")) {
      return "Check the indentation: items of one list or mapping must line up";
    }
    if (p.contains("found unexpected end of stream") || p.contains("<stream end>")) {
      return "The file ends inside a quoted value or bracket; close it";
    }
    return "Check the indentation and quoting on this line and the one above";
  }

  private static String reason(Throwable e) {
    if (e instanceof StackOverflowError) {
      return "the document is nested too deeply";
    }
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : Text.abbreviate(m.lines().findFirst().orElse(m));
  }

  /** A 1-based line and column. */
  private record Location(int line, int column) {
    static Location of(Mark m) {
      return new Location(m.getLine() + 1, m.getColumn() + 1);
    }

    static Location of(JsonLocation l) {
      if (l == null || l.getLineNr() < 1) {
        return new Location(1, 1);
      }
      return new Location(l.getLineNr(), Math.max(1, l.getColumnNr()));
    }

    static Location ofIndex(String text, int codePointIndex) {
      int line = 1;
      int col = 1;
      int cp = 0;
      for (int i = 0; i < text.length() && cp < codePointIndex; cp++) {
        int c = text.codePointAt(i);
        i += Character.charCount(c);
        if (c == '\n') {
          line++;
          col = 1;
        } else {
          col++;
        }
      }
      return new Location(line, col);
    }
  }

  private static Optional<String> decodeUtf8(byte[] bytes, Problems problems) {
    int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
    if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff
        || (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe)) {
      problems.wholeFile("The file is encoded as UTF-16, not UTF-8", "Save the file as UTF-8");
      return Optional.empty();
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    if (r.isError()) {
      int offset = in.position();
      int line = 1;
      int lineStart = start;
      for (int i = start; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int column = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8)
          .codePointCount(0, new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8).length()) + 1;
      problems.add(line, column, "", String.format(Locale.ROOT,
          "The file is not valid UTF-8 (byte 0x%02X cannot start or continue a character here)",
          bytes[offset] & 0xff), "Save the file as UTF-8; if it is not a text file, pick the right file");
      return Optional.empty();
    }
    out.flip();
    return Optional.of(out.toString());
  }

  /** The canonical text of a pipeline (see docs/pipeline-format.md): the same pipeline always gives the same text. */
  public static String toYaml(Pipeline p) {
    return PipelineWriter.write(p);
  }

  /**
   * Throws when a secret holds a literal value instead of a reference. {@link #save} calls this
   * first; the app can call it to warn before the user saves.
   */
  public static void checkNoPlainTextSecrets(Pipeline p) throws PlainTextSecretException {
    List<PlainTextSecretException.Offender> offenders = new ArrayList<>();
    for (Cluster c : p.clusters()) {
      String owner = "cluster '" + c.name() + "'";
      if (c.security() != null) {
        literal(c.security().credentials(), owner, "security.password", c.name() + "_KAFKA_PASSWORD", offenders);
      }
      literal(c.connectAuth(), owner, "connect.password", c.name() + "_CONNECT_PASSWORD", offenders);
    }
    for (Node n : p.nodes()) {
      for (var e : n.properties().entrySet()) {
        boolean secret = n.kind().property(e.getKey()).map(PropertySpec::secret).orElse(false);
        if (secret && isLiteral(e.getValue())) {
          offenders.add(new PlainTextSecretException.Offender("node '" + n.name() + "'",
              "properties." + e.getKey(), "${env:" + envName(n.name() + "_" + e.getKey()) + "}"));
        }
      }
    }
    if (!offenders.isEmpty()) {
      throw new PlainTextSecretException(offenders);
    }
  }

  private static void literal(Credentials c, String owner, String field, String envBase,
      List<PlainTextSecretException.Offender> offenders) {
    if (c != null && isLiteral(c.password())) {
      offenders.add(new PlainTextSecretException.Offender(owner, field, "${env:" + envName(envBase) + "}"));
    }
  }

  /** A non-blank value that is not a reference. Blank holds nothing to leak. */
  private static boolean isLiteral(String value) {
    return value != null && !value.isBlank() && !SecretRef.isReference(value);
  }

  private static String envName(String base) {
    String s = base.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    return Character.isDigit(s.charAt(0)) ? "_" + s : s;
  }

  /**
   * Writes the canonical text to {@code file} atomically: a temporary file in the same directory
   * is written and forced to disk, then moved over the target, so readers see the old file or the
   * new one, never a mix. Refuses, before touching anything, when a secret is plain text.
   */
  public static void save(Pipeline p, Path file) throws IOException {
    checkNoPlainTextSecrets(p);
    byte[] bytes = toYaml(p).getBytes(StandardCharsets.UTF_8);
    write(bytes, file, () -> { });
  }

  /** Called after the temporary file is complete and before it replaces the target. */
  @FunctionalInterface
  interface BeforeReplace {
    void run() throws IOException;
  }

  // visible for testing: the hook lets a test fail a save midway, as a full disk or a crash would.
  static void write(byte[] bytes, Path file, BeforeReplace beforeReplace) throws IOException {
    Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file.toAbsolutePath();
    Path dir = target.getParent();
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    boolean moved = false;
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      copyPermissions(target, tmp);
      beforeReplace.run();
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
      syncDirectory(dir);
    } finally {
      if (!moved) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /** Keeps the old file's permissions; a new file gets rw-r--r-- rather than the temp file's rw-------. */
  private static void copyPermissions(Path target, Path tmp) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    if (Files.exists(target)) {
      view.setPermissions(Files.getPosixFilePermissions(target));
    } else {
      view.setPermissions(PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  /** Makes the rename itself durable; not every platform can open a directory, which is fine. */
  private static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      // Best effort: the data itself was forced before the move.
    }
  }
}
