package dev.pipewright.runtime;

import static dev.pipewright.runtime.TrialFixtures.eventually;
import static dev.pipewright.runtime.TrialFixtures.quietly;
import static dev.pipewright.runtime.TrialFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.io.PipelineFile;
import dev.pipewright.runtime.pg.EmbeddedPostgres;
import dev.pipewright.runtime.stats.EdgeStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sink behind transforms: the trial runs the very SMTs the Connect export names for the sink
 * (Debezium's ExtractNewRecordState, Kafka's MaskField) between the topic and the JDBC sink task
 * and the file, so the read model holds flat rows with the e-mail masked and deletes applied.
 */
class TrialTransformsIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path work;

  @Test
  void sinkBehindUnwrapAndMaskGetsFlatMaskedRowsAndDeletes() throws Exception {
    Pipeline p = PipelineFile.load(Path.of("src/test/resources/dev/pipewright/runtime/transforms-trial.yaml"));
    try (Trial trial = Trial.builder().pipeline(p).workDir(work).build()) {
      trial.start();
      EmbeddedPostgres pg = trial.embeddedPostgres("shop-db").orElseThrow();
      String shop = pg.jdbcUrl("shop");
      try (Connection c = pg.connect("shop"); Statement s = c.createStatement()) {
        s.execute("INSERT INTO public.customers (name, email, tier) SELECT 'New ' || g, 'new' || g || '@example.com', "
            + "'standard' FROM generate_series(1, 40) g");
        s.execute("UPDATE public.customers SET tier = 'gold', email = 'changed@example.com' WHERE name LIKE 'New 1%'");
        s.execute("DELETE FROM public.customers WHERE name LIKE 'New 2%'");
      }
      String masked = pg.jdbcUrl("masked");
      String sourceRows = "SELECT id, name, tier FROM public.customers ORDER BY id";
      String sinkRows = "SELECT id, name, tier FROM shop_public_customers ORDER BY id";
      eventually(Duration.ofSeconds(90), quietly(() -> trial.failure() != null
          || rows(shop, sourceRows).equals(rows(masked, sinkRows))));
      assertThat(trial.failure()).isNull();
      // the file sink reads the same topic as the read model, on its own
      assertThat(trial.awaitSinksCaughtUp(Duration.ofSeconds(60))).as("every sink caught up").isTrue();

      assertThat(rows(masked, sinkRows)).as("read model rows after inserts, updates and deletes")
          .isEqualTo(rows(shop, sourceRows));
      assertThat(rows(masked, "SELECT DISTINCT email FROM shop_public_customers")).containsExactly("***");
      assertThat(rows(masked, "SELECT count(*) FROM information_schema.columns WHERE table_name = "
          + "'shop_public_customers' AND column_name IN ('before', 'after', '__op')"))
          .as("flat columns: unwrap ran, op added").containsExactly("1");

      List<JsonNode> lines = new ArrayList<>();
      for (String l : Files.readAllLines(work.resolve("masked.jsonl"))) {
        JsonNode j = JSON.readTree(l);
        lines.add(j.has("payload") ? j.get("payload") : j);
      }
      assertThat(lines).isNotEmpty();
      assertThat(lines).allSatisfy(j -> {
        assertThat(j.has("after")).as("unwrapped: " + j).isFalse();
        assertThat(j.path("email").asText()).isEqualTo("***");
      });
      assertThat(lines).anySatisfy(j -> assertThat(j.path("name").asText()).startsWith("New 1"));

      TrialSnapshot snap = trial.snapshot();
      EdgeStats intoUnwrap = edge(snap, "shop.public.customers", "unwrap");
      EdgeStats intoFile = edge(snap, "mask-email", "masked-file");
      assertThat(intoUnwrap.total()).as("events read from the topic").isGreaterThanOrEqualTo(40 + 4 + 10);
      assertThat(intoFile.total()).isGreaterThan(0);
      assertThat(intoFile.lastEvents()).isNotEmpty();
      assertThat(snap.sinks().get("masked-read-model").latencyP50()).isNotNull();
    }
  }

  private static EdgeStats edge(TrialSnapshot s, String from, String to) {
    return s.edges().stream().filter(e -> e.edge().equals(new Edge(from, to))).findFirst().orElseThrow();
  }
}
