package dev.pipewright.app.desktop.gallery;

import dev.pipewright.model.Category;
import dev.pipewright.model.Pipeline;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One card of the template gallery: an example pipeline (or the blank one, whose file is null)
 * with what the card shows.
 */
public record Template(String title, String description, Path file, Pipeline pipeline) {

  public boolean blank() {
    return file == null;
  }

  /** "1 source · 1 capture · 3 topics · 3 sinks", from the pipeline's nodes. */
  public String summary() {
    if (pipeline.nodes().isEmpty()) {
      return "An empty canvas";
    }
    List<String> parts = new ArrayList<>();
    for (Category c : Category.values()) {
      long n = pipeline.nodesIn(c).size();
      if (n > 0) {
        String noun = c.label().toLowerCase(java.util.Locale.ROOT);
        parts.add(n + " " + noun + (n == 1 ? "" : "s"));
      }
    }
    return String.join(" · ", parts);
  }
}
