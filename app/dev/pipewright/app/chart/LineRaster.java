package dev.pipewright.app.chart;

import java.util.Arrays;

/**
 * Antialiased polylines of a given width rasterised into a premultiplied ARGB pixel array, so a
 * chart can hand prism one image instead of thousands of stroked segments (which its software
 * pipeline rasterises at about a microsecond each). A pixel's coverage falls off linearly with the
 * distance from its centre to the line (full within half the width minus half a pixel, none past
 * half the width plus half a pixel), which sums to the line's width across it as an exact area
 * coverage would. One line's segments are merged by taking the larger coverage, so joins and
 * overlaps are not painted twice; then {@link #paint(int)} lays the line over the pixels in its
 * colour. Pixels outside the array are dropped (the array is the clip). No JavaFX.
 */
public final class LineRaster {
  private int width;
  private int height;
  private int[] pixels = new int[0];
  private float[] cover = new float[0];
  private int[] top = new int[0];
  private int[] bottom = new int[0];
  private int firstColumn;
  private int lastColumn;

  /** Makes the raster {@code width} × {@code height}, all transparent, with no line under way. */
  public void reset(int width, int height) {
    this.width = Math.max(0, width);
    this.height = Math.max(0, height);
    int n = this.width * this.height;
    if (pixels.length < n) {
      pixels = new int[n];
      cover = new float[n];
    } else {
      Arrays.fill(pixels, 0, n, 0);
    }
    if (top.length < this.width) {
      top = new int[this.width];
      bottom = new int[this.width];
    }
    Arrays.fill(top, 0, this.width, Integer.MAX_VALUE);
    Arrays.fill(bottom, 0, this.width, -1);
    firstColumn = Integer.MAX_VALUE;
    lastColumn = -1;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** The pixels, row by row, premultiplied ARGB; valid for the first {@code width × height} entries. */
  public int[] pixels() {
    return pixels;
  }

  /** Adds the segment from (x1, y1) to (x2, y2), in pixels with (0, 0) the top left corner, to the line under way. */
  public void segment(double x1, double y1, double x2, double y2, double lineWidth) {
    double reach = lineWidth / 2 + 0.5;
    double dx = x2 - x1;
    double dy = y2 - y1;
    if (dx == 0 && dy != 0) {
      vertical(x1, Math.min(y1, y2), Math.max(y1, y2), reach);
      return;
    }
    double len = Math.sqrt(dx * dx + dy * dy);
    double ux = len == 0 ? 1 : dx / len;
    double uy = len == 0 ? 0 : dy / len;
    double perUy = uy == 0 ? 0 : 1 / uy;
    double xlo = Math.min(x1, x2);
    double xhi = Math.max(x1, x2);
    double slope = dx == 0 ? 0 : dy / dx;
    int c0 = Math.max(0, (int) Math.floor(xlo - reach));
    int c1 = Math.min(width - 1, (int) Math.floor(xhi + reach));
    // column by column (the cover is stored by column), since a chart's lines are mostly vertical
    // spans; in each column only the rows next to the part of the segment within reach of it
    for (int c = c0; c <= c1; c++) {
      double cx = c + 0.5;
      double xa = Math.max(xlo, cx - reach);
      double xb = Math.min(xhi, cx + reach);
      double ya = dx == 0 ? y1 : y1 + (xa - x1) * slope;
      double yb = dx == 0 ? y2 : y1 + (xb - x1) * slope;
      int r0 = Math.max(0, (int) Math.floor(Math.min(ya, yb) - reach));
      int r1 = Math.min(height - 1, (int) Math.floor(Math.max(ya, yb) + reach));
      if (r0 > r1) {
        continue;
      }
      if (r0 < top[c]) {
        top[c] = r0;
      }
      if (r1 > bottom[c]) {
        bottom[c] = r1;
      }
      double ex = cx - x1;
      int base = c * height;
      // a row's centre projects onto the line at along0 + k·uy (k rows below r0): the rows that
      // project inside the segment take their distance across the line, the others the distance
      // to the nearer end (round caps and joins)
      double ey0 = r0 + 0.5 - y1;
      double along0 = ex * ux + ey0 * uy;
      double first;
      double last;
      if (uy > 0) {
        first = Math.ceil(-along0 * perUy);
        last = Math.floor((len - along0) * perUy);
      } else if (uy < 0) {
        first = Math.ceil((len - along0) * perUy);
        last = Math.floor(-along0 * perUy);
      } else {
        boolean inside = along0 >= 0 && along0 <= len;
        first = inside ? 0 : 1;
        last = inside ? r1 - r0 : 0;
      }
      int m0 = r0 + (int) Math.max(0, Math.min(r1 - r0 + 1, first));
      int m1 = r0 + (int) Math.max(-1, Math.min(r1 - r0, last));
      if (m0 > m1) {
        ends(base, r0, r1, cx, x1, y1, x2, y2, reach);
        continue;
      }
      ends(base, r0, m0 - 1, cx, x1, y1, x2, y2, reach);
      double across = ex * uy - (m0 + 0.5 - y1) * ux;
      if (ux == 0) {
        // a vertical run: the same cover all along it
        float a = (float) Math.min(1, reach - Math.abs(across));
        if (a >= 1) {
          Arrays.fill(cover, base + m0, base + m1 + 1, 1f);
        } else if (a > 0) {
          for (int i = base + m0, end = base + m1; i <= end; i++) {
            if (a > cover[i]) {
              cover[i] = a;
            }
          }
        }
      } else {
        float[] cv = cover;
        float fr = (float) reach;
        float fa = (float) across;
        float fu = (float) ux;
        for (int k = 0, n = m1 - m0, i = base + m0; k <= n; k++, i++) {
          float d = fa - k * fu;
          float a = fr - (d < 0 ? -d : d);
          if (a > cv[i]) {
            cv[i] = a < 1 ? a : 1;
          }
        }
      }
      ends(base, m1 + 1, r1, cx, x1, y1, x2, y2, reach);
    }
    if (c0 <= c1) {
      firstColumn = Math.min(firstColumn, c0);
      lastColumn = Math.max(lastColumn, c1);
    }
  }

  /** A vertical run, half of a decimated chart line: each column at one distance from it, round ends. */
  private void vertical(double x, double ylo, double yhi, double reach) {
    int c0 = Math.max(0, (int) Math.floor(x - reach));
    int c1 = Math.min(width - 1, (int) Math.floor(x + reach));
    int r0 = Math.max(0, (int) Math.floor(ylo - reach));
    int r1 = Math.min(height - 1, (int) Math.floor(yhi + reach));
    if (c0 > c1 || r0 > r1) {
      return;
    }
    // rows whose centres lie between the ends take the distance across; the others the distance to an end
    int m0 = Math.max(r0, (int) Math.ceil(ylo - 0.5));
    int m1 = Math.min(r1, (int) Math.floor(yhi - 0.5));
    double reach2 = reach * reach;
    for (int c = c0; c <= c1; c++) {
      double ex = c + 0.5 - x;
      float across = (float) (reach - Math.abs(ex));
      if (across <= 0) {
        continue;
      }
      int base = c * height;
      if (across >= 1) {
        if (m0 <= m1) {
          Arrays.fill(cover, base + m0, base + m1 + 1, 1f);
        }
      } else {
        for (int i = base + m0, end = base + m1; i <= end; i++) {
          if (across > cover[i]) {
            cover[i] = across;
          }
        }
      }
      for (int r = r0; r <= r1; r++) {
        if (r == m0 && m0 <= m1) {
          r = m1;
          continue;
        }
        double ey = r + 0.5 < ylo ? r + 0.5 - ylo : r + 0.5 - yhi;
        double d2 = ex * ex + ey * ey;
        if (d2 < reach2) {
          int i = base + r;
          float a = (float) (reach - Math.sqrt(d2));
          if (a > cover[i]) {
            cover[i] = a < 1 ? a : 1;
          }
        }
      }
      if (r0 < top[c]) {
        top[c] = r0;
      }
      if (r1 > bottom[c]) {
        bottom[c] = r1;
      }
    }
    firstColumn = Math.min(firstColumn, c0);
    lastColumn = Math.max(lastColumn, c1);
  }

  /** Rows {@code from..to} of a column that project beyond the segment's ends: only those near an end are covered. */
  private void ends(int base, int from, int to, double cx, double x1, double y1, double x2, double y2, double reach) {
    if (from > to) {
      return;
    }
    // a row next to both ends is looked at twice, which the max makes harmless
    near(base, Math.max(from, (int) Math.floor(y1 - reach)), Math.min(to, (int) Math.floor(y1 + reach)), cx, x1, y1, x2, y2, reach);
    near(base, Math.max(from, (int) Math.floor(y2 - reach)), Math.min(to, (int) Math.floor(y2 + reach)), cx, x1, y1, x2, y2, reach);
  }

  private void near(int base, int from, int to, double cx, double x1, double y1, double x2, double y2, double reach) {
    double reach2 = reach * reach;
    for (int r = from; r <= to; r++) {
      double cy = r + 0.5;
      double d2 = Math.min((cx - x1) * (cx - x1) + (cy - y1) * (cy - y1), (cx - x2) * (cx - x2) + (cy - y2) * (cy - y2));
      if (d2 < reach2) {
        int i = base + r;
        float a = (float) (reach - Math.sqrt(d2));
        if (a > cover[i]) {
          cover[i] = a < 1 ? a : 1;
        }
      }
    }
  }

  /** Lays the line under way over the pixels in {@code rgb} (0xRRGGBB, opaque) and starts the next line. */
  public void paint(int rgb) {
    int red = rgb >>> 16 & 0xff;
    int green = rgb >>> 8 & 0xff;
    int blue = rgb & 0xff;
    int opaque = 0xff000000 | rgb;
    for (int c = firstColumn; c <= lastColumn; c++) {
      for (int r = top[c], i = r * width + c, k = c * height + r; r <= bottom[c]; r++, i += width, k++) {
        float a = cover[k];
        if (a >= 1) {
          cover[k] = 0;
          pixels[i] = opaque;
        } else if (a > 0) {
          cover[k] = 0;
          int a8 = (int) (a * 255 + 0.5f);
          int keep = 255 - a8;
          int d = pixels[i];
          pixels[i] = (a8 + div255((d >>> 24) * keep)) << 24
              | (div255(red * a8) + div255((d >>> 16 & 0xff) * keep)) << 16
              | (div255(green * a8) + div255((d >>> 8 & 0xff) * keep)) << 8
              | (div255(blue * a8) + div255((d & 0xff) * keep));
        }
      }
      top[c] = Integer.MAX_VALUE;
      bottom[c] = -1;
    }
    firstColumn = Integer.MAX_VALUE;
    lastColumn = -1;
  }

  private static int div255(int v) {
    return (v + 128 + ((v + 128) >>> 8)) >>> 8;
  }
}
