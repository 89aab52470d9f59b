package dev.pipewright.model.lint;

import static dev.pipewright.model.Severity.ERROR;
import static dev.pipewright.model.Severity.INFO;
import static dev.pipewright.model.Severity.WARNING;
import static dev.pipewright.model.lint.Flow.quote;

import dev.pipewright.model.Environment;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Rules about Debezium captures: WAL retention, slots, server ids, schema history, snapshots. */
final class CaptureRules {
  private CaptureRules() {}

  static final Rule HEARTBEAT = new DefinedRule("PW-HEARTBEAT", WARNING,
      "PostgreSQL capture without heartbeats",
      "A replication slot keeps every WAL segment the connector has not confirmed. Debezium only "
          + "confirms a position when it sees a change of a captured table, so while those tables are "
          + "quiet and the rest of the database is busy, the slot holds WAL back until the disk fills "
          + "and PostgreSQL stops. Heartbeats (heartbeat.interval.ms) let the connector confirm "
          + "regularly, and heartbeat.action.query writes to a heartbeat table so there is always a "
          + "captured change to confirm. As Debezium's PostgreSQL documentation notes, that table must "
          + "be in the publication (with the default filtered publication: in table.include.list), or "
          + "the write never reaches the connector; a pg_logical_emit_message heartbeat needs no table.",
      "set heartbeat.interval.ms to 10000, heartbeat.action.query to INSERT INTO debezium_heartbeat (id, ts) "
          + "VALUES (1, now()) ON CONFLICT (id) DO UPDATE SET ts = now(), and add public.debezium_heartbeat "
          + "to table.include.list",
      (p, r) -> {
        for (Node n : p.nodesOf(NodeKind.DEBEZIUM)) {
          Optional<Node> src = Flow.source(p, n);
          if (src.isEmpty() || src.get().kind() != NodeKind.POSTGRES || src.get().boolProperty("embedded")) {
            continue; // the trial's embedded database is thrown away after the run
          }
          String query = "INSERT INTO debezium_heartbeat (id, ts) VALUES (1, now()) "
              + "ON CONFLICT (id) DO UPDATE SET ts = now()";
          if (n.intProperty("heartbeat.interval.ms", 0) <= 0) {
            r.node(n, "heartbeat.interval.ms", quote(n.name()) + " captures PostgreSQL without heartbeats: "
                    + "on quiet tables the slot holds WAL back until the disk fills",
                "set heartbeat.interval.ms to 10000 and heartbeat.action.query to an upsert on a heartbeat "
                    + "table (e.g. " + query + "), and include that table in the publication");
          } else if (n.property("heartbeat.action.query").filter(q -> !q.isBlank()).isEmpty()) {
            r.node(n, "heartbeat.action.query", quote(n.name()) + " sends heartbeats but runs no "
                    + "heartbeat.action.query: while the captured tables are quiet and other tables are "
                    + "busy, the slot still holds back WAL",
                "set heartbeat.action.query to an upsert on a heartbeat table, e.g. " + query);
          } else {
            heartbeatTableLeftOut(n).ifPresent(table -> r.node(n, "table.include.list",
                "The heartbeat.action.query of " + quote(n.name()) + " writes to " + table + ", which table.include.list leaves out: "
                    + "with the filtered publication that write never reaches the connector, so the slot still "
                    + "holds WAL back",
                "add " + table + " to table.include.list of " + quote(n.name())));
          }
        }
      });

  private static final Pattern WRITE_TARGET = Pattern.compile(
      "(?i)\\b(?:insert\\s+into|update)\\s+(\"?[\\w$]+\"?(?:\\s*\\.\\s*\"?[\\w$]+\"?)?)");

