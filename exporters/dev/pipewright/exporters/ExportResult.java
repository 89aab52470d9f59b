package dev.pipewright.exporters;

import dev.pipewright.model.Finding;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of an export: the errors that stopped it (nothing written), or the files written.
 *
 * @param errors findings that prevented the export; empty on success
 * @param written the files written, in export order; empty on failure
 */
public record ExportResult(List<Finding> errors, List<Path> written) {
  public ExportResult {
    errors = List.copyOf(errors);
    written = List.copyOf(written);
  }

  public boolean ok() {
    return errors.isEmpty();
  }
}
