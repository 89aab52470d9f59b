package dev.pipewright.app.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.app.connect.ConfigDiff.Difference;
import dev.pipewright.app.connect.ConfigDiff.Kind;
import dev.pipewright.app.connect.TopicDiff;
import dev.pipewright.app.desktop.AppHome;
import dev.pipewright.app.desktop.MainViewModel;
import dev.pipewright.app.desktop.TaskExecutor;
import dev.pipewright.canvas.command.AddNode;
import dev.pipewright.model.Finding;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.Severity;
import dev.pipewright.model.connect.ConnectorConfigs;
import dev.pipewright.model.io.PipelineFile;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drift between the drawing and a Connect cluster, as findings a person reads on the canvas. */
class ClusterDiffViewModelTest {
  private static final Path FILE = Path.of("examples/local-trial.yaml");
  private static final String URL = "http://connect.example:8083";

  @TempDir Path home;

  // A node name that is not a valid connector name, so the connector name differs from it.
  private static Pipeline pipeline() throws Exception {
    return PipelineFile.load(FILE).renameNode("orders-read-model", "Orders Read Model");
  }

  private static String connectorOf(Pipeline p, String node) {
    return ConnectorConfigs.connectorNames(p).get(node);
  }

  @Test
  void changedKeyLandsOnTheDrawnNodeWithBothValues() throws Exception {
    Pipeline p = pipeline();
    String connector = connectorOf(p, "Orders Read Model");
    assertThat(connector).isNotEqualTo("Orders Read Model");

    List<Finding> f = ClusterDiffViewModel.findings(p,
        List.of(new Difference(connector, "tasks.max", Kind.CHANGED, "1", "4")), FILE, URL);

    assertThat(f).containsExactly(Finding.onNode("PW-DRIFT", Severity.WARNING, "Orders Read Model", "tasks.max",
        "On the cluster, tasks.max is '4'; the drawing says '1'",
        "Deploy with `pipewright deploy local-trial.yaml --connect-url " + URL + "`, or update the drawing."));
  }

  @Test
  void notDeployedAndNotDrawnConnectorsAreNamed() throws Exception {
    Pipeline p = pipeline();
    String capture = connectorOf(p, "shop-cdc");

    List<Finding> f = ClusterDiffViewModel.findings(p, List.of(
        new Difference(capture, null, Kind.NOT_DEPLOYED, null, null),
        new Difference("someone-elses", null, Kind.NOT_DRAWN, null, null)), null, URL);

    assertThat(f).extracting(Finding::node).containsExactly("shop-cdc", null);
    assertThat(f).extracting(Finding::message).containsExactly(
        "Connector '" + capture + "' is drawn but not deployed",
        "Connector 'someone-elses' runs on the cluster but is not drawn");
    assertThat(f.get(1).where()).isEqualTo("pipeline");
    assertThat(f.get(0).fix()).contains("pipewright deploy FILE --connect-url " + URL);
  }

  @Test
  void secretValuesAreNeverShown() throws Exception {
    Pipeline p = pipeline();
    String connector = connectorOf(p, "Orders Read Model");

    // ConfigDiff leaves secret values null; the cluster-only value of a masked key is null too.
    List<Finding> f = ClusterDiffViewModel.findings(p, List.of(
        new Difference(connector, "connection.password", Kind.CHANGED, null, null),
        new Difference(connector, "connection.password", Kind.ONLY_IN_DRAWING, null, null)), FILE, URL);

    assertThat(f).extracting(Finding::message).containsExactly(
        "On the cluster, connection.password is a secret; the drawing says a secret",
        "On the cluster, connection.password is not set; the drawing says a secret");
    assertThat(f).allSatisfy(x -> assertThat(x.message()).doesNotContain("READMODEL_PASSWORD", "null"));
  }

  @Test
  void topicDriftLandsOnTheDrawnTopicNodeAndUndrawnTopicsOnThePipeline() throws Exception {
    Pipeline p = pipeline();
    List<Finding> f = ClusterDiffViewModel.topicFindings(p, List.of(
        new TopicDiff.Difference("shop.public.orders", "retention.ms", TopicDiff.Kind.CHANGED, "604800000", "1000"),
        new TopicDiff.Difference("shop.dlq", null, TopicDiff.Kind.NOT_CREATED, null, null),
        new TopicDiff.Difference("shop.public.payments", null, TopicDiff.Kind.NOT_DRAWN, null, null)), FILE);

    assertThat(f).extracting(Finding::node).containsExactly("shop.public.orders", "shop.dlq", null);
    assertThat(f.get(0).field()).isEqualTo("retention.ms");
    assertThat(f).extracting(Finding::message).containsExactly(
        "On the cluster, retention.ms is '1000'; the drawing says '604800000'",
        "Topic 'shop.dlq' is drawn but the cluster does not have it",
        "Topic 'shop.public.payments' is on the cluster under a drawn capture's prefix but is not drawn");
    assertThat(f.get(1).fix()).contains("pipewright deploy local-trial.yaml");
  }

  @Test
  void unreachableClusterGivesOneSentenceAndNoFindings() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    AtomicReference<ClusterDiffViewModel.Outcome> got = new AtomicReference<>();

    new ClusterDiffViewModel(TaskExecutor.synchronous())
        .compare(pipeline(), FILE, "http://127.0.0.1:" + closedPort, got::set);

    assertThat(got.get().failed()).isTrue();
    assertThat(got.get().findings()).isEmpty();
    assertThat(got.get().summary("x")).contains("cannot be reached").doesNotContain("Exception");
  }

  @Test
  void missingOrMalformedUrlIsExplained() throws Exception {
    assertThat(ClusterDiffViewModel.run(pipeline(), FILE, " ").error()).contains("Kafka Connect URL");
    assertThat(ClusterDiffViewModel.run(pipeline(), FILE, "not a url").error()).contains("http://localhost:8083");
    assertThat(ClusterDiffViewModel.run(pipeline(), FILE, "localhost:8083").error()).contains("http://localhost:8083");
  }

  @Test
  void driftShowsBesideLintFindingsUntilThePipelineChanges() throws IOException {
    MainViewModel vm = new MainViewModel(new AppHome(home), TaskExecutor.synchronous());
    vm.newDocument(Pipeline.empty("p"));
    int lint = vm.findingsProperty().get().size();
    Finding drift = Finding.onPipeline("PW-DRIFT", Severity.WARNING, "Connector 'x' runs on the cluster but is not "
        + "drawn", "update the drawing");

    vm.showDrift(List.of(drift));
    assertThat(vm.findingsProperty().get()).hasSize(lint + 1).contains(drift);
    assertThat(vm.problems().findings()).contains(drift);

    vm.document().execute(new AddNode(Node.of("db", NodeKind.POSTGRES)));
    assertThat(vm.findingsProperty().get()).doesNotContain(drift);
    assertThat(vm.problems().findings()).doesNotContain(drift);
  }
}
