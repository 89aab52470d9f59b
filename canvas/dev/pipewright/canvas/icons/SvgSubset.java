package dev.pipewright.canvas.icons;

import dev.pipewright.canvas.icons.IconShape.Style;
import dev.pipewright.canvas.icons.IconShape.Transform;
import dev.pipewright.canvas.icons.IconShape.Type;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.paint.Color;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an icon file written in the documented SVG subset (see docs/icons.md) into flat,
 * pre-resolved shapes. Anything outside the subset is refused with the file, line and a fix, so
 * an icon never renders differently here than in a browser.
 */
final class SvgSubset {

  static final String SVG_NS = "http://www.w3.org/2000/svg";

  private static final Map<String, Type> SHAPES = Map.of("path", Type.PATH, "rect", Type.RECT,
      "circle", Type.CIRCLE, "ellipse", Type.ELLIPSE, "line", Type.LINE, "polyline", Type.POLYLINE,
      "polygon", Type.POLYGON);
  private static final Set<String> PRESENTATION = Set.of("fill", "fill-rule", "stroke", "stroke-width",
      "stroke-linecap", "stroke-linejoin", "opacity", "transform");
  private static final Set<String> ROOT_ONLY = Set.of("viewBox", "width", "height");
  private static final Set<String> ALLOWED_ELEMENTS = Set.of("svg", "g", "title", "path", "rect", "circle",
      "ellipse", "line", "polyline", "polygon");
  private static final Pattern PATH_DATA = Pattern.compile("[MmLlHhVvCcSsQqAaZz0-9eE+\\-.,\\s]*");
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern TRANSFORM_PART =
      Pattern.compile("\\s*(translate|scale)\\s*\\(([^)]*)\\)\\s*,?");
  private static final Map<String, FillRule> FILL_RULES =
      Map.of("nonzero", FillRule.NON_ZERO, "evenodd", FillRule.EVEN_ODD);
  private static final Map<String, StrokeLineCap> LINE_CAPS =
      Map.of("butt", StrokeLineCap.BUTT, "round", StrokeLineCap.ROUND, "square", StrokeLineCap.SQUARE);
  private static final Map<String, StrokeLineJoin> LINE_JOINS =
      Map.of("miter", StrokeLineJoin.MITER, "round", StrokeLineJoin.ROUND, "bevel", StrokeLineJoin.BEVEL);
  private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

  private SvgSubset() {
  }

  /** The parsed icon: its view box and its shapes in paint order. */
  record Parsed(double minX, double minY, double width, double height, List<IconShape> shapes) {
  }

