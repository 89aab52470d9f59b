package dev.pipewright.app.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipewright.app.desktop.inspector.FieldViewModel;
import dev.pipewright.app.desktop.inspector.InspectorViewModel;
import dev.pipewright.app.desktop.inspector.InspectorViewModel.Mode;
import dev.pipewright.canvas.EditorDocument;
import dev.pipewright.canvas.EditorState;
import dev.pipewright.model.Converter;
import dev.pipewright.model.Edge;
import dev.pipewright.model.Environment;
import dev.pipewright.model.Group;
import dev.pipewright.model.Node;
import dev.pipewright.model.NodeKind;
import dev.pipewright.model.Pipeline;
import dev.pipewright.model.PropertyType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The inspector's form logic, without the FX toolkit. */
class InspectorViewModelTest {
  private EditorDocument doc;
  private EditorState state;
  private InspectorViewModel vm;

  @BeforeEach
  void setUp() {
    Pipeline p = Pipeline.empty("shop")
        .withNode(new Node("shop-db", NodeKind.POSTGRES, null, Map.of("database", "shop", "user", "postgres")))
        .withNode(Node.of("shop-cdc", NodeKind.DEBEZIUM))
        .withNode(Node.of("erp-db", NodeKind.MYSQL))
        .withNode(Node.of("erp-cdc", NodeKind.DEBEZIUM))
        .withEdge(new Edge("shop-db", "shop-cdc"))
        .withEdge(new Edge("erp-db", "erp-cdc"));
    doc = new EditorDocument(p);
    state = new EditorState();
    vm = new InspectorViewModel(doc, state);
  }

  private void select(String name) {
    state.selectOnly(List.of(name));
  }

  @Test
  void nonNumericPortIsRefusedWithAReasonAndNotStored() {
    select("shop-db");
    FieldViewModel port = vm.field("port");

    boolean accepted = port.commit("54x2");

    assertThat(accepted).isFalse();
    assertThat(port.errorProperty().get()).contains("whole number").contains("54x2");
    assertThat(doc.pipeline().node("shop-db").orElseThrow().isSet("port")).isFalse();
    assertThat(doc.canUndoProperty().get()).isFalse();
  }

  @Test
  void literalPasswordIsRefusedSayingWhy() {
    select("shop-db");
    FieldViewModel password = vm.field("password");

    assertThat(password.type()).isEqualTo(PropertyType.SECRET);
    assertThat(password.commit("hunter2")).isFalse();

    assertThat(password.errorProperty().get()).contains("reference").contains("${env:NAME}");
    assertThat(doc.pipeline().node("shop-db").orElseThrow().properties()).doesNotContainKey("password");
  }

  @Test
  void referenceHelperStoresAnEnvironmentReference() {
    select("shop-db");
    FieldViewModel password = vm.field("password");

    assertThat(password.commitReference("env", "SHOP_DB_PASSWORD", null)).isTrue();

    assertThat(doc.pipeline().node("shop-db").orElseThrow().properties())
        .containsEntry("password", "${env:SHOP_DB_PASSWORD}");
    assertThat(password.errorProperty().get()).isEmpty();
  }

  @Test
  void referenceHelperRefusesAnIncompleteFileReference() {
    select("shop-db");

    assertThat(vm.field("password").commitReference("file", "/etc/secrets.properties", "")).isFalse();

    assertThat(vm.field("password").errorProperty().get()).contains("path").contains("key");
  }

  @Test
  void everyCommittedEditIsOneNamedUndoStep() {
    select("shop-cdc");

    vm.field("slot.name").commit("orders_slot");

    assertThat(doc.undoLabelProperty().get()).contains("slot.name").contains("shop-cdc");
    doc.undo();
    assertThat(doc.pipeline().node("shop-cdc").orElseThrow().isSet("slot.name")).isFalse();
    assertThat(doc.canUndoProperty().get()).isFalse();
    assertThat(vm.field("slot.name").value()).isEmpty();
  }

  @Test
  void blankValueClearsThePropertySoTheDefaultApplies() {
    select("shop-db");
    vm.field("port").commit("6543");

    vm.field("port").commit("  ");

    Node db = doc.pipeline().node("shop-db").orElseThrow();
    assertThat(db.isSet("port")).isFalse();
    assertThat(db.property("port")).contains("5432");
    assertThat(vm.field("port").effectiveValue()).isEqualTo("5432");
  }

