package dev.pipewright.canvas.icons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipewright.model.Category;
import dev.pipewright.model.NodeKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped icon set: complete, within the subset, visible, inside its box, readable on both themes. */
class IconsTest {

  private static final int MARGIN = 4;
  private static final Color LIGHT = Color.web("#FFFFFF");
  private static final Color DARK = Color.web("#0D1117");
  /** The canvas's dark-theme node card, the lightest dark surface icons sit on. */
  private static final Color DARK_CARD = Color.web("#23262E");

  @BeforeAll
  static void startToolkit() throws Exception {
    Fx.start();
  }

  @ParameterizedTest
  @EnumSource(NodeKind.class)
  void everyKindHasAnIconFileWithinTheSubset(NodeKind kind) {
    Icon icon = Icons.of(kind);
    assertThat(icon.source()).isEqualTo("icons/" + kind.id() + ".svg");
    assertThat(icon.shapes()).isNotEmpty();
  }

  @Test
  void appIconExistsAndIsCached() {
    assertThat(Icons.app().source()).isEqualTo("icons/pipewright.svg");
    assertThat(Icons.app()).isSameAs(Icons.app());
    assertThat(Icons.of(NodeKind.TOPIC)).isSameAs(Icons.of(NodeKind.TOPIC));
  }

  static Stream<Arguments> iconsAndSizes() {
    return Stream.of(16, 64).flatMap(size -> allIconNames().map(name -> Arguments.of(name, size)));
  }

