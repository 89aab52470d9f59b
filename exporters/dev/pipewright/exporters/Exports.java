package dev.pipewright.exporters;

import dev.pipewright.exporters.connect.ConnectExporter;
import dev.pipewright.exporters.debeziumserver.DebeziumServerExporter;
import dev.pipewright.exporters.strimzi.StrimziExporter;
import dev.pipewright.exporters.terraform.ConfluentExporter;
import dev.pipewright.exporters.terraform.TerraformExporter;
import dev.pipewright.model.Cluster;
import dev.pipewright.model.Finding;
import dev.pipewright.model.Node;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.PropertySpec;
import dev.pipewright.model.SecretRef;
import dev.pipewright.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The export entry point for the CLI and the desktop: checks the pipeline (validation errors,
 * secrets that are not references, what the format cannot express), renders the files and
 * writes them all-or-nothing: into a temporary folder first, which then replaces the target.
 */
public final class Exports {
  /** The file that marks a folder as written by Pipewright, so a later export may replace it. */
  public static final String MARKER = ".pipewright-export";

  private Exports() {}

  public static Exporter exporter(ExportFormat f) {
    return switch (f) {
      case CONNECT -> new ConnectExporter();
      case TERRAFORM -> new TerraformExporter();
      case CONFLUENT -> new ConfluentExporter();
      case STRIMZI -> new StrimziExporter();
      case DEBEZIUM_SERVER -> new DebeziumServerExporter();
    };
  }

  /** Everything that stops this pipeline from being exported in this format; empty when it can be. */
  public static List<Finding> problems(Pipeline p, ExportFormat f) {
    List<Finding> out = new ArrayList<>(Validation.errors(p));
    if (out.isEmpty()) {
      // The lint already refuses literal secrets; this second look guards the export on its own.
      out.addAll(plainTextSecrets(p));
    }
    if (out.isEmpty()) {
      out.addAll(exporter(f).refusals(p));
    }
    return out;
  }

  /** The files of a valid pipeline, without writing them; throws if {@link #problems} is not empty. */
  public static List<ExportedFile> render(Pipeline p, ExportFormat f, ExportOptions o) {
    List<Finding> problems = problems(p, f);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("pipeline '" + p.name() + "' cannot be exported: "
          + problems.get(0).where() + ": " + problems.get(0).message());
    }
    return exporter(f).render(p, o);
  }

  /**
   * Exports into {@code outDir}. Nothing is written when there are problems; otherwise the folder is
   * replaced as a whole once every file is written. A folder holding files Pipewright did not
   * write is left alone and reported.
   */
  public static ExportResult export(Pipeline p, ExportFormat f, ExportOptions o, Path outDir) throws IOException {
    List<Finding> problems = problems(p, f);
    if (!problems.isEmpty()) {
      return new ExportResult(problems, List.of());
    }
    Path target = outDir.toAbsolutePath().normalize();
    if (Files.exists(target) && !replaceable(target)) {
      return new ExportResult(List.of(Finding.onPipeline("PW-EXPORT-FOLDER", Severity.ERROR,
          target + " holds files Pipewright did not write.",
          "Export into a new or empty folder, or one an earlier export wrote.")), List.of());
    }
    List<ExportedFile> files = exporter(f).render(p, o);
    Path parent = target.getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
    try {
      StringBuilder marker = new StringBuilder("# " + o.header() + "\n# format: " + f.cliName() + "\n");
      for (ExportedFile file : files) {
        Path path = tmp.resolve(file.path());
        Files.createDirectories(path.getParent());
        Files.writeString(path, file.content(), StandardCharsets.UTF_8);
        if (file.executable()) {
          makeExecutable(path);
        }
        marker.append(file.path()).append("\n");
      }
      Files.writeString(tmp.resolve(MARKER), marker.toString(), StandardCharsets.UTF_8);
      swap(tmp, target);
    } finally {
      deleteTree(tmp);
    }
    return new ExportResult(List.of(), files.stream().map(file -> target.resolve(file.path())).toList());
  }

  private static boolean replaceable(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    if (Files.exists(dir.resolve(MARKER))) {
      return true;
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  private static void swap(Path tmp, Path target) throws IOException {
    Path old = null;
    if (Files.exists(target)) {
      old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
      Files.delete(old);
      move(target, old);
    }
    try {
      move(tmp, target);
    } catch (IOException e) {
      if (old != null) {
        move(old, target);
      }
      throw e;
    }
    if (old != null) {
      deleteTree(old);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void makeExecutable(Path path) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException e) {
      path.toFile().setExecutable(true);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path path : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /**
   * Secret properties and credentials whose value is not a reference: they would land in the
   * export as plain text, so the export stops. The message never repeats the value.
   */
  static List<Finding> plainTextSecrets(Pipeline p) {
    List<Finding> out = new ArrayList<>();
    for (Node n : p.nodes()) {
      for (PropertySpec spec : n.kind().properties()) {
        String v = n.properties().get(spec.key());
        if (spec.secret() && v != null && !v.isBlank() && !Text.hasRef(v)) {
          out.add(Finding.onNode("PW-EXPORT-SECRET", Severity.ERROR, n.name(), spec.key(),
              "'" + spec.key() + "' holds a value, not a reference; exports never carry secrets.",
              "Write it as ${env:NAME} or ${file:path:key} and provide the value to the workers."));
        }
      }
    }
    for (Cluster c : p.clusters()) {
      List<String> passwords = new ArrayList<>();
      if (c.security().credentials() != null) {
        passwords.add(c.security().credentials().password());
      }
      if (c.connectAuth() != null) {
        passwords.add(c.connectAuth().password());
      }
      for (String pw : passwords) {
        if (pw != null && !pw.isBlank() && !SecretRef.isReference(pw)) {
          out.add(Finding.onPipeline("PW-EXPORT-SECRET", Severity.ERROR,
              "Cluster '" + c.name() + "' has a password that is not a reference.",
              "Write it as ${env:NAME} or ${file:path:key}."));
        }
      }
    }
    return out;
  }
}
