package dev.pipewright.model.lint;

import static dev.pipewright.model.Severity.ERROR;
import static dev.pipewright.model.Severity.INFO;
import static dev.pipewright.model.Severity.WARNING;
import static dev.pipewright.model.lint.Flow.quote;

import dev.pipewright.model.Category;
import dev.pipewright.model.Converter;
import dev.pipewright.model.Environment;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Rules about sink connectors: error handling, keys, deletes. */
final class SinkRules {
  private SinkRules() {}

  static final Rule DLQ = new DefinedRule("PW-DLQ", WARNING,
      "Sink without a dead-letter topic",
      "With errors.tolerance=none (Kafka Connect's default) one record the sink cannot convert or "
          + "write stops its task, and every later change waits behind it until someone intervenes. "
          + "A dead-letter topic with errors.tolerance=all parks the bad record, with the error in its "
          + "headers, and lets the rest flow. Not checked in environment local, where stopping on the "
          + "first bad record is what a trial wants.",
      "set errors.tolerance to all and errors.deadletterqueue.topic.name to dlq.orders-search",
      (p, r) -> {
        if (p.environment() == Environment.LOCAL) {
          return;
        }
        for (Node n : p.nodesIn(Category.SINK)) {
          if (Flow.hasErrorHandling(n) && Flow.dlq(n) == null && !readsDeadLetters(p, n)
              && n.property("errors.tolerance").orElse("none").equals("none")) {
            r.node(n, "errors.deadletterqueue.topic.name", "Sink " + quote(n.name())
                    + " has no dead-letter topic: one record it cannot write stops it, and all later changes wait",
                "set errors.tolerance to all and errors.deadletterqueue.topic.name to "
                    + quote("dlq." + n.name()));
          }
        }
      });

  private static boolean readsDeadLetters(Pipeline p, Node sink) {
    return Flow.topicsUpstream(p, sink).stream().anyMatch(t -> Flow.role(t).equals("dead-letter"));
  }

  static final Rule DLQ_REPLAY = new DefinedRule("PW-DLQ-REPLAY", WARNING,
      "Sink replaying a dead-letter topic has no dead-letter topic of its own",
      "Records in a dead-letter topic already failed once, and a sink that replays or archives them "
          + "meets the same poison records first. Without a dead-letter topic of its own it stops at "
          + "the first one (errors.tolerance=none), so the replay never gets past it. Checked in every "
          + "environment, since replays are tried out locally too.",
      "set errors.tolerance to all and errors.deadletterqueue.topic.name to dlq.parking-lot on the replaying sink",
      (p, r) -> {
        for (Node n : p.nodesIn(Category.SINK)) {
          if (Flow.hasErrorHandling(n) && Flow.dlq(n) == null && readsDeadLetters(p, n)
              && n.property("errors.tolerance").orElse("none").equals("none")) {
            String read = Flow.topicsUpstream(p, n).stream().filter(t -> Flow.role(t).equals("dead-letter"))
                .map(t -> quote(Flow.topicName(t))).findFirst().orElse("");
            r.node(n, "errors.deadletterqueue.topic.name", "Sink " + quote(n.name()) + " replays dead-letter topic "
                    + read + " but has no dead-letter topic itself: the first record that fails again stops it",
                "set errors.tolerance to all and errors.deadletterqueue.topic.name to a parking-lot topic, e.g. "
                    + quote("parking-lot." + n.name()));
          }
        }
      });

  static final Rule DLQ_SILENT_DROP = new DefinedRule("PW-DLQ-SILENT-DROP", ERROR,
      "Sink skips bad records without a dead-letter topic",
      "errors.tolerance=all without errors.deadletterqueue.topic.name drops every record that fails "
          + "conversion or transformation and keeps going; nothing records which changes were lost, "
          + "so the derived store silently drifts from the source of truth. Pipewright refuses to "
          + "export that configuration.",
      "set errors.deadletterqueue.topic.name to dlq.orders-search",
      (p, r) -> {
        for (Node n : p.nodesIn(Category.SINK)) {
          if (Flow.hasErrorHandling(n) && Flow.dlq(n) == null
              && n.property("errors.tolerance").orElse("none").equals("all")) {
            r.node(n, "errors.tolerance", "Sink " + quote(n.name())
                    + " skips records it cannot process (errors.tolerance=all) without a dead-letter topic: "
                    + "those changes are lost without trace",
                "set errors.deadletterqueue.topic.name to " + quote("dlq." + n.name())
                    + ", or set errors.tolerance to none to stop on the first bad record");
          }
        }
      });

