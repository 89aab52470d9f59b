package dev.pipewright.model.lint;

import static dev.pipewright.model.Severity.ERROR;
import static dev.pipewright.model.lint.Flow.quote;

import dev.pipewright.model.Category;
import dev.pipewright.model.Cluster;
import dev.pipewright.model.Credentials;
import dev.pipewright.model.Edge;
import dev.pipewright.model.EdgeRules;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.PropertySpec;
import dev.pipewright.model.PropertyType;
import dev.pipewright.model.SecretRef;
import dev.pipewright.model.Slo;
import dev.pipewright.model.SloKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Validation of the drawing itself: names, edges, properties, secrets, topic names, SLOs. */
final class StructureRules {
  private StructureRules() {}

  static final Rule DUPLICATE_NAME = new DefinedRule("PW-DUPLICATE-NAME", ERROR,
      "Two nodes share a name",
      "Edges, SLOs, findings and exported connector names all refer to nodes by name. Two nodes "
          + "with one name make every one of those ambiguous; the canvas never allows it, but a "
          + "pipeline built in code or edited by hand can.",
      "rename the second 'orders' node to 'orders-2'",
      (p, r) -> {
        Set<String> seen = new HashSet<>();
        for (Node n : p.nodes()) {
          if (!seen.add(n.name())) {
            r.node(n, null, "Two nodes are named " + quote(n.name())
                    + "; edges, SLOs and exported connector names cannot tell them apart",
                "rename one of them, e.g. to " + quote(p.freshName(n.name())));
          }
        }
      });

  static final Rule DANGLING_EDGE = new DefinedRule("PW-DANGLING-EDGE", ERROR,
      "Edge to a node that does not exist",
      "An edge names its ends; when one of them is missing (deleted by hand, or renamed without "
          + "updating the edge) the data flow it describes cannot be built or exported.",
      "remove the edge 'shop-cdc -> orderz', or add a node named 'orderz'",
      (p, r) -> {
        for (Edge e : p.edges()) {
          for (String end : List.of(e.from(), e.to())) {
            if (!Graph.of(p).hasNode(end)) {
              r.edge(e, "Edge " + e + " refers to " + quote(end) + ", which is not a node of this pipeline",
                  "remove the edge, or add a node named " + quote(end));
              break;
            }
          }
        }
      });

  static final Rule ILLEGAL_EDGE = new DefinedRule("PW-ILLEGAL-EDGE", ERROR,
      "Edge the data flow does not allow",
      "Data flows source -> capture -> (transform ->) topic -> (transform ->) sink, and "
          + "applications write to databases, stores and topics. The canvas refuses other edges; "
          + "a hand-edited file can still hold one, and no exporter can turn it into connectors.",
      "replace 'shop-db -> orders' by 'shop-db -> shop-cdc' and 'shop-cdc -> orders'",
      (p, r) -> {
        for (Edge e : p.edges()) {
          Optional<Node> f = Graph.of(p).node(e.from());
          Optional<Node> t = Graph.of(p).node(e.to());
          if (f.isEmpty() || t.isEmpty() || e.from().equals(e.to())) {
            continue; // dangling edges and self-loops have their own rules
          }
          EdgeRules.refusal(f.get().kind(), t.get().kind()).ifPresent(reason ->
              r.edge(e, "Edge " + e + " is not a legal connection: " + reason,
                  "remove the edge and connect the nodes along source -> capture -> topic -> sink"));
        }
      });

  static final Rule CYCLE = new DefinedRule("PW-CYCLE", ERROR,
      "Data flows in a loop",
      "Change data flows one way, from the source of truth to derived stores. A loop would send "
          + "every event round again for ever (and Kafka Connect has no way to deploy it).",
      "remove the edge 'search -> orders' that closes the loop",
      (p, r) -> {
        for (List<Node> loop : Cycles.find(p)) {
          Node first = loop.get(0);
          StringBuilder path = new StringBuilder();
          for (Node n : loop) {
            path.append(quote(n.name())).append(" -> ");
          }
          path.append(quote(first.name()));
          Node last = loop.get(loop.size() - 1);
          for (int i = loop.size() - 1; i >= 0; i--) {
            if (Graph.of(p).hasEdge(loop.get(i).name(), first.name())) {
              last = loop.get(i);
              break;
            }
          }
          r.node(first, null, "Data flows in a loop: " + path
                  + "; every event would go round for ever",
              "remove the edge '" + last.name() + " -> " + first.name() + "' (or another edge of the loop)");
        }
      });

