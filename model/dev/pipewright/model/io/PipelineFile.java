package dev.pipewright.model.io;

import dev.pipewright.model.Pipeline;
import java.io.IOException;
import java.nio.file.Path;

/** TEMPORARY stand-in on the desktop branch until the io helper's PipelineFile lands; removed before merging. */
public final class PipelineFile {
  private PipelineFile() {}

  public static Pipeline load(Path file) throws PipelineFileException, IOException {
    throw new IOException("not available on this branch yet");
  }

  public static void save(Pipeline p, Path file) throws IOException {
    throw new IOException("not available on this branch yet");
  }

  public static String toYaml(Pipeline p) {
    throw new UnsupportedOperationException();
  }
}
