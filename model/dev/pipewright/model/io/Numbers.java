package dev.pipewright.model.io;

import java.math.BigDecimal;
import java.util.Optional;

/** Numbers as the pipeline file writes them: {@code 40}, not {@code 40.0}; {@code 0.999}, never exponents. */
final class Numbers {
  private Numbers() {}

  static String format(double d) {
    if (Double.isNaN(d)) {
      return ".nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? ".inf" : "-.inf";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  /** A finite number from its YAML text; empty for anything else (hex, '.inf', units, ...). */
  static Optional<Double> parse(String text) {
    String t = text.trim();
    if (t.isEmpty() || !t.chars().allMatch(c -> c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+'
        || c == 'e' || c == 'E')) {
      return Optional.empty();
    }
    try {
      double d = Double.parseDouble(t);
      return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