  static final Rule DLQ_UNUSED = new DefinedRule("PW-DLQ-UNUSED", WARNING,
      "Dead-letter topic that is never used",
      "Kafka Connect sends records to the dead-letter topic only when errors.tolerance=all. With "
          + "the default none, the first bad record still stops the task and the dead-letter topic "
          + "stays empty, which looks like safety but is not.",
      "set errors.tolerance to all on 'orders-search'",
      (p, r) -> {
        for (Node n : p.nodesIn(Category.SINK)) {
          if (Flow.hasErrorHandling(n) && Flow.dlq(n) != null
              && n.property("errors.tolerance").orElse("none").equals("none")) {
            r.node(n, "errors.tolerance", "Sink " + quote(n.name()) + " names dead-letter topic "
                    + quote(Flow.dlq(n)) + " but keeps errors.tolerance=none: the first bad record still stops it "
                    + "and the dead-letter topic stays empty",
                "set errors.tolerance to all on " + quote(n.name()));
          }
        }
      });

  static final Rule DLQ_LOOP = new DefinedRule("PW-DLQ-LOOP", ERROR,
      "Sink's dead-letter topic is one of its inputs",
      "A record that fails goes to the dead-letter topic; if the sink also reads that topic it gets "
          + "the record back, fails again and writes it again, for ever, flooding the topic.",
      "set errors.deadletterqueue.topic.name to dlq.orders-search, a topic the sink does not read",
      (p, r) -> {
        for (Node n : p.nodesIn(Category.SINK)) {
          String dlq = Flow.dlq(n);
          if (dlq != null && Flow.topicsUpstream(p, n).stream().anyMatch(t -> Flow.topicName(t).equals(dlq))) {
            r.node(n, "errors.deadletterqueue.topic.name", "Sink " + quote(n.name()) + " reads its own dead-letter "
                    + "topic " + quote(dlq) + ": failed records come back, fail again and loop for ever",
                "set errors.deadletterqueue.topic.name to a topic " + quote(n.name()) + " does not read, e.g. "
                    + quote("dlq." + n.name()));
          }
        }
      });

  static final Rule DLQ_HEADERS = new DefinedRule("PW-DLQ-HEADERS", INFO,
      "Dead-letter records without the reason they failed",
      "By default Kafka Connect writes the failed record to the dead-letter topic without saying why. "
          + "errors.deadletterqueue.context.headers.enable=true adds the failing stage, connector and "
          + "exception as headers, which is what the person replaying the record at 3 a.m. needs.",
      "set errors.deadletterqueue.context.headers.enable to true",
      (p, r) -> {
        for (Node n : p.nodesIn(Category.SINK)) {
          if (Flow.hasErrorHandling(n) && Flow.dlq(n) != null
              && !n.boolProperty("errors.deadletterqueue.context.headers.enable")) {
            r.node(n, "errors.deadletterqueue.context.headers.enable", "Sink " + quote(n.name())
                    + " parks failed records in " + quote(Flow.dlq(n)) + " without the error that made them fail",
                "set errors.deadletterqueue.context.headers.enable to true on " + quote(n.name()));
          }
        }
      });

  static final Rule UPSERT_KEY = new DefinedRule("PW-UPSERT-KEY", ERROR,
      "JDBC upsert without a primary key",
      "An upsert (or update) finds the row to change by its primary key. With primary.key.mode none "
          + "the JDBC sink has no key columns to match on, so it cannot build the upsert statement; "
          + "and Debezium delivers at least once, so only keyed upserts make redelivery harmless.",
      "set primary.key.mode to record_key",
      (p, r) -> {
        for (Node n : p.nodesOf(NodeKind.JDBC_SINK)) {
          String mode = n.property("insert.mode").orElse("upsert");
          if ((mode.equals("upsert") || mode.equals("update"))
              && n.property("primary.key.mode").orElse("record_key").equals("none")) {
            r.node(n, "primary.key.mode", quote(n.name()) + " uses insert.mode=" + mode
                    + " with primary.key.mode=none: it has no key to find the row to update",
                "set primary.key.mode to record_key (the change event's key is the source row's primary key)");
          }
        }
      });

  static final Rule JDBC_DELETE_KEY = new DefinedRule("PW-JDBC-DELETE-KEY", ERROR,
      "JDBC deletes without record_key",
      "The Debezium JDBC sink applies a delete by the key of the delete event, so delete.enabled=true "
          + "requires primary.key.mode=record_key; the connector fails its configuration check otherwise.",
      "set primary.key.mode to record_key (or delete.enabled to false)",
      (p, r) -> {
        for (Node n : p.nodesOf(NodeKind.JDBC_SINK)) {
          String pk = n.property("primary.key.mode").orElse("record_key");
          if (n.boolProperty("delete.enabled") && !pk.equals("record_key")) {
            r.node(n, "delete.enabled", quote(n.name()) + " applies deletes (delete.enabled=true) with "
                    + "primary.key.mode=" + pk + "; the JDBC sink requires record_key for that",
                "set primary.key.mode to record_key, or delete.enabled to false if deletes must be kept");
          }
        }
      });