  /**
   * The table a heartbeat query writes to, when the capture's filtered publication leaves it out
   * (so pgoutput never sends that write to the connector).
   */
  private static Optional<String> heartbeatTableLeftOut(Node capture) {
    String include = capture.property("table.include.list").orElse("").trim();
    if (include.isEmpty() || !capture.property("publication.autocreate.mode").orElse("filtered").equals("filtered")) {
      return Optional.empty();
    }
    Matcher m = WRITE_TARGET.matcher(capture.property("heartbeat.action.query").orElse(""));
    if (!m.find()) {
      return Optional.empty();
    }
    String table = m.group(1).replace("\"", "").replaceAll("\\s+", "");
    String qualified = table.contains(".") ? table : "public." + table;
    for (String entry : include.split(",")) {
      String e = entry.trim();
      try {
        if (Pattern.compile(e).matcher(qualified).matches()) {
          return Optional.empty();
        }
      } catch (PatternSyntaxException ex) {
        if (e.equals(qualified)) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(qualified);
  }

  static final Rule PGOUTPUT = new DefinedRule("PW-PGOUTPUT", WARNING,
      "PostgreSQL capture not using pgoutput",
      "pgoutput is the logical decoding plugin built into PostgreSQL 10 and later and the only one "
          + "managed services (RDS, Cloud SQL, Azure) all offer. decoderbufs needs a C extension "
          + "installed on the server, which ties upgrades of PostgreSQL to upgrades of the plugin.",
      "set plugin.name to pgoutput",
      (p, r) -> {
        for (Node n : p.nodesOf(NodeKind.DEBEZIUM)) {
          String plugin = n.property("plugin.name").orElse("pgoutput");
          if (Flow.reads(p, n, NodeKind.POSTGRES) && !plugin.equals("pgoutput")) {
            r.node(n, "plugin.name", quote(n.name()) + " decodes with " + quote(plugin)
                    + ", which needs an extension installed on the PostgreSQL server (and is not offered by "
                    + "most managed services)",
                "set plugin.name to pgoutput (built into PostgreSQL 10+)");
          }
        }
      });

  /** Where a source database lives, so captures of the same database can be grouped. */
  private static String address(Node source) {
    if (source.boolProperty("embedded")) {
      return "the embedded trial database " + quote(source.property("database").orElse(source.name()));
    }
    return "database " + quote(source.property("database").orElse("?")) + " on " + source.property("host").orElse("localhost")
        + ":" + source.property("port").orElse("?");
  }

  private static final Pattern SLOT_NAME = Pattern.compile("[a-z0-9_]{1,63}");

  static final Rule SLOT_NAME_RULE = new DefinedRule("PW-SLOT-NAME", ERROR,
      "Replication slot name PostgreSQL rejects",
      "PostgreSQL replication slot names may contain only lower-case letters, digits and underscores, "
          + "at most 63 of them. Debezium creates the slot on first start; an illegal name makes that "
          + "fail and the connector never streams.",
      "set slot.name to shop_cdc instead of shop-cdc",
      (p, r) -> {
        for (Node n : p.nodesOf(NodeKind.DEBEZIUM)) {
          String slot = n.property("slot.name").orElse("debezium");
          if (Flow.reads(p, n, NodeKind.POSTGRES) && !SLOT_NAME.matcher(slot).matches()) {
            String legal = slot.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
            r.node(n, "slot.name", quote(n.name()) + " uses replication slot " + quote(slot)
                    + ", which PostgreSQL rejects: only a-z, 0-9 and _ are allowed, at most 63 characters",
                "set slot.name to " + quote(legal.isEmpty() ? "debezium" : legal.substring(0, Math.min(63, legal.length()))));
          }
        }
      });

  static final Rule SLOT_SHARED = new DefinedRule("PW-SLOT-SHARED", ERROR,
      "Two PostgreSQL captures share one replication slot",
      "A replication slot serves one connection at a time and remembers one position. A second "
          + "connector on the same slot fails with 'replication slot is active for PID', or, if they "
          + "take turns, each confirms positions the other has not read and changes are lost. Both "
          + "captures default to the slot name 'debezium'.",
      "set slot.name on the second capture to a name of its own, e.g. billing_cdc",
      (p, r) -> groupByDatabase(p, NodeKind.POSTGRES, "slot.name", "debezium", (n, first, db, slot) ->
          r.node(n, "slot.name", quote(n.name()) + " and " + quote(first.name()) + " both use replication slot "
                  + quote(slot) + " on " + db + ": a slot serves one connector, so one of them fails or loses changes",
              "set slot.name on " + quote(n.name()) + " to a slot of its own, e.g. "
                  + quote(n.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_")))));

  static final Rule PUBLICATION_SHARED = new DefinedRule("PW-PUBLICATION-SHARED", ERROR,
      "Two PostgreSQL captures share one filtered publication",
      "With publication.autocreate.mode=filtered (the default) each connector sets the publication's "
          + "table list to its own table.include.list when it starts. Two captures sharing the "
          + "publication name (default dbz_publication) keep overwriting each other's list, and one of "
          + "them silently stops receiving changes of its tables.",
      "set publication.name on the second capture to billing_publication",
      (p, r) -> groupByDatabase(p, NodeKind.POSTGRES, "publication.name", "dbz_publication",
          (n, first, db, pub) -> {
            boolean filtered = n.property("publication.autocreate.mode").orElse("filtered").equals("filtered")
                || first.property("publication.autocreate.mode").orElse("filtered").equals("filtered");
            if (filtered) {
              r.node(n, "publication.name", quote(n.name()) + " and " + quote(first.name())
                      + " both use publication " + quote(pub) + " on " + db
                      + " in filtered mode: each resets its table list, so one stops receiving its tables",
                  "set publication.name on " + quote(n.name()) + " to a publication of its own, e.g. "
                      + quote(n.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_publication"));
            }
          }));

  /** Receives a capture that repeats a value an earlier capture of the same database uses. */
  @FunctionalInterface
  private interface Clash {
    void report(Node capture, Node first, String database, String value);
  }

  private static void groupByDatabase(Pipeline p, NodeKind db, String key, String fallback, Clash clash) {
    Map<String, Node> seen = new HashMap<>();
    for (Node n : p.nodesOf(NodeKind.DEBEZIUM)) {
      Optional<Node> src = Flow.source(p, n);
      if (src.isEmpty() || src.get().kind() != db) {
        continue;
      }
      String value = n.property(key).filter(v -> !v.isBlank()).orElse(fallback);
      String where = address(src.get());
      Node first = seen.putIfAbsent(where + "\u0000" + value, n);
      if (first != null) {
        clash.report(n, first, where, value);
      }
    }
  }

  static final Rule SERVER_ID = new DefinedRule("PW-SERVER-ID", ERROR,
      "MySQL capture without a unique database.server.id",
      "Debezium joins a MySQL or MariaDB cluster as a replica and must present a numeric server id "
          + "that no other replica (and no other connector) of that cluster uses. Without one the "
          + "connector fails validation; with a duplicate, the server disconnects one of the two "
          + "replicas whenever the other connects.",
      "set database.server.id to 184054 (any number unique in the MySQL cluster)",
      (p, r) -> {
        for (Node n : p.nodesOf(NodeKind.DEBEZIUM)) {
          if (Flow.reads(p, n, NodeKind.MYSQL, NodeKind.MARIADB)
              && n.property("database.server.id").filter(v -> !v.isBlank()).isEmpty()) {
            r.node(n, "database.server.id", quote(n.name()) + " reads "
                    + Flow.sourceKind(p, n).get().label() + " without database.server.id; the connector cannot "
                    + "join the cluster as a replica",
                "set database.server.id to a number no MySQL server or other connector of that cluster uses, e.g. "
                    + (184054 + Math.abs(n.name().hashCode() % 1000)));
          }
        }
        for (NodeKind kind : List.of(NodeKind.MYSQL, NodeKind.MARIADB)) {
          groupByDatabaseServer(p, kind, (n, first, db, id) ->
              r.node(n, "database.server.id", quote(n.name()) + " and " + quote(first.name())
                      + " both present server id " + id + " to " + db
                      + ": MySQL disconnects one replica whenever the other connects",
                  "give " + quote(n.name()) + " its own database.server.id, e.g. " + (Long.parseLong(id) + 1)));
        }
      });

  /** Server ids must be unique per MySQL server, whatever database each capture reads. */
  private static void groupByDatabaseServer(Pipeline p, NodeKind db, Clash clash) {
    Map<String, Node> seen = new HashMap<>();
    for (Node n : p.nodesOf(NodeKind.DEBEZIUM)) {
      Optional<Node> src = Flow.source(p, n);
      Optional<String> id = n.property("database.server.id").map(String::trim).filter(v -> v.matches("\\d{1,18}"));
      if (src.isEmpty() || src.get().kind() != db || id.isEmpty()) {
        continue;
      }
      String server = src.get().property("host").orElse("localhost") + ":" + src.get().property("port").orElse("?");
      Node first = seen.putIfAbsent(server + "\u0000" + id.get(), n);
      if (first != null) {
        clash.report(n, first, "the server at " + server, id.get());
      }
    }
  }

  private static final NodeKind[] WITH_SCHEMA_HISTORY = {NodeKind.MYSQL, NodeKind.MARIADB, NodeKind.SQLSERVER};

  /** Schema-history topics of a capture: the named one, and those drawn with role schema-history. */
  private static List<Node> historyTopics(Pipeline p, Node capture) {
    List<Node> topics = new ArrayList<>();
    String named = capture.properties().get("schema.history.internal.kafka.topic");
    for (Node t : p.nodesOf(NodeKind.TOPIC)) {
      boolean drawn = Graph.of(p).hasEdge(capture.name(), t.name()) && Flow.role(t).equals("schema-history");
      if (drawn || Flow.topicName(t).equals(named)) {
        topics.add(t);
      }
    }
    return topics;
  }

  static final Rule SCHEMA_HISTORY_MISSING = new DefinedRule("PW-SCHEMA-HISTORY-MISSING", ERROR,
      "MySQL/SQL Server capture without a schema-history topic",
      "Binlog and SQL Server CDC events do not carry the table structure; Debezium replays the DDL it "
          + "has seen from a schema-history topic on every restart. The MySQL, MariaDB and SQL Server "
          + "connectors refuse to start without schema.history.internal.kafka.topic.",
      "set schema.history.internal.kafka.topic to schema-history.inventory and draw that topic with role schema-history",
      (p, r) -> {
        for (Node n : p.nodesOf(NodeKind.DEBEZIUM)) {
          if (Flow.reads(p, n, WITH_SCHEMA_HISTORY)
              && n.property("schema.history.internal.kafka.topic").filter(v -> !v.isBlank()).isEmpty()
              && historyTopics(p, n).isEmpty()) {
            String prefix = n.property("topic.prefix").orElse(n.name());
            r.node(n, "schema.history.internal.kafka.topic", quote(n.name()) + " reads "
                    + Flow.sourceKind(p, n).get().label() + " but has no schema-history topic; the connector "
                    + "refuses to start without one",
                "set schema.history.internal.kafka.topic to " + quote("schema-history." + prefix)
                    + " and draw that topic (role schema-history, 1 partition, retention.ms -1, cleanup.policy delete)");
          }
        }
      });

  static final Rule SCHEMA_HISTORY_TOPIC = new DefinedRule("PW-SCHEMA-HISTORY-TOPIC", WARNING,
      "Schema-history topic not single-partition, forever, delete",
      "Debezium reads the schema history back in order from partition 0 on every restart. It must "
          + "have exactly 1 partition, keep every record for ever (retention.ms -1) and use "
          + "cleanup.policy delete: compaction or expiry drops DDL, and the connector then cannot "
          + "interpret older binlog positions and fails on restart until it is re-snapshotted. "
          + "Two captures must never share one history topic.",
      "set partitions to 1, retention.ms to -1 and cleanup.policy to delete on schema-history.inventory",
      (p, r) -> {
        Map<String, Node> users = new HashMap<>();
        for (Node n : p.nodesOf(NodeKind.DEBEZIUM)) {
          if (!Flow.reads(p, n, WITH_SCHEMA_HISTORY)) {
            continue;
          }
          for (Node t : historyTopics(p, n)) {
            String name = quote(Flow.topicName(t));
            if (t.intProperty("partitions", 6) != 1) {
              r.node(t, "partitions", "Schema-history topic " + name + " of " + quote(n.name()) + " has "
                      + t.property("partitions").orElse("?") + " partitions; Debezium reads and writes partition 0 only",
                  "set partitions to 1");
            }
            if (t.intProperty("retention.ms", 0) != -1) {
              r.node(t, "retention.ms", "Schema-history topic " + name + " of " + quote(n.name())
                      + " expires records (retention.ms " + t.property("retention.ms").orElse("?")
                      + "): once old DDL is gone the connector cannot restart without a new snapshot",
                  "set retention.ms to -1 (keep for ever)");
            }
            if (!t.property("cleanup.policy").orElse("delete").equals("delete")) {
              r.node(t, "cleanup.policy", "Schema-history topic " + name + " of " + quote(n.name())
                      + " uses cleanup.policy " + t.property("cleanup.policy").get()
                      + ": compaction keeps one DDL record per key and loses the history",
                  "set cleanup.policy to delete (with retention.ms -1)");
            }
            Node other = users.putIfAbsent(Flow.topicName(t), n);
            if (other != null && other != n) {
              r.node(n, "schema.history.internal.kafka.topic", quote(n.name()) + " and " + quote(other.name())
                      + " share schema-history topic " + name + ": each replays the other's DDL on restart",
                  "give " + quote(n.name()) + " its own schema-history topic, e.g. "
                      + quote("schema-history." + n.property("topic.prefix").orElse(n.name())));
            }
          }
        }
      });

  static final Rule PREFIX_UNIQUE = new DefinedRule("PW-PREFIX-UNIQUE", ERROR,
      "Two captures share a topic prefix",
      "topic.prefix names every topic a capture writes (<prefix>.<schema>.<table>), its heartbeat "
          + "and transaction topics, and its metrics. Two captures with the same prefix write into the "
          + "same topics, so events of two databases interleave and the sinks mix them up.",
      "set topic.prefix on the second capture to billing",
      (p, r) -> {
        Map<String, Node> seen = new HashMap<>();
        for (Node n : p.nodesOf(NodeKind.DEBEZIUM)) {
          Optional<String> prefix = n.property("topic.prefix").filter(v -> !v.isBlank());
          if (prefix.isEmpty()) {
            continue;
          }
          Node first = seen.putIfAbsent(prefix.get(), n);
          if (first != null) {
            r.node(n, "topic.prefix", quote(n.name()) + " and " + quote(first.name()) + " both use topic.prefix "
                    + quote(prefix.get()) + ": their events land in the same topics",
                "give " + quote(n.name()) + " a prefix of its own, e.g. the logical name of its database");
          }
        }
      });

  static final Rule CAPTURE_TASKS = new DefinedRule("PW-CAPTURE-TASKS", WARNING,
      "tasks.max above 1 on a single-task capture",
      "The PostgreSQL, MySQL and MariaDB connectors always run exactly one task, because one "
          + "replication stream has one order. A higher tasks.max starts nothing extra and suggests "
          + "parallelism the pipeline does not have (plan throughput for one task).",
      "set tasks.max to 1",
      (p, r) -> {
        for (Node n : p.nodesOf(NodeKind.DEBEZIUM)) {
          long tasks = n.intProperty("tasks.max", 1);
          if (tasks > 1 && Flow.reads(p, n, NodeKind.POSTGRES, NodeKind.MYSQL, NodeKind.MARIADB)) {
            r.node(n, "tasks.max", quote(n.name()) + " asks for " + tasks + " tasks, but the "
                    + Flow.sourceKind(p, n).get().label() + " connector always runs one: the log is read in order",
                "set tasks.max to 1; to go faster, split tables over several captures with their own slots");
          }
        }
      });

  static final Rule TABLE_FILTER = new DefinedRule("PW-TABLE-FILTER", WARNING,
      "Capture without a table include list",
      "Without table.include.list a capture streams every table of the database, including tables "
          + "added later, audit and personal data nobody asked for, and (with a filtered publication) "
          + "makes PostgreSQL decode all of it. Listing the tables the sinks need keeps the topics, "
          + "the load and the data exposure deliberate.",
      "set table.include.list to public.orders,public.customers",
      (p, r) -> {
        for (Node n : p.nodesOf(NodeKind.DEBEZIUM)) {
          Optional<NodeKind> kind = Flow.sourceKind(p, n);
          if (kind.isEmpty() || kind.get() == NodeKind.MONGODB) {
            continue; // MongoDB filters collections, not tables
          }
          if (n.property("table.include.list").filter(v -> !v.isBlank()).isEmpty()) {
            r.node(n, "table.include.list", quote(n.name()) + " has no table.include.list: it captures every "
                    + "table of " + kind.get().label() + ", including ones added later",
                "set table.include.list to the tables the sinks need, e.g. "
                    + (kind.get() == NodeKind.POSTGRES ? "public.orders,public.customers" : "shop.orders,shop.customers"));
          }
        }
      });

  static final Rule FILTER_CONFLICT = new DefinedRule("PW-FILTER-CONFLICT", ERROR,
      "Both include and exclude list of tables set",
      "Debezium accepts table.include.list or table.exclude.list, never both; the connector fails "
          + "its configuration check when both are set.",
      "remove table.exclude.list and list only the wanted tables in table.include.list",
      (p, r) -> {
        for (Node n : p.nodesOf(NodeKind.DEBEZIUM)) {
          boolean include = n.property("table.include.list").filter(v -> !v.isBlank()).isPresent();
          boolean exclude = n.property("table.exclude.list").filter(v -> !v.isBlank()).isPresent();
          if (include && exclude) {
            r.node(n, "table.exclude.list", quote(n.name())
                    + " sets both table.include.list and table.exclude.list; Debezium refuses the combination",
                "keep only table.include.list and leave the unwanted tables out of it");
          }
        }
      });

  static final Rule NOT_APPLICABLE = new DefinedRule("PW-NOT-APPLICABLE", WARNING,
      "Capture setting that does not apply to its database",
      "Some capture settings exist for one database only (slot.name for PostgreSQL, "
          + "database.server.id for MySQL). Debezium ignores them on other databases, so the setting "
          + "does not do what the drawing suggests, which usually means the source was swapped later.",
      "remove slot.name from the MySQL capture 'inventory-cdc'",
      (p, r) -> {
        for (Node n : p.nodesOf(NodeKind.DEBEZIUM)) {
          Optional<NodeKind> kind = Flow.sourceKind(p, n);
          if (kind.isEmpty()) {
            continue;
          }
          for (String key : n.properties().keySet()) {
            n.kind().property(key).filter(s -> !s.appliesTo(kind.get().id())).ifPresent(s ->
                r.node(n, key, quote(n.name()) + " sets " + key + ", which applies only to "
                        + String.join(" and ", s.onlyFor().stream().sorted()
                            .map(id -> NodeKind.fromId(id).map(NodeKind::label).orElse(id)).toList())
                        + "; the " + kind.get().label() + " connector ignores it",
                    "remove " + key + " from " + quote(n.name())));
          }
        }
      });

  static final Rule CAPTURE_OUTPUT = new DefinedRule("PW-CAPTURE-OUTPUT", WARNING,
      "Capture with no topic drawn",
      "A capture holds a replication slot or binlog position and loads the database, but when no "
          + "data topic is drawn after it nothing in the pipeline consumes what it writes: either "
          + "the drawing is unfinished or the capture is not needed.",
      "draw the topic shop.public.orders after 'shop-cdc' and connect it to a sink",
      (p, r) -> {
        for (Node n : p.nodesOf(NodeKind.DEBEZIUM)) {
          boolean data = Flow.topicsDownstream(p, n).stream()
              .anyMatch(t -> Flow.role(t).equals("data") || Flow.role(t).equals("outbox"));
          if (!data) {
            String prefix = n.property("topic.prefix").orElse("<prefix>");
            r.node(n, null, "Capture " + quote(n.name()) + " writes to no data topic drawn in the pipeline; "
                    + "nothing reads its changes",
                "draw its topics (named " + prefix + ".<schema>.<table>) after " + quote(n.name())
                    + " and connect them to sinks, or remove the capture");
          }
        }
      });

  static final Rule SNAPSHOT_STATE = new DefinedRule("PW-SNAPSHOT-STATE", WARNING,
      "No initial snapshot for a sink that needs every row",
      "With snapshot.mode no_data (or its old name never) a capture streams only changes made after "
          + "it starts. Read models, caches and search indexes need every existing row; rows that are "
          + "never touched again never show up there.",
      "set snapshot.mode to initial, or send an incremental snapshot signal for the existing rows",
      (p, r) -> {
        for (Node n : p.nodesOf(NodeKind.DEBEZIUM)) {
          String mode = n.property("snapshot.mode").orElse("initial");
          if (!mode.equals("no_data") && !mode.equals("never")) {
            continue;
          }
          List<String> needy = Flow.sinksFedByCapture(p, n).stream().filter(s -> Flow.needsFullState(s.kind()))
              .map(s -> quote(s.name())).toList();
          if (!needy.isEmpty()) {
            r.node(n, "snapshot.mode", quote(n.name()) + " skips the initial snapshot (snapshot.mode=" + mode
                    + ") but feeds " + String.join(", ", needy)
                    + ", which need every existing row: rows that never change again never appear there",
                "set snapshot.mode to initial (or when_needed), or trigger an incremental snapshot "
                    + "through a signal table for the existing rows");
          }
        }
      });

  static final Rule SNAPSHOT_ONLY = new DefinedRule("PW-SNAPSHOT-ONLY", WARNING,
      "Capture stops after the snapshot",
      "snapshot.mode initial_only copies the tables once and then stops: no change made afterwards "
          + "is captured. That suits a one-off migration, not a pipeline whose sinks are meant to "
          + "stay in step with the database.",
      "set snapshot.mode to initial",
      (p, r) -> {
        for (Node n : p.nodesOf(NodeKind.DEBEZIUM)) {
          List<Node> sinks = Flow.sinksFedByCapture(p, n);
          if (n.property("snapshot.mode").orElse("initial").equals("initial_only") && !sinks.isEmpty()) {
            r.node(n, "snapshot.mode", quote(n.name()) + " stops after the snapshot (snapshot.mode=initial_only); "
                    + String.join(", ", sinks.stream().map(s -> quote(s.name())).toList())
                    + " will never see a later change",
                "set snapshot.mode to initial, unless this is a one-off copy");
          }
        }
      });

  static final Rule SNAPSHOT_ALWAYS = new DefinedRule("PW-SNAPSHOT-ALWAYS", WARNING,
      "Capture re-reads every table on each restart",
      "snapshot.mode always takes a full snapshot every time the connector starts, and connectors "
          + "restart on every rebalance, deployment and worker failure. Each restart re-sends every "
          + "row of every captured table to all sinks and loads the database with full table scans.",
      "set snapshot.mode to initial (or when_needed)",
      (p, r) -> {
        for (Node n : p.nodesOf(NodeKind.DEBEZIUM)) {
          if (n.property("snapshot.mode").orElse("initial").equals("always")) {
            r.node(n, "snapshot.mode", quote(n.name()) + " snapshots every table again on each restart "
                    + "(snapshot.mode=always): every rebalance re-sends all rows to all sinks",
                "set snapshot.mode to initial, or when_needed to re-snapshot only when the offsets are gone");
          }
        }
      });

  static final Rule DECIMAL_DOUBLE = new DefinedRule("PW-DECIMAL-DOUBLE", INFO,
      "DECIMAL columns captured as floating point",
      "decimal.handling.mode double turns NUMERIC/DECIMAL values (money, quantities) into binary "
          + "floating point: 0.1 + 0.2 no longer equals 0.3 and large amounts lose cents. precise "
          + "keeps them exact (as bytes with a scale); string keeps them exact and readable in JSON.",
      "set decimal.handling.mode to precise (or string for schemaless consumers)",
      (p, r) -> {
        for (Node n : p.nodesOf(NodeKind.DEBEZIUM)) {
          if (n.property("decimal.handling.mode").orElse("precise").equals("double")) {
            r.node(n, "decimal.handling.mode", quote(n.name())
                    + " converts DECIMAL/NUMERIC columns to doubles: amounts such as money lose exactness",
                "set decimal.handling.mode to precise, or to string if consumers read plain JSON");
          }
        }
      });

  static final Rule OUTBOX_TABLE = new DefinedRule("PW-OUTBOX-TABLE", WARNING,
      "Outbox router fed by more than the outbox table",
      "The outbox event router expects every record to be an outbox row (id, aggregatetype, "
          + "aggregateid, payload). Events of any other table lack those columns and fail the "
          + "transform. Give the outbox its own capture that includes only the outbox table.",
      "set table.include.list of 'orders-outbox-cdc' to public.outbox",
      (p, r) -> {
        for (Node router : p.nodesOf(NodeKind.OUTBOX_EVENT_ROUTER)) {
          for (Node capture : Flow.capturesAbove(p, router)) {
            String tables = capture.property("table.include.list").orElse("").trim();
            if (tables.isEmpty() || tables.contains(",")) {
              r.node(router, null, "Outbox router " + quote(router.name()) + " receives "
                      + (tables.isEmpty() ? "every table" : "the tables " + tables) + " of " + quote(capture.name())
                      + "; rows that are not outbox rows lack its columns and fail the transform",
                  "set table.include.list of " + quote(capture.name())
                      + " to the outbox table only (e.g. public.outbox), and capture other tables separately");
            }
          }
        }
      });

  static final Rule EMBEDDED_OUTSIDE_LOCAL = new DefinedRule("PW-EMBEDDED-OUTSIDE-LOCAL", ERROR,
      "Embedded trial database outside environment local",
      "embedded: true makes the local trial start a throw-away PostgreSQL on the laptop. In any other "
          + "environment there is no such database, and an export would point the connector at "
          + "whatever host and port the node happens to hold.",
      "set embedded to false and give host, port and database of the real server",
      (p, r) -> {
        if (p.environment() == Environment.LOCAL) {
          return;
        }
        for (Node n : p.nodesOf(NodeKind.POSTGRES)) {
          if (n.boolProperty("embedded")) {
            r.node(n, "embedded", quote(n.name()) + " is the embedded trial database, but the pipeline is for "
                    + "environment " + p.environment().yamlName() + ", where no such database exists",
                "set embedded to false and set host, port and database of the real server, "
                    + "or set the pipeline's environment to local");
          }
        }
      });

  static final List<Rule> ALL = List.of(HEARTBEAT, PGOUTPUT, SLOT_NAME_RULE, SLOT_SHARED, PUBLICATION_SHARED,
      SERVER_ID, SCHEMA_HISTORY_MISSING, SCHEMA_HISTORY_TOPIC, PREFIX_UNIQUE, CAPTURE_TASKS, TABLE_FILTER,
      FILTER_CONFLICT, NOT_APPLICABLE, CAPTURE_OUTPUT, SNAPSHOT_STATE, SNAPSHOT_ONLY, SNAPSHOT_ALWAYS,
      DECIMAL_DOUBLE,
      OUTBOX_TABLE, EMBEDDED_OUTSIDE_LOCAL);
}