  static final Rule REQUIRED_PROPERTY = new DefinedRule("PW-REQUIRED-PROPERTY", ERROR,
      "Required property missing",
      "Some settings have no sensible default: a database name, a topic prefix, a sink's URL. "
          + "Without them the connector fails its configuration check and never starts.",
      "set database to 'shop' on 'shop-db'",
      (p, r) -> {
        for (Node n : p.nodes()) {
          String sourceKind = n.kind() == NodeKind.DEBEZIUM
              ? Flow.sourceKind(p, n).map(NodeKind::id).orElse(null) : null;
          for (PropertySpec spec : n.kind().properties()) {
            if (!spec.required() || !spec.appliesTo(sourceKind)) {
              continue;
            }
            if (n.property(spec.key()).filter(v -> !v.isBlank()).isEmpty()) {
              String fix = spec.secret()
                  ? "set " + spec.key() + " to a reference such as " + envRef(n, spec.key())
                  : "set " + spec.key() + " (" + spec.label() + ", " + spec.group().label() + " group)"
                      + (spec.doc().isEmpty() ? "" : ": " + spec.doc());
              r.node(n, spec.key(), quote(n.name()) + " has no " + spec.label() + " (" + spec.key()
                  + "), which every " + n.kind().label() + " node needs", fix);
            }
          }
        }
      });

  /** Settings where 0 or -1 pass the type check but Kafka or Connect refuses them. */
  private static final Set<String> AT_LEAST_ONE =
      Set.of("partitions", "replication.factor", "min.insync.replicas", "tasks.max");

  static final Rule PROPERTY_VALUE = new DefinedRule("PW-PROPERTY-VALUE", ERROR,
      "Property value of the wrong type or out of range",
      "A number that is not a number, a flag that is not true/false or a choice the connector "
          + "does not know fails Kafka Connect's configuration check; the connector is never created.",
      "set snapshot.mode to one of initial, initial_only, no_data, when_needed, always, never",
      (p, r) -> {
        for (Node n : p.nodes()) {
          for (Map.Entry<String, String> e : n.properties().entrySet()) {
            Optional<PropertySpec> spec = n.kind().property(e.getKey());
            if (spec.isEmpty()) {
              continue;
            }
            PropertySpec s = spec.get();
            Optional<String> problem = s.problemWith(e.getValue());
            if (problem.isEmpty() && s.type() == PropertyType.INT) {
              problem = rangeProblem(s.key(), e.getValue().trim());
            }
            problem.ifPresent(msg -> r.node(n, s.key(), quote(n.name()) + ": " + msg, fixFor(s)));
          }
        }
      });

  private static Optional<String> rangeProblem(String key, String value) {
    long v = Long.parseLong(value);
    if (AT_LEAST_ONE.contains(key) && v < 1) {
      return Optional.of("'" + key + "' must be 1 or more, got " + v);
    }
    if (key.equals("port") && (v < 1 || v > 65535)) {
      return Optional.of("'port' must be between 1 and 65535, got " + v);
    }
    return Optional.empty();
  }

  private static String fixFor(PropertySpec s) {
    return switch (s.type()) {
      case ENUM -> "set " + s.key() + " to one of " + String.join(", ", s.choices())
          + s.defaultOpt().map(d -> " (default " + d + ")").orElse("");
      case BOOLEAN -> "set " + s.key() + " to true or false";
      case INT -> "set " + s.key() + " to a whole number"
          + s.defaultOpt().map(d -> ", e.g. the default " + d).orElse("");
      default -> "correct " + s.key();
    };
  }