  static final Rule SEARCH_KEY = new DefinedRule("PW-SEARCH-KEY", WARNING,
      "Search sink ignores the record key",
      "With key.ignore=true the search sink uses topic+partition+offset as the document id, so every "
          + "change of a row becomes a new document: updates pile up as duplicates, redelivered events "
          + "add more, and deletes cannot find the document to remove.",
      "set key.ignore to false",
      (p, r) -> {
        for (Node n : p.nodesIn(Category.SINK)) {
          if (Flow.isSearch(n.kind()) && n.boolProperty("key.ignore")) {
            r.node(n, "key.ignore", quote(n.name()) + " ignores the record key (key.ignore=true): every change "
                    + "becomes a new document instead of updating the row's document",
                "set key.ignore to false so the row's key is the document id");
          }
        }
      });

  static final Rule SEARCH_DELETES = new DefinedRule("PW-SEARCH-DELETES", WARNING,
      "Search sink does not apply deletes",
      "Debezium signals a delete with a tombstone (a null value). behavior.on.null.values=ignore "
          + "drops it, so deleted rows stay searchable for ever; fail stops the sink at the first "
          + "delete. delete removes the document, which is what a derived index needs.",
      "set behavior.on.null.values to delete",
      (p, r) -> {
        for (Node n : p.nodesIn(Category.SINK)) {
          String mode = n.property("behavior.on.null.values").orElse("delete");
          if (Flow.isSearch(n.kind()) && !mode.equals("delete")) {
            r.node(n, "behavior.on.null.values", quote(n.name()) + " has behavior.on.null.values=" + mode
                    + (mode.equals("ignore") ? ": deletes are silently dropped and deleted rows stay searchable"
                        : ": the first delete stops the sink"),
                "set behavior.on.null.values to delete");
          }
        }
      });

  static final Rule UNWRAP = new DefinedRule("PW-UNWRAP", WARNING,
      "Store fed raw change events instead of rows",
      "Debezium's change events are envelopes (before, after, source, op). Search indexes, caches and "
          + "ClickHouse tables want the row itself; fed the envelope, they store before/after/source "
          + "as nested fields and queries on columns find nothing. The unwrap transform "
          + "(ExtractNewRecordState) turns each event into the row after the change. The JDBC sink "
          + "and lake bronze layers understand the envelope and need no unwrap.",
      "insert an 'Unwrap (new record state)' transform between shop.public.orders and orders-search",
      (p, r) -> {
        for (Node n : p.nodesIn(Category.SINK)) {
          boolean wantsRows = Flow.isSearch(n.kind()) || n.kind() == NodeKind.REDIS || n.kind() == NodeKind.CLICKHOUSE;
          if (wantsRows && Flow.somePathAvoids(p, n, u -> u.kind() == NodeKind.EXTRACT_NEW_RECORD_STATE
              || u.kind() == NodeKind.OUTBOX_EVENT_ROUTER)) {
            r.node(n, null, quote(n.name()) + " receives Debezium change envelopes (before/after/source) "
                    + "rather than rows: what it stores will hold nested before/after/source fields instead of the row's columns",
                "insert an 'Unwrap (new record state)' transform between the topic and " + quote(n.name()));
          }
        }
      });

  static final Rule DROPPED_DELETES = new DefinedRule("PW-DROPPED-DELETES", WARNING,
      "Deletes dropped before a store that needs them",
      "An unwrap transform with delete.tombstone.handling.mode=drop removes delete events. Read "
          + "models, caches and search indexes then never hear that a row was deleted, and keep "
          + "serving it.",
      "set delete.tombstone.handling.mode to rewrite-with-tombstone (or tombstone) on the unwrap",
      (p, r) -> {
        for (Node n : p.nodesIn(Category.SINK)) {
          if (!Flow.needsFullState(n.kind())) {
            continue;
          }
          for (Node u : Flow.transformsUpstream(p, n)) {
            if (u.kind() == NodeKind.EXTRACT_NEW_RECORD_STATE
                && u.property("delete.tombstone.handling.mode").orElse("tombstone").equals("drop")) {
              r.node(n, null, quote(u.name()) + " drops delete events before they reach " + quote(n.name())
                      + ": deleted rows stay there for ever",
                  "set delete.tombstone.handling.mode on " + quote(u.name()) + " to rewrite-with-tombstone");
            }
          }
        }
      });

