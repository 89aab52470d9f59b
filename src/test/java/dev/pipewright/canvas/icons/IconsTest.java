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
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
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
    List<Arguments> all = new ArrayList<>();
    for (int size : new int[] {16, 64}) {
      for (NodeKind k : NodeKind.values()) {
        all.add(Arguments.of(k.id(), size));
      }
      all.add(Arguments.of("pipewright", size));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} at {1} px")
  @MethodSource("iconsAndSizes")
  void iconPaintsAVisibleShapeThatStaysInsideItsBox(String name, int size) throws Exception {
    WritableImage img = Fx.call(() -> Fx.render(Icons.load(name), size, MARGIN));
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

  @ParameterizedTest
  @EnumSource(NodeKind.class)
  void sceneGraphNodeLooksLikeTheCanvasDrawing(NodeKind kind) throws Exception {
    int size = 64;
    boolean[][] drawn = Fx.call(() -> mask(Fx.render(Icons.of(kind), size, 0)));
    boolean[][] asNode = Fx.call(() -> {
      Node n = Icons.of(kind).node(size);
      assertThat(n.getLayoutBounds().getWidth()).isEqualTo(size);
      assertThat(n.getLayoutBounds().getHeight()).isEqualTo(size);
      SnapshotParameters p = new SnapshotParameters();
      p.setFill(Color.TRANSPARENT);
      return mask(new Group(n).snapshot(p, null));
    });
    int differing = 0;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        if (drawn[y][x] != asNode[y][x]) {
          differing++;
        }
      }
    }
    assertThat(differing).as("pixels where node(64) and draw(64) of %s disagree", kind.id())
        .isLessThan(size * size / 50);
  }

  @Test
  void windowIconImagesHaveTheRequestedSizes() throws Exception {
    for (int size : new int[] {16, 32, 64, 128}) {
      Image img = Fx.call(() -> Icons.app().image(size));
      assertThat(img.getWidth()).isEqualTo(size);
      assertThat(img.getHeight()).isEqualTo(size);
      assertThat(img.getPixelReader().getColor(size / 2, size / 2).getOpacity()).isGreaterThan(0.9);
    }
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
    NodeKind kind = Stream.of(NodeKind.values()).filter(k -> k.category() == category).findFirst().orElseThrow();
    Color c = Icons.of(kind).primaryColor();
    // 3:1 is WCAG's minimum for graphical objects.
    assertThat(contrast(c, LIGHT)).as("%s colour %s on white", category, c).isGreaterThanOrEqualTo(3.0);
    assertThat(contrast(c, DARK)).as("%s colour %s on #0D1117", category, c).isGreaterThanOrEqualTo(3.0);
  }

  @Test
  void missingIconNamesTheFileAndTheFix() {
    assertThatThrownBy(() -> Icons.load("no-such-kind")).isInstanceOf(IconFormatException.class)
        .hasMessageContaining("icons/no-such-kind.svg").hasMessageContaining("add the file to icons/");
  }

  private static boolean[][] mask(Image img) {
    int w = (int) img.getWidth();
    int h = (int) img.getHeight();
    boolean[][] m = new boolean[h][w];
    PixelReader r = img.getPixelReader();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        m[y][x] = r.getColor(x, y).getOpacity() > 0.5;
      }
    }
    return m;
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
