package dev.pipewright.model.io;

import dev.pipewright.model.Cluster;
import dev.pipewright.model.Converter;
import dev.pipewright.model.Credentials;
import dev.pipewright.model.Durations;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Environment;
import dev.pipewright.model.KafkaSecurity;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.Position;
import dev.pipewright.model.PropertySpec;
import dev.pipewright.model.PropertyType;
import dev.pipewright.model.Slo;
import dev.pipewright.model.SloKind;
import dev.pipewright.model.io.YamlTree.Entry;
import dev.pipewright.model.io.YamlTree.Invalid;
import dev.pipewright.model.io.YamlTree.Loc;
import dev.pipewright.model.io.YamlTree.Y;
import dev.pipewright.model.io.YamlTree.YList;
import dev.pipewright.model.io.YamlTree.YMap;
import dev.pipewright.model.io.YamlTree.YScalar;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Maps the located YAML tree onto the model records, checking structure as it goes and
 * collecting every problem it can rather than stopping at the first. Returns null when anything
 * was wrong; the problems say what.
 */
final class PipelineReader {
  static final List<String> TOP_KEYS = List.of(
      "apiVersion", "name", "description", "environment", "converter", "clusters", "nodes", "edges", "slos");
  static final List<String> CLUSTER_KEYS = List.of(
      "name", "bootstrapServers", "security", "connect", "schemaRegistryUrl");
  static final List<String> SECURITY_KEYS = List.of("protocol", "saslMechanism", "username", "password", "truststore");
  static final List<String> CONNECT_KEYS = List.of("url", "username", "password", "truststore");
  static final List<String> NODE_KEYS = List.of("name", "kind", "position", "properties");
  static final List<String> POSITION_KEYS = List.of("x", "y");
  static final List<String> EDGE_KEYS = List.of("from", "to");
  static final List<String> SLO_KEYS = List.of(
      "name", "kind", "target", "threshold", "percentile", "objective", "window");
  static final List<String> PROTOCOLS = List.of("PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL");
  static final List<String> SASL_MECHANISMS = List.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512");
  static final List<Integer> PERCENTILES = List.of(50, 95, 99);
  static final double DEFAULT_OBJECTIVE = 0.999;

  private final Problems problems;
  /** Every node name seen, even of nodes too broken to build, so edges to them are not also reported. */
  private final Set<String> nodeNames = new HashSet<>();

  PipelineReader(Problems problems) {
    this.problems = problems;
  }

  Pipeline read(Y root) {
    if (!(root instanceof YMap top)) {
      if (!(root instanceof Invalid)) {
        problems.add(root.loc(), "", "A pipeline file is a mapping of keys (apiVersion, name, nodes, ...), but this "
            + "file holds " + root.describe(), "Start the file with 'apiVersion: " + Pipeline.API_VERSION
            + "' and 'name: my-pipeline' at the left margin; see docs/pipeline-format.md");
      }
      return null;
    }
    checkKeys(top, "", TOP_KEYS, "Top-level keys are");
    checkApiVersion(top);
    String name = requiredString(top, "", "name", "Give the pipeline a name, e.g. 'name: shop-orders'");
    String description = optionalString(top, "", "description");
    Environment environment = choice(top, "", "environment",
        Arrays.stream(Environment.values()).map(Environment::yamlName).toList(),
        s -> Optional.of(Environment.fromYaml(s)));
    Converter converter = choice(top, "", "converter",
        Arrays.stream(Converter.values()).map(Converter::yamlName).toList(), Converter::fromYaml);
    List<Cluster> clusters = list(top, "", "clusters", this::cluster);
    checkUnique(top, "clusters", "cluster");
    List<Node> nodes = list(top, "", "nodes", this::node);
    checkUnique(top, "nodes", "node");
    List<Edge> edges = list(top, "", "edges", this::edge);
    checkUniqueEdges(top);
    List<Slo> slos = list(top, "", "slos", this::slo);
    checkUnique(top, "slos", "SLO");
    if (!problems.isEmpty() || name == null) {
      return null;
    }
    return new Pipeline(name, description, environment, converter, clusters, nodes, edges, slos);
  }