  static final Rule SCHEMALESS = new DefinedRule("PW-SCHEMALESS", ERROR,
      "Sink needs schemas the converter does not send",
      "The Debezium JDBC sink creates and alters tables from the schema carried with each record, "
          + "a search sink with schema.ignore=false builds its mapping the same way, and Parquet files "
          + "need a schema to be written at all. Plain JSON without schemas (converter json) carries "
          + "none, so those sinks fail on the first record.",
      "set the converter to json-schemas (or avro/protobuf with a schema registry)",
      (p, r) -> {
        for (Node n : p.nodesIn(Category.SINK)) {
          boolean needsSchema = n.kind() == NodeKind.JDBC_SINK
              || (Flow.isSearch(n.kind()) && !n.property("schema.ignore").orElse("true").equals("true"))
              || (n.kind() == NodeKind.LAKE && n.property("format").orElse("iceberg").equals("s3-parquet"));
          if (!needsSchema) {
            continue;
          }
          List<Node> captures = Flow.capturesFeedingSink(p, n);
          boolean schemaless = captures.isEmpty()
              ? p.converter() == Converter.JSON
              : captures.stream().anyMatch(c -> Flow.converterOf(p, c) == Converter.JSON);
          if (schemaless) {
            r.node(n, null, quote(n.name()) + " needs record schemas, but the events reach it as plain JSON "
                    + "without schemas (converter json): it fails on the first record",
                "set the pipeline's converter (and any capture's converter override) to json-schemas, "
                    + "or avro/protobuf with a schema registry");
          }
        }
      });

  static final Rule IDLE_TASKS = new DefinedRule("PW-IDLE-TASKS", WARNING,
      "More sink tasks than input partitions",
      "A consumer group assigns each partition to one task. A sink whose tasks.max exceeds the total "
          + "number of partitions it reads runs tasks that get nothing to do (and still hold memory "
          + "and connections). Raise the partitions or lower the tasks.",
      "set tasks.max to 1 on 'read-model', or give shop.public.orders more partitions",
      (p, r) -> {
        for (Node n : p.nodesIn(Category.SINK)) {
          List<Node> topics = Flow.topicsUpstream(p, n);
          long tasks = n.intProperty("tasks.max", 1);
          if (topics.isEmpty() || tasks <= 1) {
            continue;
          }
          long partitions = topics.stream().mapToLong(t -> Math.max(1, t.intProperty("partitions", 6))).sum();
          if (tasks > partitions) {
            r.node(n, "tasks.max", quote(n.name()) + " runs " + tasks + " tasks but reads " + partitions
                    + (partitions == 1 ? " partition" : " partitions") + " in total: "
                    + (tasks - partitions) + " of its tasks stay idle",
                "set tasks.max to " + partitions + ", or raise the partitions of its input topics");
          }
        }
      });

  static final Rule CONVERTER_MISMATCH = new DefinedRule("PW-CONVERTER-MISMATCH", ERROR,
      "Sink reads topics written in different formats",
      "A Kafka Connect sink decodes every record with one converter. When the captures behind its "
          + "topics write different formats (say Avro and JSON), or the sink overrides the converter "
          + "with another one, part of the records cannot be decoded and the task fails on the first.",
      "give 'billing-cdc' the same converter as 'shop-cdc', or feed the two formats to separate sinks",
      (p, r) -> {
        for (Node n : p.nodesIn(Category.SINK)) {
          if (n.kind() == NodeKind.JSONL_FILE) {
            continue; // writes the topic's bytes as text, whatever the format
          }
          Map<Converter, String> writers = new LinkedHashMap<>();
          for (Node c : Flow.capturesFeedingSink(p, n)) {
            writers.putIfAbsent(Flow.converterOf(p, c), quote(c.name()));
          }
          Optional<Converter> own = Converter.fromYaml(n.properties().get("converter"));
          if (writers.size() > 1) {
            r.node(n, null, "Sink " + quote(n.name()) + " reads topics written as " + describe(writers)
                    + "; one sink decodes with one converter, so part of its records fail",
                "make the captures feeding " + quote(n.name()) + " use one converter, or split the sink in two");
          } else if (own.isPresent() && writers.size() == 1 && !writers.containsKey(own.get())) {
            r.node(n, "converter", "Sink " + quote(n.name()) + " decodes with " + own.get().yamlName()
                    + " but its topics are written as " + describe(writers) + ": every record fails to decode",
                "remove the converter override from " + quote(n.name()));
          }
        }
      });

