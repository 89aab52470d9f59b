package dev.pipewright.app.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The chart's own line rasteriser: widths, colours, joins and clipping as they show in the picture. */
class LineRasterTest {
  private static final int BLUE = 0x0969da;
  private final LineRaster raster = new LineRaster();

  @Test
  void aHorizontalLineIsOpaqueOnItsRowAndFadesIntoTheRowsBesideIt() {
    raster.reset(20, 10);
    raster.segment(2.5, 4.5, 17.5, 4.5, 1.5);
    raster.paint(BLUE);
    for (int x = 3; x <= 17; x++) {
      assertThat(pixel(x, 4)).as("column %d", x).isEqualTo(0xff000000 | BLUE);
      assertThat(alpha(x, 3)).isEqualTo(alpha(x, 5)).isBetween(40, 90); // a quarter, each side
      assertThat(alpha(x, 2)).isZero();
      assertThat(alpha(x, 6)).isZero();
      // the three rows together carry the line's width of 1.5 pixels
      assertThat((alpha(x, 3) + alpha(x, 4) + alpha(x, 5)) / 255.0).isCloseTo(1.5, within(0.05));
    }
  }

  @Test
  void aVerticalRunCoversItsColumnAndAQuarterOfEachNeighbour() {
    raster.reset(10, 40);
    raster.segment(4.5, 5.5, 4.5, 30.5, 1.5);
    raster.paint(BLUE);
    for (int y = 6; y <= 30; y++) {
      assertThat(pixel(4, y)).isEqualTo(0xff000000 | BLUE);
      assertThat(alpha(3, y)).isEqualTo(alpha(5, y)).isBetween(60, 70);
    }
    assertThat(alpha(4, 35)).isZero();
    assertThat(alpha(4, 1)).isZero();
  }

  @Test
  void aDiagonalLineLeavesNoGapsAndHasSoftEdges() {
    raster.reset(30, 30);
    raster.segment(2, 3, 27, 25, 1.5);
    raster.paint(BLUE);
    int soft = 0;
    for (int x = 3; x <= 26; x++) {
      int strongest = 0;
      for (int y = 0; y < 30; y++) {
        strongest = Math.max(strongest, alpha(x, y));
        soft += alpha(x, y) > 0 && alpha(x, y) < 255 ? 1 : 0;
      }
      assertThat(strongest).as("column %d", x).isGreaterThanOrEqualTo(191);
    }
    assertThat(soft).as("antialiased edge pixels").isGreaterThan(24);
  }

  @Test
  void aLineGoingBackOverItselfIsNoDarkerThanDrawnOnce() {
    raster.reset(30, 30);
    raster.segment(3, 20.2, 15, 8.7, 1.5);
    raster.paint(0x000000);
    int once = alpha(9, 14);
    assertThat(once).as("an edge pixel, partly covered").isBetween(100, 254);
    raster.reset(30, 30);
    raster.segment(3, 20.2, 15, 8.7, 1.5);
    raster.segment(15, 8.7, 3, 20.2, 1.5); // a zigzag's way back over the same pixels
    raster.paint(0x000000);
    assertThat(alpha(9, 14)).isEqualTo(once);
  }

  @Test
  void aLaterLineIsLaidOverAnEarlierOneWhereTheyCross() {
    raster.reset(20, 20);
    raster.segment(0.5, 10.5, 19.5, 10.5, 1.5);
    raster.paint(0xff0000);
    raster.segment(10.5, 0.5, 10.5, 19.5, 1.5);
    raster.paint(0x00ff00);
    assertThat(pixel(10, 10)).isEqualTo(0xff00ff00);
    assertThat(pixel(2, 10)).isEqualTo(0xffff0000);
  }

  @Test
  void aLineRunningOffTheRasterIsCutAtItsEdgesNotWrappedAround() {
    raster.reset(10, 10);
    raster.segment(-20, 5.5, 30, 5.5, 1.5);
    raster.segment(5.5, -50, 5.5, 50, 1.5);
    raster.paint(BLUE);
    for (int x = 0; x < 10; x++) {
      assertThat(pixel(x, 5)).isEqualTo(0xff000000 | BLUE);
      assertThat(pixel(5, x)).isEqualTo(0xff000000 | BLUE);
    }
    assertThat(alpha(0, 0)).isZero();
    assertThat(alpha(9, 9)).isZero();
  }

  @Test
  void resetClearsThePreviousPicture() {
    raster.reset(10, 10);
    raster.segment(0, 5, 10, 5, 1.5);
    raster.paint(BLUE);
    raster.reset(10, 10);
    for (int i = 0; i < 100; i++) {
      assertThat(raster.pixels()[i]).isZero();
    }
  }

  private int pixel(int x, int y) {
    return raster.pixels()[y * raster.width() + x];
  }

  private int alpha(int x, int y) {
    return pixel(x, y) >>> 24;
  }
}