  // ---- sections ------------------------------------------------------------------------------

  private void checkApiVersion(YMap top) {
    Entry e = top.entries().get("apiVersion");
    String fix = "Write 'apiVersion: " + Pipeline.API_VERSION + "' as the first line";
    if (e == null) {
      problems.add(top.loc(), "apiVersion", "The apiVersion is missing, so this is not recognisable as a "
          + "Pipewright pipeline file", fix);
      return;
    }
    String v = scalarText(e.value(), "apiVersion");
    if (v != null && !v.equals(Pipeline.API_VERSION)) {
      problems.add(e.value().loc(), "apiVersion", "Unsupported apiVersion '" + Text.abbreviate(v) + "'; this "
          + "version of Pipewright reads " + Pipeline.API_VERSION, v.startsWith("pipewright/")
          ? "The file was written by another version of Pipewright; open it with that version or change the "
              + "line to 'apiVersion: " + Pipeline.API_VERSION + "'"
          : fix);
    }
  }

  private Cluster cluster(Y y, String path) {
    YMap m = section(y, path, "a cluster (name, bootstrapServers, ...)", CLUSTER_KEYS, "Cluster keys are");
    if (m == null) {
      return null;
    }
    String name = requiredString(m, path, "name", "Give the cluster a name, e.g. 'name: local'");
    String bootstrap = optionalString(m, path, "bootstrapServers");
    KafkaSecurity security = security(m, path);
    String connectUrl = null;
    Credentials connectAuth = null;
    String connectTrust = null;
    YMap cm = subMap(m, path, "connect", "the Kafka Connect settings (url, username, password, truststore)");
    if (cm != null) {
      String cpath = Paths.child(path, "connect");
      checkKeys(cm, cpath, CONNECT_KEYS, "Connect keys are");
      connectUrl = optionalString(cm, cpath, "url");
      connectAuth = credentials(cm, cpath);
      connectTrust = optionalString(cm, cpath, "truststore");
    }
    String registry = optionalString(m, path, "schemaRegistryUrl");
    return name == null ? null : new Cluster(name, bootstrap, security, connectUrl, connectAuth, registry,
        connectTrust);
  }

  private KafkaSecurity security(YMap cluster, String clusterPath) {
    if (present(cluster, "security") == null) {
      return KafkaSecurity.PLAINTEXT;
    }
    String path = Paths.child(clusterPath, "security");
    YMap m = subMap(cluster, clusterPath, "security",
        "the security settings (protocol, saslMechanism, username, password, truststore)");
    if (m == null) {
      return null;
    }
    checkKeys(m, path, SECURITY_KEYS, "Security keys are");
    String protocol = requiredString(m, path, "protocol", "Write one of " + String.join(", ", PROTOCOLS));
    checkChoice(m, path, "protocol", PROTOCOLS);
    String mechanism = optionalString(m, path, "saslMechanism");
    checkChoice(m, path, "saslMechanism", SASL_MECHANISMS);
    Credentials credentials = credentials(m, path);
    String truststore = optionalString(m, path, "truststore");
    return new KafkaSecurity(protocol, mechanism, credentials, truststore);
  }

  private Credentials credentials(YMap m, String path) {
    String user = optionalString(m, path, "username");
    String password = optionalString(m, path, "password");
    return user == null && password == null ? null : new Credentials(user, password);
  }

  private Node node(Y y, String path) {
    YMap m = section(y, path, "a node (name, kind, position, properties)", NODE_KEYS, "Node keys are");
    if (m == null) {
      return null;
    }
    String name = requiredString(m, path, "name", "Give the node a unique name, e.g. 'name: shop-db'");
    if (name != null) {
      nodeNames.add(name);
    }
    NodeKind kind = null;
    String kindId = requiredString(m, path, "kind",
        "Write the kind of node, one of " + String.join(", ", kindIds()));
    if (kindId != null) {
      kind = NodeKind.fromId(kindId).orElse(null);
      if (kind == null) {
        problems.add(m.entries().get("kind").value().loc(), Paths.child(path, "kind"),
            "Unknown node kind '" + Text.abbreviate(kindId) + "'", Text.suggestion(kindId, kindIds(), "Valid kinds:"));
      }
    }
    Position position = position(m, path);
    Map<String, String> properties = properties(m, path, kind);
    if (name == null || kind == null) {
      return null;
    }
    return new Node(name, kind, position, properties);
  }