  private static final Pattern URL_PASSWORD = Pattern.compile("://[^/@:\\s]*:([^@/\\s]+)@");
  private static final Pattern QUERY_PASSWORD =
      Pattern.compile("(?i)[?&;](?:password|pwd)=([^&;\\s]+)");
  private static final Pattern JAAS_PASSWORD = Pattern.compile("password\\s*=\\s*\"([^\"]*)\"");

  static final Rule PLAINTEXT_SECRET = new DefinedRule("PW-PLAINTEXT-SECRET", ERROR,
      "Secret stored as plain text",
      "Pipeline files are committed, reviewed and exported; a literal password in one ends up in "
          + "Git, in Terraform state and in Connect's REST responses. Kafka Connect's config "
          + "providers resolve ${env:NAME} and ${file:path:key} at deploy time, so only the "
          + "reference needs to be stored.",
      "set password to ${env:SHOP_DB_PASSWORD}, or ${file:/etc/pipewright/secrets.properties:shop-db.password}",
      (p, r) -> {
        for (Node n : p.nodes()) {
          for (Map.Entry<String, String> e : n.properties().entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            if (value == null || value.isBlank()) {
              continue;
            }
            Optional<PropertySpec> spec = n.kind().property(key);
            boolean secretKey = spec.map(PropertySpec::secret).orElseGet(() -> looksSecret(key));
            if (secretKey && !SecretRef.isReference(value)) {
              String fix = "replace the value with a reference: "
                  + (spec.isPresent() ? envRef(n, key) : "${env:" + envName(n.name() + "_" + key) + "}")
                  + " (environment variable) or ${file:/etc/pipewright/secrets.properties:"
                  + n.name() + "." + key + "}";
              // Never echo the value: even a mistyped reference may be a pasted secret.
              String what = value.trim().startsWith("${")
                  ? " holds a malformed secret reference for " + key + " (an environment variable name takes "
                      + "letters, digits and _; a file reference is ${file:path:key}); it would be used as a "
                      + "literal password"
                  : " stores " + key + " as plain text; it would be written to the pipeline file, exports and logs";
              r.node(n, key, quote(n.name()) + what, fix);
            } else if (embedsPassword(key, value, spec)) {
              r.node(n, key, quote(n.name()) + " has a plain-text password inside " + key
                  + "; it would be written to the pipeline file, exports and logs",
                  "move the password out of the value and write a reference in its place, e.g. "
                      + envRef(n, "password"));
            }
          }
        }
        for (int i = 0; i < p.clusters().size(); i++) {
          Cluster c = p.clusters().get(i);
          Credentials sasl = c.security().credentials();
          checkCredentials(r, c, sasl, "clusters[" + i + "].security.password", "SASL password");
          checkCredentials(r, c, c.connectAuth(), "clusters[" + i + "].connect.password",
              "Kafka Connect password");
        }
      });

  private static void checkCredentials(Report r, Cluster c, Credentials creds, String field, String what) {
    if (creds == null || creds.password() == null || creds.password().isBlank()
        || SecretRef.isReference(creds.password())) {
      return;
    }
    r.pipeline(field, "Cluster " + quote(c.name()) + " stores its " + what
            + " as plain text; it would be written to the pipeline file, exports and logs",
        "replace it with a reference such as ${env:" + envName(c.name() + "_" + what) + "}");
  }

