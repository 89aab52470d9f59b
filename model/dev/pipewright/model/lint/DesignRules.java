package dev.pipewright.model.lint;

import static dev.pipewright.model.Severity.WARNING;
import static dev.pipewright.model.lint.Flow.quote;

import dev.pipewright.model.Category;
import dev.pipewright.model.Node;
import java.util.ArrayList;
import java.util.List;

/** Whole-architecture rules: dual writes, security of the transport. */
final class DesignRules {
  private DesignRules() {}

  static final Rule DUAL_WRITE = new DefinedRule("PW-DUAL-WRITE", WARNING,
      "Application writes to two stores (dual write)",
      "An application that writes the same change to two stores (a database and a search index, or "
          + "a database and a Kafka topic) has no transaction spanning both: a crash or a failed second "
          + "write leaves them disagreeing for good, and concurrent writers can apply changes in "
          + "different orders. Write to the database only and let CDC derive the rest, or write an "
          + "outbox row in the same transaction and publish it with the outbox event router.",
      "keep 'orders-service -> shop-db', remove 'orders-service -> search' and feed search from shop-db via CDC",
      (p, r) -> {
        for (Node app : p.nodesIn(Category.APPLICATION)) {
          List<String> stores = new ArrayList<>();
          boolean topic = false;
          for (Node d : p.downstream(app.name())) {
            Category c = d.kind().category();
            if (c == Category.SOURCE || c == Category.SINK) {
              stores.add(quote(d.name()));
            } else if (c == Category.TOPIC && !topic) {
              // Writes to several topics can share one Kafka transaction, so all topics count once.
              topic = true;
              stores.add("Kafka (" + quote(d.name()) + ")");
            }
          }
          if (stores.size() >= 2) {
            r.node(app, null, "Application " + quote(app.name()) + " writes to " + String.join(" and ", stores)
                    + " with no transaction spanning them (dual write): a crash between the writes leaves "
                    + "them disagreeing",
                "let " + quote(app.name()) + " write only to its database and derive the other stores with CDC, "
                    + "or write an outbox row in the same transaction and route it with the outbox event router");
          }
        }
      });

  static final List<Rule> ALL = List.of(DUAL_WRITE);
}