  @Test
  void captureShowsOnlyTheSettingsOfItsDatabase() {
    select("shop-cdc");
    List<String> postgresKeys = vm.fields().stream().map(FieldViewModel::key).toList();
    select("erp-cdc");
    List<String> mysqlKeys = vm.fields().stream().map(FieldViewModel::key).toList();

    assertThat(postgresKeys).contains("slot.name", "plugin.name").doesNotContain("database.server.id");
    assertThat(mysqlKeys).contains("database.server.id").doesNotContain("slot.name");
  }

  @Test
  void fieldsAreGroupedLikeDebeziumConnectorSettings() {
    select("shop-cdc");

    assertThat(vm.fields(Group.CONNECTION)).extracting(FieldViewModel::key).contains("topic.prefix");
    assertThat(vm.fields(Group.FILTERS)).extracting(FieldViewModel::key).contains("table.include.list");
    assertThat(vm.fields(Group.SNAPSHOT)).extracting(FieldViewModel::key).contains("snapshot.mode");
    assertThat(vm.fields(Group.ADVANCED)).extracting(FieldViewModel::key).contains("heartbeat.interval.ms");
    assertThat(vm.field("topic.prefix").required()).isTrue();
    assertThat(vm.field("snapshot.mode").defaultValue()).isEqualTo("initial");
    assertThat(vm.field("snapshot.mode").choices()).contains("initial", "never");
  }

  @Test
  void enumOutsideItsChoicesIsRefused() {
    select("shop-cdc");

    assertThat(vm.field("snapshot.mode").commit("sometimes")).isFalse();
    assertThat(vm.field("snapshot.mode").errorProperty().get()).contains("initial");
  }

  @Test
  void renameIsOneUndoStepAndKeepsTheNodeSelected() {
    select("shop-db");

    assertThat(vm.rename("orders-db")).isTrue();

    assertThat(doc.pipeline().hasEdge("orders-db", "shop-cdc")).isTrue();
    assertThat(state.selection()).containsExactly("orders-db");
    assertThat(vm.headingProperty().get()).isEqualTo("orders-db");
    doc.undo();
    assertThat(doc.pipeline().hasNode("shop-db")).isTrue();
  }

  @Test
  void renameToAnotherNodesNameIsRefused() {
    select("shop-db");

    assertThat(vm.rename("shop-cdc")).isFalse();

    assertThat(vm.nameErrorProperty().get()).contains("already");
    assertThat(doc.pipeline().hasNode("shop-db")).isTrue();
  }

  @Test
  void withNothingSelectedThePipelineSettingsAreEdited() {
    state.selectOnly(List.of());
    assertThat(vm.modeProperty().get()).isEqualTo(Mode.PIPELINE);

    vm.setPipelineName("orders");
    vm.setEnvironment(Environment.PRODUCTION);
    vm.setConverter(Converter.AVRO);
    vm.setPipelineDescription("Orders to search");

    Pipeline p = doc.pipeline();
    assertThat(p.name()).isEqualTo("orders");
    assertThat(p.environment()).isEqualTo(Environment.PRODUCTION);
    assertThat(p.converter()).isEqualTo(Converter.AVRO);
    assertThat(p.description()).isEqualTo("Orders to search");
    assertThat(doc.undoLabelProperty().get()).isEqualTo("Undo Edit pipeline description");
    doc.undo();
    assertThat(doc.undoLabelProperty().get()).isEqualTo("Undo Set converter to avro");
  }

  @Test
  void blankPipelineNameIsRefused() {
    assertThat(vm.setPipelineName(" ")).isFalse();
    assertThat(vm.nameErrorProperty().get()).isNotEmpty();
    assertThat(doc.pipeline().name()).isEqualTo("shop");
  }

  @Test
  void selectingSeveralNodesShowsNoForm() {
    state.selectOnly(List.of("shop-db", "shop-cdc"));

    assertThat(vm.modeProperty().get()).isEqualTo(Mode.MULTIPLE);
    assertThat(vm.headingProperty().get()).isEqualTo("2 nodes selected");
    assertThat(vm.fields()).isEmpty();
  }

  @Test
  void undoRefreshesTheShownValueWithoutRebuildingTheForm() {
    select("shop-db");
    FieldViewModel port = vm.field("port");
    long form = vm.formRevisionProperty().get();
    port.commit("6543");
    assertThat(port.value()).isEqualTo("6543");

    doc.undo();

    assertThat(port.value()).isEmpty();
    assertThat(vm.formRevisionProperty().get()).isEqualTo(form);
  }
}