  private Position position(YMap node, String nodePath) {
    String path = Paths.child(nodePath, "position");
    YMap m = subMap(node, nodePath, "position", "a position such as {x: 40, y: 120}");
    if (m == null) {
      return null;
    }
    checkKeys(m, path, POSITION_KEYS, "Position keys are");
    Double x = number(m, path, "x", true);
    Double y = number(m, path, "y", true);
    return x == null || y == null ? null : new Position(x, y);
  }

  private Map<String, String> properties(YMap node, String nodePath, NodeKind kind) {
    Map<String, String> out = new TreeMap<>();
    String path = Paths.child(nodePath, "properties");
    YMap m = subMap(node, nodePath, "properties", "the node's properties, one 'key: value' per line");
    if (m == null) {
      return out;
    }
    for (Entry p : m.entries().values()) {
      String ppath = Paths.child(path, p.key());
      Y v = p.value();
      if (v instanceof Invalid) {
        continue;
      }
      if (p.key().isBlank()) {
        problems.add(p.keyLoc(), ppath, "A property has an empty name", "Write the property key before the ':'");
        continue;
      }
      Optional<PropertySpec> spec = kind == null ? Optional.empty() : kind.property(p.key());
      if (!(v instanceof YScalar s)) {
        problems.add(v.loc(), ppath, "'" + p.key() + "' must be a single value, not " + v.describe(),
            spec.map(sp -> sp.type() == PropertyType.LIST).orElse(false)
                ? "Write the items separated by commas on one line, e.g. public.orders,public.customers"
                : "Write the value on the same line as the key");
        continue;
      }
      if (s.isNull()) {
        problems.add(s.loc(), ppath, "'" + p.key() + "' has no value",
            "Give it a value, or delete the line to use the default"
                + spec.flatMap(PropertySpec::defaultOpt).map(d -> " (" + d + ")").orElse(""));
        continue;
      }
      String value = s.text();
      if (spec.isPresent()) {
        PropertySpec sp = spec.get();
        if (sp.type() == PropertyType.BOOLEAN && s.isBoolean()) {
          value = s.token() == com.fasterxml.jackson.core.JsonToken.VALUE_TRUE ? "true" : "false";
        }
        Optional<String> problem = sp.problemWith(value);
        if (problem.isPresent()) {
          problems.add(s.loc(), ppath, problem.get(), typeHint(sp, value));
          continue;
        }
      }
      out.put(p.key(), value);
    }
    return out;
  }

  private static String typeHint(PropertySpec sp, String value) {
    switch (sp.type()) {
      case INT:
        String example = sp.defaultOpt().filter(d -> !d.startsWith("-")).orElse("10");
        return "Write a number such as " + example;
      case BOOLEAN:
        return "Write true or false";
      case ENUM:
        return Text.suggestion(value, sp.choices(), "Write one of");
      default:
        return "Check the value";
    }
  }

  private Edge edge(Y y, String path) {
    YMap m = section(y, path, "an edge such as {from: shop-db, to: shop-cdc}", EDGE_KEYS, "Edge keys are");
    if (m == null) {
      return null;
    }
    String from = requiredString(m, path, "from", "Name the node the data comes from, e.g. 'from: shop-db'");
    String to = requiredString(m, path, "to", "Name the node the data goes to, e.g. 'to: shop-cdc'");
    checkNodeRef(m, path, "from", from);
    checkNodeRef(m, path, "to", to);
    return from == null || to == null ? null : new Edge(from, to);
  }