  @ParameterizedTest(name = "{0} at {1} px")
  @MethodSource("iconsAndSizes")
  void iconPaintsAVisibleShapeThatStaysInsideItsBox(String name, int size) throws Exception {
    WritableImage img = Fx.call(() -> Fx.render(size + 2 * MARGIN, 1,
        g -> Icons.load(name).drawVector(g, MARGIN, MARGIN, size)));
    PixelReader r = img.getPixelReader();
    int inside = 0;
    List<String> outside = new ArrayList<>();
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        double a = r.getColor(x, y).getOpacity();
        boolean inBox = x >= MARGIN && y >= MARGIN && x < MARGIN + size && y < MARGIN + size;
        if (a > 0.5 && inBox) {
          inside++;
        }
        if (a > 0 && !inBox && outside.size() < 5) {
          outside.add((x - MARGIN) + "," + (y - MARGIN));
        }
      }
    }
    assertThat(outside).as("pixels painted outside the %d px box of %s", size, name).isEmpty();
    // A bold glyph covers a good share of its box; a thin or missing one does not.
    assertThat(inside).as("opaque pixels of %s at %d px", name, size).isGreaterThan(size * size / 5);
  }

  static Stream<String> allIconNames() {
    return Stream.concat(Stream.of(NodeKind.values()).map(NodeKind::id), Stream.of("pipewright"));
  }

  @ParameterizedTest
  @MethodSource("allIconNames")
  void sceneGraphNodeLooksLikeTheCanvasDrawing(String name) throws Exception {
    int size = 64;
    Icon icon = Icons.load(name);
    int differing = Fx.call(() -> {
      Node n = icon.node(size);
      assertThat(n.getLayoutBounds().getWidth()).isEqualTo(size);
      assertThat(n.getLayoutBounds().getHeight()).isEqualTo(size);
      SnapshotParameters p = new SnapshotParameters();
      p.setFill(Color.TRANSPARENT);
      return Fx.coverageDifference(Fx.render(icon, size, 0), new Group(n).snapshot(p, null));
    });
    assertThat(differing).as("pixels where node(64) and draw(64) of %s disagree", name)
        .isLessThan(size * size / 50);
  }

  static Stream<Arguments> kindsAndZooms() {
    List<Arguments> all = new ArrayList<>();
    for (NodeKind k : NodeKind.values()) {
      for (double zoom : new double[] {1, 1.5, 2.5}) {
        all.add(Arguments.of(k, zoom));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} at zoom {1}")
  @MethodSource("kindsAndZooms")
  void cachedDrawingIsAsSharpAsPaintingTheShapesAtAnyZoom(NodeKind kind, double zoom) throws Exception {
    // A zoomed canvas must get a rendering made for its device size (36 or 60 px), not a stretched 24.
    int pixels = (int) Math.ceil(24 * zoom) + 4;
    Icon icon = Icons.of(kind);
    int differing = Fx.call(() -> Fx.coverageDifference(
        Fx.render(pixels, zoom, g -> {
          GraphicsContext scratch = new Canvas(pixels, pixels).getGraphicsContext2D();
          scratch.scale(zoom, zoom);
          for (int i = 0; i < Icon.REQUESTS_BEFORE_CACHING; i++) {
            icon.draw(scratch, 0, 0, 24);
          }
          assertThat(icon.isCached(24 * zoom)).as("cached after %d draws", Icon.REQUESTS_BEFORE_CACHING).isTrue();
          icon.draw(g, 0, 0, 24);
        }),
        Fx.render(pixels, zoom, g -> icon.drawVector(g, 0, 0, 24))));
    assertThat(differing).as("pixels where the cached and the painted %s disagree at zoom %s", kind.id(), zoom)
        .isLessThanOrEqualTo(pixels * pixels / 40);
  }

  @Test
  void noTwoIconsLookAlikeAt24Px() throws Exception {
    NodeKind[] kinds = NodeKind.values();
    int size = 24;
    List<Image> images = Fx.call(() -> {
      List<Image> all = new ArrayList<>();
      for (NodeKind k : kinds) {
        all.add(Fx.render(Icons.of(k), size, 0));
      }
      return all;
    });
    double closest = Double.MAX_VALUE;
    String pair = "";
    for (int i = 0; i < kinds.length; i++) {
      for (int j = i + 1; j < kinds.length; j++) {
        double d = Fx.colourDifference(images.get(i), images.get(j)) / (double) (size * size);
        if (d < closest) {
          closest = d;
          pair = kinds[i].id() + " and " + kinds[j].id();
        }
      }
    }
    // The five databases share a cylinder; their marks must still change a tenth of the pixels.
    assertThat(closest).as("share of pixels that tell %s apart", pair).isGreaterThan(0.10);
  }

  @Test
  void windowIconImagesHaveTheRequestedSizes() throws Exception {
    List<Image> icons = Fx.call(Icons::windowIcons);
    assertThat(icons).extracting(Image::getWidth).containsExactly(16.0, 32.0, 64.0, 128.0);
    for (Image img : icons) {
      int size = (int) img.getWidth();
      assertThat(img.getHeight()).isEqualTo(size);
      assertThat(img.getPixelReader().getColor(size / 2, size / 2).getOpacity()).isGreaterThan(0.9);
      assertThat(img.getPixelReader().getColor(0, 0).getOpacity()).as("rounded corner stays clear").isZero();
    }
  }

  @Test
  void hiDpiWindowGetsIconsRenderedForItsDevicePixels() throws Exception {
    Icon icon = Icons.of(NodeKind.LAKE);
    boolean cached = Fx.call(() -> {
      Canvas canvas = new Canvas(100, 100);
      Stage stage = new Stage();
      stage.setScene(new Scene(new Group(canvas)));
      stage.show();
      // After show(): showing sets the render scale from the screen's.
      stage.setRenderScaleX(2);
      stage.setRenderScaleY(2);
      try {
        for (int i = 0; i < Icon.REQUESTS_BEFORE_CACHING; i++) {
          icon.draw(canvas.getGraphicsContext2D(), 10, 10, 20);
        }
        return icon.isCached(40) && !icon.isCached(20);
      } finally {
        stage.close();
      }
    });
    assertThat(cached).as("a 20 px icon on a 2x screen is cached at 40 device pixels").isTrue();
  }

  @Test
  void imageOffTheFxThreadFailsWithAClearMessage() {
    assertThatThrownBy(() -> Icons.app().image(32)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("JavaFX application thread").hasMessageContaining("icons/pipewright.svg");
  }

  @Test
  void kindsOfOneCategoryShareOneColourAndCategoriesDiffer() {
    Map<Category, Set<Color>> byCategory = new EnumMap<>(Category.class);
    for (NodeKind k : NodeKind.values()) {
      byCategory.computeIfAbsent(k.category(), c -> new HashSet<>()).add(Icons.of(k).primaryColor());
    }
    assertThat(byCategory).hasSize(Category.values().length);
    Set<Color> distinct = new HashSet<>();
    byCategory.forEach((category, colours) -> {
      assertThat(colours).as("primary colours of the %s icons", category).hasSize(1);
      distinct.addAll(colours);
    });
    assertThat(distinct).as("one colour per category").hasSize(Category.values().length);
  }

  @ParameterizedTest
  @EnumSource(Category.class)
  void categoryColourReadsOnLightAndDarkBackgrounds(Category category) {
    Color c = Icons.color(category);
    // 3:1 is WCAG's minimum for graphical objects.
    assertThat(contrast(c, LIGHT)).as("%s colour %s on white", category, c).isGreaterThanOrEqualTo(3.0);
    assertThat(contrast(c, DARK)).as("%s colour %s on #0D1117", category, c).isGreaterThanOrEqualTo(3.0);
    assertThat(contrast(c, DARK_CARD)).as("%s colour %s on #23262E", category, c).isGreaterThanOrEqualTo(3.0);
  }

  @Test
  void missingIconNamesTheFileAndTheFix() {
    assertThatThrownBy(() -> Icons.load("no-such-kind")).isInstanceOf(IconFormatException.class)
        .hasMessageContaining("icons/no-such-kind.svg").hasMessageContaining("add the file to icons/");
  }

  static double contrast(Color a, Color b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(Color c) {
    return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
  }

  private static double linear(double v) {
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  }
}
