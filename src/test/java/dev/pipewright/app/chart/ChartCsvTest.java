package dev.pipewright.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CSV text itself; that it reaches the disk atomically is TimeSeriesChartTest's. */
class ChartCsvTest {
  @Test
  void headerNamesTheSeriesAndEmptyCellsAreGaps() {
    SeriesHistory h = new SeriesHistory(10, Duration.ofSeconds(1), Duration.ofHours(1));
    Instant t0 = Instant.parse("2026-01-01T12:00:00Z");
    h.record(t0, Map.of("orders", 1.5));
    Map<String, Double> row = new HashMap<>();
    row.put("orders", 12_000_000.0);
    row.put("say \"hi\", world", 0.1);
    h.record(t0.plusSeconds(1), row);
    assertThat(ChartCsv.of(h)).isEqualTo("time,orders,\"say \"\"hi\"\", world\"\r\n"
        + "2026-01-01T12:00:00Z,1.5,\r\n"
        + "2026-01-01T12:00:01Z,12000000,0.1\r\n");
  }
}
