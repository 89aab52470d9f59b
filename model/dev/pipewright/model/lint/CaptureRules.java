package dev.pipewright.model.lint;

import static dev.pipewright.model.Severity.WARNING;
import static dev.pipewright.model.lint.Flow.quote;

import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import java.util.List;
import java.util.Optional;

/** Rules about Debezium captures: WAL retention, slots, server ids, schema history, snapshots. */
final class CaptureRules {
  private CaptureRules() {}

  static final Rule HEARTBEAT = new DefinedRule("PW-HEARTBEAT", WARNING,
      "PostgreSQL capture without heartbeats",
      "A replication slot keeps every WAL segment the connector has not confirmed. Debezium only "
          + "confirms a position when it sees a change of a captured table, so while those tables are "
          + "quiet and the rest of the database is busy, the slot holds WAL back until the disk fills "
          + "and PostgreSQL stops. Heartbeats (heartbeat.interval.ms) let the connector confirm "
          + "regularly, and heartbeat.action.query writes to a heartbeat table so there is always "
          + "a captured change to confirm.",
      "set heartbeat.interval.ms to 10000 and heartbeat.action.query to "
          + "INSERT INTO debezium_heartbeat (id, ts) VALUES (1, now()) ON CONFLICT (id) DO UPDATE SET ts = now()",
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
          }
        }
      });

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

  static final List<Rule> ALL = List.of(HEARTBEAT, PGOUTPUT);
}