  private void checkNodeRef(YMap m, String path, String key, String name) {
    if (name != null && !nodeNames.contains(name)) {
      problems.add(m.entries().get(key).value().loc(), Paths.child(path, key),
          "There is no node named '" + Text.abbreviate(name) + "'",
          Text.closest(name, nodeNames).map(c -> "Did you mean '" + c + "'?")
              .orElse("Add a node with that name under 'nodes', or correct the name"));
    }
  }

  private Slo slo(Y y, String path) {
    YMap m = section(y, path, "an SLO (name, kind, target, threshold, objective, window)", SLO_KEYS, "SLO keys are");
    if (m == null) {
      return null;
    }
    String name = requiredString(m, path, "name", "Give the SLO a name, e.g. 'name: search-fresh'");
    List<String> kinds = Arrays.stream(SloKind.values()).map(SloKind::yamlName).toList();
    String kindText = requiredString(m, path, "kind", "Write one of " + String.join(", ", kinds));
    SloKind kind = null;
    if (kindText != null) {
      kind = SloKind.fromYaml(kindText).orElse(null);
      if (kind == null) {
        problems.add(m.entries().get("kind").value().loc(), Paths.child(path, "kind"),
            "Unknown SLO kind '" + Text.abbreviate(kindText) + "'", Text.suggestion(kindText, kinds, "Write one of"));
      }
    }
    String target = requiredString(m, path, "target", "Name the node the SLO watches, e.g. 'target: search'");
    checkNodeRef(m, path, "target", target);
    boolean thresholdNeeded = kind != SloKind.CONNECTOR_RUNNING && kind != null;
    Double threshold = number(m, path, "threshold", thresholdNeeded);
    if (threshold != null && threshold < 0) {
      problems.add(m.entries().get("threshold").value().loc(), Paths.child(path, "threshold"),
          "The threshold must be zero or more, got " + Numbers.format(threshold), "Write a positive number"
              + (kind != null && !kind.unit().isEmpty() ? " of " + kind.unit() : ""));
    }
    int percentile = percentile(m, path, kind);
    Double objective = number(m, path, "objective", false);
    if (objective != null && !(objective > 0 && objective <= 1)) {
      problems.add(m.entries().get("objective").value().loc(), Paths.child(path, "objective"),
          "The objective is the fraction of good time and must be above 0 and at most 1, got "
              + Numbers.format(objective), "Write e.g. 0.999 for 99.9 %");
    }
    Duration window = window(m, path);
    if (name == null || kind == null || target == null) {
      return null;
    }
    return new Slo(name, kind, target, threshold == null ? 0 : threshold, percentile,
        objective == null ? DEFAULT_OBJECTIVE : objective, window);
  }

  private int percentile(YMap m, String path, SloKind kind) {
    Entry e = present(m, "percentile");
    if (e == null) {
      return kind == SloKind.FRESHNESS ? 99 : 0;
    }
    String ppath = Paths.child(path, "percentile");
    if (kind != null && kind != SloKind.FRESHNESS) {
      problems.add(e.keyLoc(), ppath, "A percentile applies to freshness SLOs only, not to " + kind.yamlName(),
          "Delete the percentile line");
      return 0;
    }
    Double p = number(m, path, "percentile", false);
    if (p != null && (p != Math.rint(p) || !PERCENTILES.contains((int) (double) p))) {
      problems.add(e.value().loc(), ppath, "The percentile must be 50, 95 or 99, got " + Numbers.format(p),
          "Write 99 for the 99th percentile");
      return 0;
    }
    return p == null ? 0 : (int) (double) p;
  }

