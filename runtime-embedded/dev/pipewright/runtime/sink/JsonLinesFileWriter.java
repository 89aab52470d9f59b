package dev.pipewright.runtime.sink;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Appends each change event, as the JSON text on the topic, to a local file, one per line.
 * Tombstones (a delete's follow-up with no value) are skipped. Each batch is flushed to the
 * operating system before the runner commits offsets, so a killed trial may repeat lines but
 * never lose one.
 */
final class JsonLinesFileWriter implements SinkWriter {
  private final Path file;
  private OutputStream out;

  JsonLinesFileWriter(Path file) {
    this.file = file;
  }

  @Override
  public void start() throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND, StandardOpenOption.WRITE), 1 << 16);
  }

  @Override
  public boolean needsConnectRecords() {
    return false;
  }

  @Override
  public void write(List<ConsumerRecord<byte[], byte[]>> raw, List<SinkRecord> records) throws IOException {
    for (ConsumerRecord<byte[], byte[]> r : raw) {
      if (r.value() == null) {
        continue;
      }
      out.write(r.value());
      out.write('\n');
    }
    out.flush();
  }

  @Override
  public void close() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException ignored) {
        // every batch was flushed already
      }
    }
  }
}
