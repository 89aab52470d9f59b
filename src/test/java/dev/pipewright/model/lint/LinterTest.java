package dev.pipewright.model.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.model.Finding;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinterTest {

  @Test
  void wellDesignedProductionPipelineHasNoFindings() {
    List<Finding> findings = Linter.check(TestPipelines.wellDesigned());
    assertThat(findings).isEmpty();
  }

  @Test
  void ruleIdsAreUniqueAndWellFormed() {
    Set<String> ids = new HashSet<>();
    for (Rule r : Linter.rules()) {
      assertThat(ids.add(r.id())).as("duplicate id %s", r.id()).isTrue();
      assertThat(r.id()).matches("PW-[A-Z0-9]+(-[A-Z0-9]+)*");
      assertThat(r.title()).isNotBlank().doesNotContain("\n");
      assertThat(r.rationale()).isNotBlank();
      assertThat(r.exampleFix()).isNotBlank();
    }
  }

  /** Ids are public (docs, CI suppressions, canvas badges): a rule may be added, never renamed or dropped. */
  private static final List<String> PUBLISHED_IDS = List.of(
      "PW-DUPLICATE-NAME",
      "PW-DANGLING-EDGE",
      "PW-ILLEGAL-EDGE",
      "PW-CYCLE",
      "PW-REQUIRED-PROPERTY",
      "PW-PROPERTY-VALUE",
      "PW-PLAINTEXT-SECRET",
      "PW-TOPIC-NAME",
      "PW-TOPIC-COLLISION",
      "PW-CAPTURE-SOURCE",
      "PW-SINK-INPUT",
      "PW-SLO-TARGET",
      "PW-SLO-VALUES",
      "PW-HEARTBEAT",
      "PW-PGOUTPUT",
      "PW-SLOT-NAME",
      "PW-SLOT-SHARED",
      "PW-PUBLICATION-SHARED",
      "PW-SERVER-ID",
      "PW-SCHEMA-HISTORY-MISSING",
      "PW-SCHEMA-HISTORY-TOPIC",
      "PW-PREFIX-UNIQUE",
      "PW-CAPTURE-TASKS",
      "PW-TABLE-FILTER",
      "PW-FILTER-CONFLICT",
      "PW-NOT-APPLICABLE",
      "PW-CAPTURE-OUTPUT",
      "PW-SNAPSHOT-STATE",
      "PW-SNAPSHOT-ONLY",
      "PW-SNAPSHOT-ALWAYS",
      "PW-DECIMAL-DOUBLE",
      "PW-OUTBOX-TABLE",
      "PW-EMBEDDED-OUTSIDE-LOCAL",
      "PW-REPLICATION",
      "PW-MIN-ISR-ABOVE-RF",
      "PW-MIN-ISR-NO-SLACK",
      "PW-TOPIC-NAME-MIXED",
      "PW-COMPACT-DELETES",
      "PW-TOPIC-PREFIX",
      "PW-DLQ",
      "PW-DLQ-REPLAY",
      "PW-DLQ-SILENT-DROP",
      "PW-DLQ-UNUSED",
      "PW-DLQ-LOOP",
      "PW-DLQ-HEADERS",
      "PW-UPSERT-KEY",
      "PW-JDBC-DELETE-KEY",
      "PW-SEARCH-KEY",
      "PW-SEARCH-DELETES",
      "PW-UNWRAP",
      "PW-DROPPED-DELETES",
      "PW-SCHEMALESS",
      "PW-IDLE-TASKS",
      "PW-CONVERTER-MISMATCH",
      "PW-ICEBERG-TARGET",
      "PW-JDBC-DELETES",
      "PW-DUAL-WRITE",
      "PW-SCHEMA-REGISTRY",
      "PW-REROUTE-KEYS",
      "PW-MASK-AFTER-TOPIC",
      "PW-PLAINTEXT-KAFKA",
      "PW-DB-TLS",
      "PW-TRANSFORM-UNATTACHED",
      "PW-WAL-GUARD",
      "PW-CLUSTER-ADDRESS",
      "PW-TOPIC-UNREAD",
      "PW-UNKNOWN-PROPERTY");

  @Test
  void publishedRuleIdsStayRegistered() {
    assertThat(Linter.rules()).extracting(Rule::id).containsAll(PUBLISHED_IDS);
  }

  @Test
  void heartbeatFindingSaysWhatHappensAndHowToFixIt() {
    Pipeline p = RuleCasesTest.set(TestPipelines.wellDesigned(), "shop-cdc", "heartbeat.interval.ms", null);
    Finding f = only(p, "PW-HEARTBEAT");
    assertThat(f.node()).isEqualTo("shop-cdc");
    assertThat(f.field()).isEqualTo("heartbeat.interval.ms");
    assertThat(f.message()).isEqualTo("'shop-cdc' captures PostgreSQL without heartbeats: on quiet tables the slot "
        + "holds WAL back until the disk fills");
    assertThat(f.fix()).startsWith("set heartbeat.interval.ms to 10000 and heartbeat.action.query to ");
  }

  @Test
  void unknownPropertySuggestsTheCatalogueKeyItResembles() {
    Pipeline p = RuleCasesTest.set(TestPipelines.wellDesigned(), "shop-cdc", "heartbeat.interval", "10000");
    Finding f = only(p, "PW-UNKNOWN-PROPERTY");
    assertThat(f.severity()).isEqualTo(Severity.INFO);
    assertThat(f.message()).contains("did you mean heartbeat.interval.ms?");
    assertThat(f.fix()).isEqualTo("rename heartbeat.interval to heartbeat.interval.ms");
  }

  @Test
  void cycleFixNamesAnEdgeThatExists() {
    Pipeline p = RuleCasesTest.flow(TestPipelines.wellDesigned(), "unwrap", "shop.public.orders");
    Finding f = only(p, "PW-CYCLE");
    assertThat(f.message()).contains("'shop.public.orders' -> 'unwrap' -> 'shop.public.orders'");
    assertThat(f.fix()).contains("'unwrap -> shop.public.orders'");
  }

  @Test
  void secretFindingNeverRepeatsTheSecret() {
    Pipeline p = RuleCasesTest.set(TestPipelines.wellDesigned(), "shop-db", "password", "s3cr3t-Pa55");
    Finding f = only(p, "PW-PLAINTEXT-SECRET");
    assertThat(f.field()).isEqualTo("password");
    assertThat(f.message() + f.fix()).doesNotContain("s3cr3t").contains("${env:SHOP_DB_PASSWORD}");
  }

  @Test
  void errorsAreExactlyTheErrorFindings() {
    Pipeline p = RuleCasesTest.set(TestPipelines.wellDesigned(), "shop-db", "password", "plain",
        "sslmode", "disable");
    assertThat(Linter.errors(p)).extracting(Finding::ruleId).containsExactly("PW-PLAINTEXT-SECRET");
    assertThat(Linter.check(p)).extracting(Finding::ruleId).containsExactly("PW-PLAINTEXT-SECRET", "PW-DB-TLS");
  }

  private static Finding only(Pipeline p, String ruleId) {
    List<Finding> found = Linter.check(p).stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  @Test
  void findingsAreOrderedBySeverityThenNodeThenRule() {
    Pipeline p = TestPipelines.production()
        .node("orphan-sink", NodeKind.JDBC_SINK)
        .node("shop-cdc", NodeKind.DEBEZIUM, "topic.prefix", "shop")
        .build();
    List<Finding> all = Linter.check(p);
    assertThat(all).extracting(Finding::severity).isSortedAccordingTo(Enum::compareTo);
    List<Finding> errors = Linter.errors(p);
    assertThat(errors).isNotEmpty().allMatch(f -> f.severity() == Severity.ERROR);
    assertThat(errors.get(0).node()).isEqualTo("orphan-sink");
    assertThat(errors.get(errors.size() - 1).node()).isEqualTo("shop-cdc");
    assertThat(Linter.check(p)).isEqualTo(all);
  }
}
