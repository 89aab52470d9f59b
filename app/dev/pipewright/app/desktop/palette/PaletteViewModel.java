package dev.pipewright.app.desktop.palette;

import dev.pipewright.model.Category;
import dev.pipewright.model.NodeKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * The palette: every node kind grouped by category in layout order, narrowed by a filter that
 * matches a kind's label, id, category or description (all words must match).
 */
public final class PaletteViewModel {
  private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
  private final ReadOnlyObjectWrapper<Map<Category, List<NodeKind>>> groups =
      new ReadOnlyObjectWrapper<>(this, "groups", group(""));

  public PaletteViewModel() {
    filter.addListener((obs, was, now) -> groups.set(group(now)));
  }

  /** What the person typed into the search field. */
  public StringProperty filterProperty() {
    return filter;
  }

  /** Non-empty categories in layout order, each with its matching kinds. */
  public ReadOnlyObjectProperty<Map<Category, List<NodeKind>>> groupsProperty() {
    return groups.getReadOnlyProperty();
  }

  public List<NodeKind> visibleKinds() {
    List<NodeKind> all = new ArrayList<>();
    groups.get().values().forEach(all::addAll);
    return all;
  }

  static Map<Category, List<NodeKind>> group(String text) {
    String[] words = text == null ? new String[0] : text.toLowerCase(Locale.ROOT).trim().split("\\s+");
    Map<Category, List<NodeKind>> result = new LinkedHashMap<>();
    for (Category c : paletteOrder()) {
      List<NodeKind> kinds = new ArrayList<>();
      for (NodeKind k : NodeKind.values()) {
        if (k.category() == c && matches(k, words)) {
          kinds.add(k);
        }
      }
      if (!kinds.isEmpty()) {
        result.put(c, kinds);
      }
    }
    return result;
  }

  /** Sources first, as a pipeline is drawn; applications last since they are drawn least. */
  private static List<Category> paletteOrder() {
    return List.of(Category.SOURCE, Category.CAPTURE, Category.TOPIC, Category.TRANSFORM, Category.SINK,
        Category.APPLICATION);
  }

  private static boolean matches(NodeKind k, String[] words) {
    String hay = (k.label() + " " + k.id() + " " + k.category().label() + " " + k.description())
        .toLowerCase(Locale.ROOT);
    for (String w : words) {
      if (!w.isEmpty() && !hay.contains(w)) {
        return false;
      }
    }
    return true;
  }
}
