package dev.pipewright.app.chart;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A chart's data as CSV (RFC 4180): a header row {@code time,<series>…}, then one row per time,
 * the time in ISO-8601 UTC and each value written so it parses back to the same double; an empty
 * cell where a series has no value. No JavaFX.
 */
public final class ChartCsv {
  private ChartCsv() {}

  public static String of(SeriesHistory h) {
    StringBuilder out = new StringBuilder(32 + h.size() * (24 + 10 * h.seriesCount()));
    out.append("time");
    List<String> names = h.names();
    for (String n : names) {
      out.append(',').append(quote(n));
    }
    out.append("\r\n");
    for (int i = 0; i < h.size(); i++) {
      out.append(Instant.ofEpochMilli(h.timeAt(i)));
      for (int s = 0; s < names.size(); s++) {
        out.append(',');
        double v = h.value(s, i);
        if (!Double.isNaN(v) && !Double.isInfinite(v)) {
          // the shortest decimal that reads back as the same double, never in E notation
          out.append(BigDecimal.valueOf(v).stripTrailingZeros().toPlainString());
        }
      }
      out.append("\r\n");
    }
    return out.toString();
  }

  static String quote(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