  private static boolean looksSecret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.endsWith("password") || k.endsWith("secret") || k.endsWith("secret.key")
        || k.endsWith("secret.access.key") || k.endsWith("api.key") || k.endsWith("apikey")
        || k.endsWith(".token");
  }

  private static boolean embedsPassword(String key, String value, Optional<PropertySpec> spec) {
    boolean urlLike = spec.map(s -> s.type() == PropertyType.URL).orElse(false)
        || key.endsWith(".url") || key.endsWith(".uri") || key.equals("connection.string");
    if (urlLike) {
      for (Pattern pattern : List.of(URL_PASSWORD, QUERY_PASSWORD)) {
        Matcher m = pattern.matcher(value);
        while (m.find()) {
          if (!m.group(1).contains("${")) {
            return true;
          }
        }
      }
    }
    if (key.endsWith("sasl.jaas.config")) {
      Matcher m = JAAS_PASSWORD.matcher(value);
      while (m.find()) {
        if (!m.group(1).contains("${")) {
          return true;
        }
      }
    }
    return false;
  }

  /** A suggested environment-variable reference for a node's property, e.g. ${env:SHOP_DB_PASSWORD}. */
  static String envRef(Node n, String key) {
    String last = key.contains(".") ? key.substring(key.lastIndexOf('.') + 1) : key;
    return "${env:" + envName(n.name() + "_" + last) + "}";
  }

  private static String envName(String s) {
    return s.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
  }

  private static final Pattern LEGAL_TOPIC = Pattern.compile("[a-zA-Z0-9._-]+");

  /** Why Kafka would reject {@code name} as a topic name, or empty when it is legal. */
  static Optional<String> topicNameProblem(String name) {
    if (name.isEmpty()) {
      return Optional.of("it is empty");
    }
    if (name.equals(".") || name.equals("..")) {
      return Optional.of("'.' and '..' are reserved");
    }
    if (name.length() > 249) {
      return Optional.of("it is " + name.length() + " characters long (at most 249)");
    }
    if (!LEGAL_TOPIC.matcher(name).matches()) {
      StringBuilder bad = new StringBuilder();
      name.codePoints().filter(c -> !(c < 128 && LEGAL_TOPIC.matcher(Character.toString(c)).matches()))
          .distinct().forEach(c -> bad.append(bad.length() == 0 ? "" : ", ")
              .append('\'').appendCodePoint(c).append('\''));
      return Optional.of("it contains " + bad + " (only letters, digits, '.', '_' and '-' are allowed)");
    }
    return Optional.empty();
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 40) + "..." + s.substring(s.length() - 10) : s;
  }

  static String legalTopicName(String name) {
    String s = name.trim().replaceAll("[^a-zA-Z0-9._-]+", "-").replaceAll("^-+|-+$", "");
    if (s.isEmpty() || s.equals(".") || s.equals("..")) {
      s = "topic";
    }
    return s.length() > 249 ? s.substring(0, 249) : s;
  }

  static final Rule TOPIC_NAME = new DefinedRule("PW-TOPIC-NAME", ERROR,
      "Topic name Kafka would reject",
      "Kafka accepts topic names of 1 to 249 characters from [a-zA-Z0-9._-], except '.' and '..'. "
          + "Anything else fails topic creation, so the capture or sink that needs the topic never "
          + "starts. This covers topic nodes, dead-letter topics, schema-history topics and topic "
          + "prefixes (which become the first part of every change topic).",
      "set topic to 'shop.public.orders' instead of 'shop/public/orders'",
      (p, r) -> {
        for (Node n : p.nodes()) {
          Map<String, String> names = new LinkedHashMap<>();
          if (n.kind() == NodeKind.TOPIC) {
            names.put(n.isSet("topic") ? "topic" : null, Flow.topicName(n));
          }
          for (String key : List.of("errors.deadletterqueue.topic.name", "schema.history.internal.kafka.topic",
              "topic.prefix")) {
            String v = n.properties().get(key);
            if (v != null) {
              names.put(key, v);
            }
          }
          for (Map.Entry<String, String> e : names.entrySet()) {
            String field = e.getKey();
            topicNameProblem(e.getValue()).ifPresent(problem -> r.node(n, field,
                quote(abbreviate(e.getValue())) + (field == null ? " (the name of topic node " + quote(n.name()) + ")" : " (" + field + ")")
                    + " is not a topic name Kafka accepts: " + problem,
                "set " + (field == null ? "topic" : field) + " to " + quote(legalTopicName(e.getValue()))));
          }
        }
      });

  static final Rule TOPIC_COLLISION = new DefinedRule("PW-TOPIC-COLLISION", ERROR,
      "Two topics Kafka cannot tell apart",
      "Kafka replaces '.' by '_' in metric names, so it refuses to create a topic whose name "
          + "differs from an existing one only in '.' versus '_' (InvalidTopicException: collides "
          + "with existing topics). Two nodes describing the same topic with different settings "
          + "cannot both be created either.",
      "rename 'shop_orders' to 'shop.orders-archive' (or drop the duplicate node)",
      (p, r) -> {
        Map<String, Node> byMetricName = new HashMap<>();
        for (Node n : p.nodesOf(NodeKind.TOPIC)) {
          String name = Flow.topicName(n);
          Node other = byMetricName.putIfAbsent(name.replace('.', '_'), n);
          if (other == null) {
            continue;
          }
          String otherName = Flow.topicName(other);
          if (!otherName.equals(name)) {
            r.node(n, n.isSet("topic") ? "topic" : null, "Topic " + quote(name) + " collides with "
                    + quote(otherName) + " (node " + quote(other.name())
                    + "): Kafka treats '.' and '_' alike and refuses to create the second one",
                "rename one of them so that they differ by more than '.' versus '_'");
          } else {
            List<String> diff = new ArrayList<>();
            for (String key : List.of("partitions", "replication.factor", "min.insync.replicas", "retention.ms",
                "cleanup.policy")) {
              String a = n.property(key).orElse("");
              String b = other.property(key).orElse("");
              if (!a.equals(b)) {
                diff.add(key + " " + b + " vs " + a);
              }
            }
            if (!diff.isEmpty()) {
              r.node(n, null, "Nodes " + quote(other.name()) + " and " + quote(n.name()) + " both describe topic "
                      + quote(name) + " but disagree on " + String.join(", ", diff),
                  "give both nodes the same settings, or draw the topic once and connect it to both neighbours");
            }
          }
        }
      });

  static final Rule CAPTURE_SOURCE = new DefinedRule("PW-CAPTURE-SOURCE", ERROR,
      "Capture without exactly one database",
      "A Debezium connector reads the log of exactly one database. Without a source drawn into it "
          + "there is nothing to connect to; with two, one connector cannot follow both logs.",
      "connect 'shop-db -> shop-cdc'; draw a second capture for the second database",
      (p, r) -> {
        for (Node n : p.nodesOf(NodeKind.DEBEZIUM)) {
          List<Node> sources = Flow.sources(p, n);
          if (sources.isEmpty()) {
            r.node(n, null, "Capture " + quote(n.name()) + " reads no database: no source is connected to it",
                "draw an edge from the source database (e.g. a PostgreSQL node) to " + quote(n.name()));
          } else if (sources.size() > 1) {
            r.node(n, null, "Capture " + quote(n.name()) + " has " + sources.size() + " source databases ("
                    + String.join(", ", sources.stream().map(s -> quote(s.name())).toList())
                    + "); a Debezium connector reads exactly one",
                "keep one source on " + quote(n.name()) + " and give the others their own capture");
          }
        }
      });

  static final Rule SINK_INPUT = new DefinedRule("PW-SINK-INPUT", ERROR,
      "Sink without an input topic",
      "A sink connector must be given topics (or topics.regex) to read; Kafka Connect rejects one "
          + "without. A store only an application writes to is fine and is not exported as a connector.",
      "connect the topic 'shop.public.orders' to 'orders-search'",
      (p, r) -> {
        for (Node n : p.nodesIn(Category.SINK)) {
          boolean writtenByApp = Graph.of(p).upstream(n.name()).stream()
              .anyMatch(u -> u.kind().category() == Category.APPLICATION);
          if (Flow.topicsUpstream(p, n).isEmpty() && !writtenByApp) {
            r.node(n, null, "Sink " + quote(n.name()) + " reads no topic; Kafka Connect refuses a sink without topics",
                "connect a topic (directly or through a transform) to " + quote(n.name()));
          }
        }
      });

  static final Rule SLO_TARGET = new DefinedRule("PW-SLO-TARGET", ERROR,
      "SLO on a missing node or one it cannot measure",
      "Each SLO kind is measured somewhere specific: freshness and lag on a sink's consumer group, "
          + "retained WAL on a PostgreSQL replication slot, connector state on a capture or sink. "
          + "An SLO pointing elsewhere can never be evaluated and would stay silent during an outage.",
      "set the target of 'wal-guard' (slot-wal-bytes) to the PostgreSQL capture 'shop-cdc'",
      (p, r) -> {
        for (Slo s : p.slos()) {
          Optional<Node> target = p.node(s.target());
          if (target.isEmpty()) {
            r.pipeline("slos." + s.name(), "SLO " + quote(s.name()) + " targets " + quote(s.target())
                    + ", which is not a node of this pipeline",
                "set its target to one of the pipeline's " + expectedTargets(s.kind()));
            continue;
          }
          Node t = target.get();
          boolean fits = switch (s.kind()) {
            case FRESHNESS, LAG_MESSAGES, LAG_SECONDS -> t.kind().isSink();
            case SLOT_WAL_BYTES -> t.kind() == NodeKind.DEBEZIUM && Flow.reads(p, t, NodeKind.POSTGRES);
            case CONNECTOR_RUNNING -> t.kind().isSink() || t.kind() == NodeKind.DEBEZIUM;
          };
          if (!fits) {
            r.node(t, null, "SLO " + quote(s.name()) + " (" + s.kind().yamlName() + ") targets "
                    + quote(t.name()) + ", a " + t.kind().label() + ", where it cannot be measured",
                "set its target to one of the pipeline's " + expectedTargets(s.kind()));
          }
        }
      });

  private static String expectedTargets(SloKind kind) {
    return switch (kind) {
      case FRESHNESS, LAG_MESSAGES, LAG_SECONDS -> "sinks";
      case SLOT_WAL_BYTES -> "captures reading PostgreSQL";
      case CONNECTOR_RUNNING -> "captures or sinks";
    };
  }

  static final Rule SLO_VALUES = new DefinedRule("PW-SLO-VALUES", ERROR,
      "SLO with impossible numbers",
      "An objective must be a fraction strictly between 0 and 1 (0.999 is three nines), a freshness "
          + "percentile one of 50, 95 or 99, a threshold non-negative, the window longer than zero and "
          + "SLO names unique. Otherwise the error budget is meaningless.",
      "set objective to 0.999 instead of 99.9",
      (p, r) -> {
        Set<String> names = new HashSet<>();
        for (Slo s : p.slos()) {
          List<String> problems = new ArrayList<>();
          List<String> fixes = new ArrayList<>();
          if (!names.add(s.name())) {
            problems.add("its name is used by another SLO");
            fixes.add("rename it");
          }
          if (!(s.objective() > 0 && s.objective() < 1)) {
            problems.add("objective " + s.objective() + " is not a fraction between 0 and 1");
            fixes.add(s.objective() > 1 && s.objective() < 100
                ? "set objective to " + BigDecimal.valueOf(s.objective()).movePointLeft(2).stripTrailingZeros()
                    .toPlainString()
                : "set objective to e.g. 0.999");
          }
          if (s.kind() == SloKind.FRESHNESS && !List.of(50, 95, 99).contains(s.percentile())) {
            problems.add("percentile " + s.percentile() + " is not 50, 95 or 99");
            fixes.add("set percentile to 99");
          }
          if (s.threshold() < 0 || Double.isNaN(s.threshold())) {
            problems.add("threshold " + s.threshold() + " is negative");
            fixes.add("set a threshold of 0 or more, in " + s.kind().unit());
          }
          if (s.window().isZero() || s.window().isNegative()) {
            problems.add("its window is empty");
            fixes.add("set window to e.g. 30d");
          }
          if (!problems.isEmpty()) {
            r.pipeline("slos." + s.name(), "SLO " + quote(s.name()) + ": " + String.join("; ", problems),
                String.join("; ", fixes));
          }
        }
      });

  static final List<Rule> ALL = List.of(DUPLICATE_NAME, DANGLING_EDGE, ILLEGAL_EDGE, CYCLE, REQUIRED_PROPERTY,
      PROPERTY_VALUE, PLAINTEXT_SECRET, TOPIC_NAME, TOPIC_COLLISION, CAPTURE_SOURCE, SINK_INPUT, SLO_TARGET,
      SLO_VALUES);
}