  private Duration window(YMap m, String path) {
    Entry e = present(m, "window");
    if (e == null) {
      return null;
    }
    String wpath = Paths.child(path, "window");
    String text = scalarText(e.value(), wpath);
    if (text == null) {
      return null;
    }
    Optional<Duration> d = Durations.parse(text);
    if (d.isEmpty() || d.get().isZero()) {
      problems.add(e.value().loc(), wpath, "'" + Text.abbreviate(text) + "' is not a duration",
          "Write a whole number followed by ms, s, m, h or d, e.g. 30d or 12h");
      return null;
    }
    return d.get();
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static List<String> kindIds() {
    return Stream.of(NodeKind.values()).map(NodeKind::id).toList();
  }

  private void checkKeys(YMap m, String path, List<String> allowed, String listIntro) {
    for (Entry e : m.entries().values()) {
      if (!allowed.contains(e.key())) {
        problems.add(e.keyLoc(), Paths.child(path, e.key()), "Unknown key '" + Text.abbreviate(e.key()) + "'"
            + (path.isEmpty() ? " at the top level" : " in " + path),
            Text.suggestion(e.key(), allowed, listIntro));
      }
    }
  }

  /** The entry when the key is present with a value that is not null and not already reported. */
  private static Entry present(YMap m, String key) {
    Entry e = m.entries().get(key);
    if (e == null || e.value() instanceof Invalid
        || e.value() instanceof YScalar s && s.isNull()) {
      return null;
    }
    return e;
  }

  /** A mapping whose keys are checked against {@code allowed}; null (reported) when it is not a mapping. */
  private YMap section(Y y, String path, String expected, List<String> allowed, String listIntro) {
    YMap m = map(y, path, expected);
    if (m != null) {
      checkKeys(m, path, allowed, listIntro);
    }
    return m;
  }

  /** The mapping under {@code key}, or null when absent or (reported) not a mapping. */
  private YMap subMap(YMap parent, String parentPath, String key, String expected) {
    Entry e = present(parent, key);
    return e == null ? null : map(e.value(), Paths.child(parentPath, key), expected);
  }

  private YMap map(Y y, String path, String expected) {
    if (y instanceof YMap m) {
      return m;
    }
    if (!(y instanceof Invalid)) {
      problems.add(y.loc(), path, "Expected " + expected + ", found " + y.describe(),
          "Write 'key: value' lines indented under the item");
    }
    return null;
  }

  private <T> List<T> list(YMap top, String path, String key, ItemReader<T> reader) {
    List<T> out = new ArrayList<>();
    Entry e = present(top, key);
    if (e == null) {
      return out;
    }
    String lpath = Paths.child(path, key);
    if (!(e.value() instanceof YList l)) {
      problems.add(e.value().loc(), lpath, "'" + key + "' must be a list, found " + e.value().describe(),
          "Start each item on its own line with '- ', indented under '" + key + ":'");
      return out;
    }
    for (int i = 0; i < l.items().size(); i++) {
      T item = reader.read(l.items().get(i), Paths.index(lpath, i));
      if (item != null) {
        out.add(item);
      }
    }
    return out;
  }

  @FunctionalInterface
  private interface ItemReader<T> {
    T read(Y y, String path);
  }

  /** The text of a scalar, or null (with a problem) when the value is a list or mapping. */
  private String scalarText(Y y, String path) {
    if (y instanceof YScalar s) {
      return s.isNull() ? null : s.text();
    }
    if (!(y instanceof Invalid)) {
      problems.add(y.loc(), path, "Expected a single value, found " + y.describe(),
          "Write the value on the same line as the key");
    }
    return null;
  }

  private String optionalString(YMap m, String path, String key) {
    Entry e = present(m, key);
    return e == null ? null : scalarText(e.value(), Paths.child(path, key));
  }

  private String requiredString(YMap m, String path, String key, String hint) {
    Entry e = m.entries().get(key);
    String field = Paths.child(path, key);
    if (e == null) {
      problems.add(m.loc(), field, "'" + key + "' is missing" + (path.isEmpty() ? "" : " in " + path), hint);
      return null;
    }
    if (e.value() instanceof Invalid) {
      return null;
    }
    String text = scalarText(e.value(), field);
    if (text == null && e.value() instanceof YScalar) {
      problems.add(e.value().loc(), field, "'" + key + "' has no value", hint);
    } else if (text != null && text.isBlank()) {
      problems.add(e.value().loc(), field, "'" + key + "' is blank", hint);
      return null;
    }
    return text;
  }

  private Double number(YMap m, String path, String key, boolean required) {
    Entry e = m.entries().get(key);
    String field = Paths.child(path, key);
    if (e == null || e.value() instanceof YScalar s0 && s0.isNull()) {
      if (required) {
        problems.add(e == null ? m.loc() : e.value().loc(), field, "'" + key + "' is missing"
            + (path.isEmpty() ? "" : " in " + path), "Write a number, e.g. '" + key + ": 5'");
      }
      return null;
    }
    if (e.value() instanceof Invalid) {
      return null;
    }
    Optional<Double> d = e.value() instanceof YScalar s && s.isNumber() ? Numbers.parse(s.text()) : Optional.empty();
    if (d.isEmpty()) {
      problems.add(e.value().loc(), field, "'" + key + "' must be a number, got " + e.value().describe(),
          "Write a plain number such as 5 or 0.5, without units or quotes");
      return null;
    }
    return d.get();
  }

  private <T> T choice(YMap m, String path, String key, List<String> names, java.util.function.Function<String, Optional<T>> parse) {
    Entry e = present(m, key);
    if (e == null) {
      return null;
    }
    String text = scalarText(e.value(), Paths.child(path, key));
    if (text == null) {
      return null;
    }
    Optional<T> v;
    try {
      v = parse.apply(text);
    } catch (IllegalArgumentException ex) {
      v = Optional.empty();
    }
    if (v.isEmpty()) {
      problems.add(e.value().loc(), Paths.child(path, key), "Unknown " + key + " '" + Text.abbreviate(text) + "'",
          Text.suggestion(text, names, "Write one of"));
      return null;
    }
    return v.get();
  }

  private void checkChoice(YMap m, String path, String key, List<String> choices) {
    Entry e = present(m, key);
    if (e != null && e.value() instanceof YScalar s && !choices.contains(s.text())) {
      problems.add(s.loc(), Paths.child(path, key), "Unknown " + key + " '" + Text.abbreviate(s.text()) + "'",
          Text.suggestion(s.text(), choices, "Write one of"));
    }
  }

  /** Reports a name used by two items of the same list, pointing at the second. */
  private void checkUnique(YMap top, String listKey, String what) {
    Entry e = present(top, listKey);
    if (e == null || !(e.value() instanceof YList l)) {
      return;
    }
    Map<String, Loc> seen = new HashMap<>();
    for (int i = 0; i < l.items().size(); i++) {
      YScalar s = l.items().get(i) instanceof YMap item ? scalarAt(item, "name") : null;
      if (s != null) {
        Loc first = seen.putIfAbsent(s.text(), s.loc());
        if (first != null) {
          problems.add(s.loc(), Paths.child(Paths.index(listKey, i), "name"), "The " + what + " name '"
              + Text.abbreviate(s.text()) + "' is used twice (first on line " + first.line() + ")",
              "Names must be unique; rename one of them");
        }
      }
    }
  }

  /** The non-null scalar under {@code key}, or null. */
  private static YScalar scalarAt(YMap m, String key) {
    Entry e = m.entries().get(key);
    return e != null && e.value() instanceof YScalar s && !s.isNull() ? s : null;
  }

  private void checkUniqueEdges(YMap top) {
    Entry e = present(top, "edges");
    if (e == null || !(e.value() instanceof YList l)) {
      return;
    }
    Set<List<String>> seen = new LinkedHashSet<>();
    for (int i = 0; i < l.items().size(); i++) {
      if (!(l.items().get(i) instanceof YMap item)) {
        continue;
      }
      YScalar fs = scalarAt(item, "from");
      YScalar ts = scalarAt(item, "to");
      if (fs != null && ts != null && !seen.add(List.of(fs.text(), ts.text()))) {
        problems.add(item.loc(), Paths.index("edges", i), "The edge " + Text.abbreviate(fs.text()) + " -> "
            + Text.abbreviate(ts.text()) + " is listed twice", "Delete one of them");
      }
    }
  }
}