  static Parsed parse(String source, InputStream in) {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    // Icons come from our own jar, but a parser that cannot fetch or expand anything is free.
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    XMLStreamReader r = null;
    try {
      r = factory.createXMLStreamReader(in);
      return read(source, r);
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
      throw new IconFormatException(source + (line > 0 ? " line " + line : "")
          + ": not well-formed XML (" + firstLine(e.getMessage()) + "); fix the markup", e);
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // closing a reader over a stream the caller owns; nothing to recover
        }
      }
    }
  }

  private static Parsed read(String source, XMLStreamReader r) throws XMLStreamException {
    Deque<Style> styles = new ArrayDeque<>();
    Deque<Transform> transforms = new ArrayDeque<>();
    Deque<String> open = new ArrayDeque<>();
    List<IconShape> shapes = new ArrayList<>();
    double[] viewBox = null;
    int titleDepth = 0;
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.DTD) {
        throw fail(source, r, "a DOCTYPE is not allowed in icon files; delete it");
      }
      if (event == XMLStreamConstants.END_ELEMENT) {
        String name = open.pop();
        if (name.equals("title")) {
          titleDepth--;
        } else {
          styles.pop();
          transforms.pop();
        }
        continue;
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      String name = r.getLocalName();
      if (titleDepth > 0) {
        throw fail(source, r, "<" + name + "> inside <title>; a title holds text only");
      }
      if (!ALLOWED_ELEMENTS.contains(name)) {
        throw fail(source, r, "<" + name + "> is not in the icon SVG subset; use only "
            + "svg, g, title, path, rect, circle, ellipse, line, polyline, polygon");
      }
      String ns = r.getNamespaceURI();
      if (ns != null && !ns.isEmpty() && !ns.equals(SVG_NS)) {
        throw fail(source, r, "<" + name + "> is in namespace " + ns + "; use the SVG namespace " + SVG_NS);
      }
      if (open.isEmpty() && !name.equals("svg")) {
        throw fail(source, r, "the root element is <" + name + ">; an icon file starts with <svg>");
      }
      if (!open.isEmpty() && name.equals("svg")) {
        throw fail(source, r, "nested <svg>; use <g> to group shapes");
      }
      open.push(name);
      if (name.equals("title")) {
        checkAttributes(source, r, name, Set.of());
        titleDepth++;
        continue;
      }
      Style parentStyle = styles.isEmpty() ? Style.INITIAL : styles.peek();
      Transform parentTransform = transforms.isEmpty() ? Transform.IDENTITY : transforms.peek();
      Type type = SHAPES.get(name);
      Set<String> allowed = new HashSet<>(PRESENTATION);
      if (name.equals("svg")) {
        allowed.addAll(ROOT_ONLY);
        allowed.remove("transform");
      } else if (type != null) {
        allowed.addAll(IconShape.attributesOf(type));
      }
      checkAttributes(source, r, name, allowed);
      Style style = style(source, r, parentStyle);
      Transform transform = parentTransform.then(transform(source, r, attr(r, "transform")));
      styles.push(style);
      transforms.push(transform);
      if (name.equals("svg")) {
        viewBox = viewBox(source, r);
      } else if (type != null) {
        shapes.add(shape(source, r, type, style, transform));
      }
    }
    if (viewBox == null) {
      throw new IconFormatException(source + ": no <svg> element; an icon file starts with <svg viewBox=\"0 0 24 24\">");
    }
    if (shapes.isEmpty()) {
      throw new IconFormatException(source + ": the icon draws nothing; add at least one shape");
    }
    return new Parsed(viewBox[0], viewBox[1], viewBox[2], viewBox[3], List.copyOf(shapes));
  }

  private static void checkAttributes(String source, XMLStreamReader r, String element, Set<String> allowed) {
    for (int i = 0; i < r.getAttributeCount(); i++) {
      String ns = r.getAttributeNamespace(i);
      String local = r.getAttributeLocalName(i);
      if (ns != null && !ns.isEmpty()) {
        throw fail(source, r, "attribute " + r.getAttributeName(i) + " on <" + element
            + "> is not in the icon SVG subset; delete it");
      }
      if (!allowed.contains(local)) {
        throw fail(source, r, "attribute " + local + " on <" + element + "> is not in the icon SVG subset; "
            + "allowed here: " + String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }

  private static double[] viewBox(String source, XMLStreamReader r) {
    String vb = attr(r, "viewBox");
    if (vb == null) {
      throw fail(source, r, "<svg> has no viewBox; add viewBox=\"0 0 24 24\"");
    }
    double[] v = numbers(source, r, "viewBox", vb);
    if (v.length != 4 || v[2] <= 0 || v[3] <= 0) {
      throw fail(source, r, "viewBox \"" + vb + "\" must be four numbers with positive width and height");
    }
    return v;
  }

  private static IconShape shape(String source, XMLStreamReader r, Type type, Style style, Transform t) {
    return switch (type) {
      case PATH -> {
        String d = required(source, r, "d");
        if (!PATH_DATA.matcher(d).matches()) {
          throw fail(source, r, "path data uses a command outside M L H V C S Q A Z (found \""
              + d.replaceAll("[MmLlHhVvCcSsQqAaZz0-9eE+\\-.,\\s]", "").charAt(0)
              + "\"); rewrite it with those commands");
        }
        yield new IconShape(type, new double[0], d.trim(), style, t);
      }
      case RECT -> {
        double rx = optional(source, r, "rx", -1);
        double ry = optional(source, r, "ry", -1);
        // SVG: a missing radius takes the other one's value.
        if (rx < 0) {
          rx = Math.max(ry, 0);
        }
        if (ry < 0) {
          ry = rx;
        }
        double w = number(source, r, "width");
        double h = number(source, r, "height");
        yield new IconShape(type, new double[] {optional(source, r, "x", 0), optional(source, r, "y", 0), w, h,
            Math.min(rx, w / 2), Math.min(ry, h / 2)}, null, style, t);
      }
      case CIRCLE -> new IconShape(type, new double[] {optional(source, r, "cx", 0), optional(source, r, "cy", 0),
          number(source, r, "r")}, null, style, t);
      case ELLIPSE -> new IconShape(type, new double[] {optional(source, r, "cx", 0), optional(source, r, "cy", 0),
          number(source, r, "rx"), number(source, r, "ry")}, null, style, t);
      case LINE -> new IconShape(type, new double[] {optional(source, r, "x1", 0), optional(source, r, "y1", 0),
          optional(source, r, "x2", 0), optional(source, r, "y2", 0)}, null, style, t);
      case POLYLINE, POLYGON -> {
        double[] pts = numbers(source, r, "points", required(source, r, "points"));
        if (pts.length < 4 || pts.length % 2 != 0) {
          throw fail(source, r, "points needs an even count of at least 4 numbers (x,y pairs)");
        }
        yield new IconShape(type, pts, null, style, t);
      }
    };
  }

  private static Style style(String source, XMLStreamReader r, Style parent) {
    String fill = attr(r, "fill");
    String stroke = attr(r, "stroke");
    double width = parent.strokeWidth();
    if (attr(r, "stroke-width") != null) {
      width = number(source, r, "stroke-width");
      if (width < 0) {
        throw fail(source, r, "stroke-width must not be negative");
      }
    }
    double opacity = 1;
    if (attr(r, "opacity") != null) {
      opacity = number(source, r, "opacity");
      if (opacity < 0 || opacity > 1) {
        throw fail(source, r, "opacity must be between 0 and 1");
      }
    }
    return new Style(
        fill == null ? parent.fill() : paint(source, r, "fill", fill),
        keyword(source, r, "fill-rule", FILL_RULES, parent.fillRule()),
        stroke == null ? parent.stroke() : paint(source, r, "stroke", stroke),
        width,
        keyword(source, r, "stroke-linecap", LINE_CAPS, parent.lineCap()),
        keyword(source, r, "stroke-linejoin", LINE_JOINS, parent.lineJoin()),
        // SVG group opacity is approximated by multiplying it into every child (no offscreen layer).
        parent.opacity() * opacity);
  }

  private static <T> T keyword(String source, XMLStreamReader r, String name, Map<String, T> values, T inherited) {
    String v = attr(r, name);
    if (v == null) {
      return inherited;
    }
    T value = values.get(v.trim());
    if (value == null) {
      throw fail(source, r, name + "=\"" + v + "\" must be one of " + String.join(", ", new TreeSet<>(values.keySet())));
    }
    return value;
  }

  private static Color paint(String source, XMLStreamReader r, String attribute, String value) {
    String v = value.trim();
    if (v.equals("none")) {
      return null;
    }
    if (HEX.matcher(v).matches()) {
      return Color.web(v);
    }
    throw fail(source, r, attribute + "=\"" + value + "\" is not a colour of the subset; write none or #rrggbb");
  }

  private static Transform transform(String source, XMLStreamReader r, String value) {
    if (value == null || value.isBlank()) {
      return Transform.IDENTITY;
    }
    Transform t = Transform.IDENTITY;
    Matcher m = TRANSFORM_PART.matcher(value);
    int end = 0;
    while (m.find() && m.start() == end) {
      double[] args = numbers(source, r, "transform", m.group(2));
      Transform part;
      if (m.group(1).equals("translate") && (args.length == 1 || args.length == 2)) {
        part = new Transform(1, 1, args[0], args.length == 2 ? args[1] : 0);
      } else if (m.group(1).equals("scale") && (args.length == 1 || args.length == 2)) {
        part = new Transform(args[0], args.length == 2 ? args[1] : args[0], 0, 0);
      } else {
        throw fail(source, r, m.group(1) + "(" + m.group(2) + ") takes one or two numbers");
      }
      t = t.then(part);
      end = m.end();
    }
    if (end != value.length()) {
      throw fail(source, r, "transform=\"" + value + "\" is outside the subset; use only translate(x,y) and scale(s)");
    }
    return t;
  }

  private static String attr(XMLStreamReader r, String name) {
    return r.getAttributeValue(null, name);
  }

  private static String required(String source, XMLStreamReader r, String name) {
    String v = attr(r, name);
    if (v == null || v.isBlank()) {
      throw fail(source, r, "<" + r.getLocalName() + "> needs the attribute " + name);
    }
    return v;
  }

  private static double number(String source, XMLStreamReader r, String name) {
    String v = required(source, r, name).trim();
    if (!NUMBER.matcher(v).matches()) {
      throw fail(source, r, name + "=\"" + v + "\" must be a plain number (no units)");
    }
    return Double.parseDouble(v);
  }

  private static double optional(String source, XMLStreamReader r, String name, double fallback) {
    return attr(r, name) == null ? fallback : number(source, r, name);
  }

  private static double[] numbers(String source, XMLStreamReader r, String name, String value) {
    String[] parts = value.trim().split("[\\s,]+");
    double[] out = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      if (!NUMBER.matcher(parts[i]).matches()) {
        throw fail(source, r, name + "=\"" + value + "\" must be numbers separated by spaces or commas");
      }
      out[i] = Double.parseDouble(parts[i]);
    }
    return out;
  }

  private static IconFormatException fail(String source, XMLStreamReader r, String message) {
    int line = r.getLocation() == null ? -1 : r.getLocation().getLineNumber();
    return new IconFormatException(source + (line > 0 ? " line " + line : "") + ": " + message);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    String t = s.strip();
    int nl = t.indexOf('\n');
    return (nl < 0 ? t : t.substring(nl + 1)).strip();
  }
}
