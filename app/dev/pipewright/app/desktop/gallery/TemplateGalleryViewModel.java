package dev.pipewright.app.desktop.gallery;

import dev.pipewright.model.Pipeline;
import dev.pipewright.model.io.PipelineFile;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The template gallery shown at first start and from File › Templates…: a "Blank pipeline" card
 * and one card per {@code examples/*.yaml}. Examples are looked for in {@code examples/} under the
 * working directory (or the directory given); if there are none, or one cannot be read, the
 * gallery still opens with what it has and says what is missing.
 */
public final class TemplateGalleryViewModel {
  /** The pipeline behind the "Blank pipeline" card. */
  public static final String BLANK_NAME = "untitled";

  private final List<Template> templates = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  public TemplateGalleryViewModel(Path examplesDir) {
    templates.add(new Template("Blank pipeline", "Start from an empty canvas and drag nodes from the palette.",
        null, Pipeline.empty(BLANK_NAME)));
    if (examplesDir == null || !Files.isDirectory(examplesDir)) {
      notes.add("No examples found" + (examplesDir == null ? "" : " in " + examplesDir)
          + "; start blank or open a file.");
      return;
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(examplesDir, "*.yaml")) {
      ds.forEach(files::add);
    } catch (IOException e) {
      notes.add("Could not list " + examplesDir + ": " + e.getMessage());
    }
    files.sort(Comparator.comparing(f -> order(f.getFileName().toString())));
    for (Path f : files) {
      try {
        Pipeline p = PipelineFile.load(f);
        templates.add(new Template(p.name(), p.description(), f, p));
      } catch (Exception e) {
        notes.add(f.getFileName() + " could not be read and is left out.");
      }
    }
  }

  /** {@code examples/} under the working directory, or null when there is none. */
  public static Path defaultExamplesDir() {
    Path dir = Path.of(System.getProperty("pipewright.examples", "examples")).toAbsolutePath();
    return Files.isDirectory(dir) ? dir : null;
  }

  /** The blank card first, then the local trial (the one to try first), then the rest by name. */
  public List<Template> templates() {
    return List.copyOf(templates);
  }

  /** Sentences about examples that could not be shown, or empty. */
  public List<String> notes() {
    return List.copyOf(notes);
  }

  private static String order(String fileName) {
    return fileName.equals("local-trial.yaml") ? "" : fileName;
  }
}
