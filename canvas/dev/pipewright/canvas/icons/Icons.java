package dev.pipewright.canvas.icons;

import dev.pipewright.model.Category;
import dev.pipewright.model.NodeKind;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;

/**
 * The icon of every node kind and of the app, read once from the classpath
 * ({@code dev/pipewright/icons/<kind id>.svg}, copied there from {@code icons/} by the build) and
 * cached. Safe to call from any thread; only drawing needs the FX thread.
 */
public final class Icons {

  static final String RESOURCE_DIR = "dev/pipewright/icons/";
  private static final String APP = "pipewright";
  private static final Map<String, Icon> CACHE = new ConcurrentHashMap<>();

  private Icons() {
  }

  /** The icon of a node kind; throws {@link IconFormatException} if its file is missing or invalid. */
  public static Icon of(NodeKind kind) {
    return load(kind.id());
  }

  /** The application's mark, for window icons and the about box. */
  public static Icon app() {
    return load(APP);
  }

  /**
   * The app mark at the sizes window managers pick from (16, 32, 64 and 128 px), for
   * {@code stage.getIcons().setAll(Icons.windowIcons())}. FX thread only.
   */
  public static List<Image> windowIcons() {
    Icon app = app();
    return IntStream.of(16, 32, 64, 128).mapToObj(app::image).toList();
  }

  /**
   * The colour of a category, as its icons are drawn, for accents such as palette headings or
   * edge tints; by the icon convention it is the first fill of each of its icons.
   */
  public static Color color(Category category) {
    NodeKind first = Stream.of(NodeKind.values()).filter(k -> k.category() == category).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no node kind in category " + category));
    return of(first).primaryColor();
  }

  static Icon load(String name) {
    return CACHE.computeIfAbsent(name, Icons::read);
  }

  private static Icon read(String name) {
    String source = "icons/" + name + ".svg";
    ClassLoader cl = Icons.class.getClassLoader();
    try (InputStream in = cl.getResourceAsStream(RESOURCE_DIR + name + ".svg")) {
      if (in == null) {
        throw new IconFormatException(source + ": not found on the classpath at " + RESOURCE_DIR + name
            + ".svg; add the file to icons/ and rebuild");
      }
      return new Icon(source, SvgSubset.parse(source, in));
    } catch (IOException e) {
      throw new IconFormatException(source + ": could not be read (" + e.getMessage() + ")", e);
    }
  }
}