  private static String describe(Map<Converter, String> writers) {
    return String.join(" and ", writers.entrySet().stream()
        .map(e -> e.getKey().yamlName() + " (by " + e.getValue() + ")").toList());
  }

  static final Rule ICEBERG_TARGET = new DefinedRule("PW-ICEBERG-TARGET", ERROR,
      "Iceberg sink without a catalog or tables",
      "The Iceberg sink commits through a catalog (Pipewright exports a REST catalog, so it needs "
          + "iceberg.catalog.uri) and writes the tables listed in iceberg.tables, unless dynamic "
          + "routing (iceberg.tables.dynamic-enabled with a route field) picks the table per record. "
          + "Without them the connector has nowhere to commit or nothing to write.",
      "set iceberg.catalog.uri to https://catalog.internal:8181 and iceberg.tables to bronze.orders",
      (p, r) -> {
        for (Node n : p.nodesOf(NodeKind.LAKE)) {
          if (!n.property("format").orElse("iceberg").equals("iceberg")) {
            continue;
          }
          if (n.property("iceberg.catalog.uri").filter(v -> !v.isBlank()).isEmpty()) {
            r.node(n, "iceberg.catalog.uri", quote(n.name()) + " writes Iceberg tables but names no catalog "
                    + "(iceberg.catalog.uri): the sink cannot commit",
                "set iceberg.catalog.uri to the REST catalog's URL");
          }
          boolean dynamic = "true".equals(n.properties().get("iceberg.tables.dynamic-enabled"));
          if (!dynamic && n.property("iceberg.tables").filter(v -> !v.isBlank()).isEmpty()) {
            r.node(n, "iceberg.tables", quote(n.name()) + " writes Iceberg but lists no iceberg.tables "
                    + "(and no dynamic routing): it has no table to write to",
                "set iceberg.tables to the target tables, e.g. " + n.property("layer").orElse("bronze") + ".orders");
          }
        }
      });

  static final Rule JDBC_DELETES = new DefinedRule("PW-JDBC-DELETES", INFO,
      "Read model keeps deleted rows",
      "With delete.enabled=false the JDBC sink ignores delete events: rows deleted at the source "
          + "stay in the read model for ever. That is right for an archive, wrong for a view that "
          + "should mirror the source.",
      "set delete.enabled to true (with primary.key.mode record_key)",
      (p, r) -> {
        for (Node n : p.nodesOf(NodeKind.JDBC_SINK)) {
          if (!n.boolProperty("delete.enabled") && !Flow.capturesFeedingSink(p, n).isEmpty()) {
            r.node(n, "delete.enabled", quote(n.name()) + " ignores deletes (delete.enabled=false): rows deleted "
                    + "at the source stay in it",
                "set delete.enabled to true with primary.key.mode record_key, unless it is meant to be an archive");
          }
        }
      });

  static final Rule FILE_TRANSFORMS = new DefinedRule("PW-FILE-TRANSFORMS", WARNING,
      "Transforms in front of a JSON-lines file",
      "The JSON-lines file is Kafka's FileStreamSink, which is given each record as the text on the "
          + "topic (string converter) and writes it as it is. Transforms need structured records: on a "
          + "Connect worker they pass the text through untouched or fail on it (Kafka's MaskField "
          + "stops the connector). The local trial applies them to the decoded event, so it would "
          + "show a file the worker never writes.",
      "feed 'audit-log' straight from its topic, or use a sink that writes structured records",
      (p, r) -> {
        for (Node n : p.nodesOf(NodeKind.JSONL_FILE)) {
          List<Node> chain = Flow.transformsUpstream(p, n);
          if (!chain.isEmpty()) {
            r.node(n, null, "JSON-lines file " + quote(n.name()) + " is fed through " + quote(chain.get(0).name())
                    + ", but it receives the topic's text, which transforms cannot work on",
                "connect " + quote(n.name()) + " straight to its topic, or move the transforms to a sink "
                    + "that decodes records");
          }
        }
      });

  static final List<Rule> ALL = List.of(FILE_TRANSFORMS, DLQ, DLQ_REPLAY, DLQ_SILENT_DROP, DLQ_UNUSED, DLQ_LOOP, DLQ_HEADERS, UPSERT_KEY,
      JDBC_DELETE_KEY, SEARCH_KEY, SEARCH_DELETES, UNWRAP, DROPPED_DELETES, SCHEMALESS, IDLE_TASKS,
      CONVERTER_MISMATCH, ICEBERG_TARGET, JDBC_DELETES);
}
