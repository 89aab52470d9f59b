package dev.pipewright.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pipewright.model.Durations;
import dev.pipewright.monitor.connect.ConnectorStatus;
import dev.pipewright.monitor.connect.TaskStatus;
import dev.pipewright.monitor.freshness.Freshness;
import dev.pipewright.monitor.kafka.GroupLag;
import dev.pipewright.monitor.kafka.PartitionLag;
import dev.pipewright.monitor.pg.SlotStatus;
import dev.pipewright.monitor.slo.BurnAlert;
import dev.pipewright.monitor.slo.SloStatus;
import java.util.Map;

/**
 * A snapshot as JSON for scripts and CI ({@code pipewright monitor --format json}): health per
 * system, lag per group/topic/partition, slots, connectors, freshness and SLO states. Field names
 * are a contract; NaN figures are written as null.
 */
public final class MonitorJson {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private MonitorJson() {}

  public static String write(MonitorSnapshot s) {
    try {
      return JSON.writeValueAsString(tree(s));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("snapshot cannot be written as JSON", e);
    }
  }

  public static ObjectNode tree(MonitorSnapshot s) {
    ObjectNode root = JSON.createObjectNode();
    root.put("pipeline", s.pipeline());
    root.put("at", s.at().toString());
    health(root.putObject("health"), s.health());

    ObjectNode kafka = root.putObject("kafka");
    health(kafka.putObject("health"), s.kafka().health());
    kafka.put("requests", s.kafka().requests());
    ArrayNode groups = kafka.putArray("groups");
    for (GroupLag g : s.kafka().groups()) {
      ObjectNode gn = groups.addObject();
      gn.put("group", g.group());
      gn.put("status", g.status().name());
      gn.put("totalLag", g.totalLag());
      num(gn, "maxLagSeconds", g.maxLagSeconds());
      ArrayNode parts = gn.putArray("partitions");
      for (PartitionLag p : g.partitions()) {
        ObjectNode pn = parts.addObject();
        pn.put("topic", p.topic());
        pn.put("partition", p.partition());
        pn.put("committedOffset", p.committedOffset());
        pn.put("logEndOffset", p.logEndOffset());
        pn.put("lag", p.lag());
        num(pn, "lagSeconds", p.lagSeconds().seconds());
        pn.put("lagSecondsBasis", p.lagSeconds().basis().name());
        pn.put("status", p.status().name());
        if (p.timeToClear() == null) {
          pn.putNull("timeToClearSeconds");
        } else {
          pn.put("timeToClearSeconds", p.timeToClear().toMillis() / 1000.0);
        }
      }
    }

    ObjectNode slots = root.putObject("slots");
    health(slots.putObject("health"), s.slots().health());
    ArrayNode slotList = slots.putArray("slots");
    for (SlotStatus sl : s.slots().slots()) {
      ObjectNode n = slotList.addObject();
      n.put("slot", sl.slotName());
      n.put("plugin", sl.plugin());
      n.put("database", sl.database());
      n.put("active", sl.active());
      n.put("walStatus", sl.walStatus());
      if (sl.safeWalSize() < 0) {
        n.putNull("safeWalSize");
      } else {
        n.put("safeWalSize", sl.safeWalSize());
      }
      n.put("retainedBytes", sl.retainedBytes());
      n.put("unconfirmedBytes", sl.unconfirmedBytes());
      num(n, "growthBytesPerSecond", sl.growthBytesPerSecond());
      health(n.putObject("health"), sl.health());
    }

    ObjectNode connect = root.putObject("connectors");
    health(connect.putObject("health"), s.connect().health());
    ArrayNode cs = connect.putArray("connectors");
    for (ConnectorStatus c : s.connect().connectors()) {
      ObjectNode n = cs.addObject();
      n.put("name", c.name());
      n.put("type", c.type());
      n.put("state", c.state());
      n.put("workerId", c.workerId());
      n.put("running", c.running());
      if (!c.trace().isEmpty()) {
        n.put("trace", c.trace());
      }
      ArrayNode tasks = n.putArray("tasks");
      for (TaskStatus t : c.tasks()) {
        ObjectNode tn = tasks.addObject();
        tn.put("id", t.id());
        tn.put("state", t.state());
        tn.put("workerId", t.workerId());
        if (!t.trace().isEmpty()) {
          tn.put("trace", t.trace());
        }
      }
    }

    ObjectNode fresh = root.putObject("freshness");
    for (Map.Entry<String, Freshness> e : s.freshnessBySink().entrySet()) {
      ObjectNode n = fresh.putObject(e.getKey());
      n.put("count", e.getValue().count());
      num(n, "p50", e.getValue().p50());
      num(n, "p95", e.getValue().p95());
      num(n, "p99", e.getValue().p99());
    }

    ArrayNode slos = root.putArray("slos");
    for (SloStatus st : s.slos()) {
      ObjectNode n = slos.addObject();
      n.put("name", st.slo().name());
      n.put("kind", st.slo().kind().yamlName());
      n.put("target", st.slo().target());
      n.put("threshold", st.slo().threshold());
      n.put("objective", st.slo().objective());
      n.put("window", Durations.format(st.slo().window()));
      num(n, "value", st.value());
      n.put("state", st.state().name());
      num(n, "compliance", st.compliance());
      num(n, "budgetRemaining", st.budgetRemaining());
      ObjectNode burns = n.putObject("burnRates");
      st.burnRates().entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(b -> num(burns, b.getKey(), b.getValue()));
      ArrayNode alerts = n.putArray("alerts");
      for (BurnAlert a : st.alerts()) {
        ObjectNode an = alerts.addObject();
        an.put("severity", a.severity().name());
        an.put("rule", a.rule());
        an.put("since", a.since().toString());
        an.put("breached", a.breached());
      }
    }
    return root;
  }

  private static void health(ObjectNode n, Health h) {
    n.put("level", h.level().name());
    n.put("reason", h.reason());
  }

  private static void num(ObjectNode n, String field, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      n.putNull(field);
    } else {
      n.put(field, v);
    }
  }
}
