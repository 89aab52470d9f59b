package dev.pipewright.app.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateFormatTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "120.4 | 4210    | 120/s · 4,210",
      "0     | 0       | 0/s · 0",
      "2.345 | 17      | 2.3/s · 17",
      "12500 | 1234567 | 12,500/s · 1,234,567"})
  void edgeLabelShowsRateThenTotalWithThousandsSeparators(double rate, long total, String label) {
    assertThat(RateFormat.edgeLabel(rate, total)).isEqualTo(label);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"400 | 0.4 s", "12345 | 12.3 s", "125000 | 2 min 05 s"})
  void elapsedTimesReadAsSecondsThenMinutes(long millis, String text) {
    assertThat(RateFormat.elapsed(Duration.ofMillis(millis))).isEqualTo(text);
  }
}
