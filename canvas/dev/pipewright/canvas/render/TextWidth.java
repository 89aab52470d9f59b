package dev.pipewright.canvas.render;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/** Measures and shortens text for the canvas; results are cached because a frame asks for the same names again. */
final class TextWidth {
  private static final Text PROBE = new Text();
  private static final Map<String, Double> CACHE = new HashMap<>();
  private static final Map<String, String> FITTED = new HashMap<>();

  private TextWidth() {}

  static double of(String s, Font f) {
    String key = f.getSize() + f.getStyle() + "\u0000" + s;
    Double w = CACHE.get(key);
    if (w == null) {
      PROBE.setFont(f);
      PROBE.setText(s);
      w = PROBE.getLayoutBounds().getWidth();
      if (CACHE.size() > 20_000) {
        CACHE.clear();
      }
      CACHE.put(key, w);
    }
    return w;
  }

  /** {@code s}, or its longest prefix followed by an ellipsis, that fits in {@code max} pixels. */
  static String fit(String s, Font f, double max) {
    String key = f.getSize() + f.getStyle() + "\u0000" + max + "\u0000" + s;
    String fitted = FITTED.get(key);
    if (fitted == null) {
      fitted = s;
      if (of(s, f) > max) {
        int end = s.length();
        while (end > 1 && of(s.substring(0, end) + "…", f) > max) {
          end--;
        }
        fitted = s.substring(0, end) + "…";
      }
      if (FITTED.size() > 20_000) {
        FITTED.clear();
      }
      FITTED.put(key, fitted);
    }
    return fitted;
  }
}
