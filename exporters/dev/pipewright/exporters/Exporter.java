package dev.pipewright.exporters;

import dev.pipewright.model.Finding;
import dev.pipewright.model.Pipeline;
import java.util.List;

/**
 * Renders a valid pipeline as the files of one format. Pure: no I/O, same input gives the same
 * text, files in a stable order. {@link Exports} checks the pipeline and writes the files.
 */
public interface Exporter {

  /** Reasons this format cannot express the pipeline (for example two captures for Debezium Server). */
  default List<Finding> refusals(Pipeline p) {
    return List.of();
  }

  /** The files, in a stable order. Only called when there are no validation errors or refusals. */
  List<ExportedFile> render(Pipeline p, ExportOptions options);
}
