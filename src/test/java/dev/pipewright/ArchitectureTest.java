package dev.pipewright;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of docs/architecture.md: {@code app -> {canvas, exporters, runtime, monitor} ->
 * model}. One pom cannot enforce it, so these rules do; each says how to fix a violation.
 */
@AnalyzeClasses(packages = "dev.pipewright", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule modelIsPlainJava = noClasses().that().resideInAPackage("dev.pipewright.model..")
      .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.apache.kafka..", "io.debezium..",
          "java.sql..", "java.net.http..")
      .because("the model is read by the CLI, the exporters and the canvas alike; put UI code in canvas/app, "
          + "Kafka and JDBC code in runtime-embedded or monitor, and pass plain values into the model");

  @ArchTest
  static final ArchRule modelKnowsNoPart = noClasses().that().resideInAPackage("dev.pipewright.model..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.pipewright.canvas..", "dev.pipewright.exporters..",
          "dev.pipewright.runtime..", "dev.pipewright.monitor..", "dev.pipewright.app..")
      .because("every part depends on the model, never the reverse; move the shared piece into model instead");

  @ArchTest
  static final ArchRule exportersArePlainJava = noClasses().that().resideInAPackage("dev.pipewright.exporters..")
      .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.apache.kafka..", "io.debezium..")
      .because("exports must run headless in CI and never start Kafka; generate text from the model only "
          + "(a Connect worker belongs in tests, not in exporters)");

  @ArchTest
  static final ArchRule canvasKnowsNoKafka = noClasses().that().resideInAPackage("dev.pipewright.canvas..")
      .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "io.debezium..",
          "dev.pipewright.runtime..", "dev.pipewright.monitor..", "dev.pipewright.exporters..")
      .because("the canvas edits the model and draws what it is given; the app wires live figures in "
          + "through plain model values or canvas interfaces");

  @ArchTest
  static final ArchRule servicesHaveNoUi = noClasses().that()
      .resideInAnyPackage("dev.pipewright.runtime..", "dev.pipewright.monitor..", "dev.pipewright.exporters..")
      .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.pipewright.canvas..")
      .because("runtime, monitor and exporters run headless from the CLI; return immutable snapshots and let "
          + "the app's view models turn them into UI");

  @ArchTest
  static final ArchRule runtimeAndMonitorAreIndependent = noClasses().that().resideInAPackage("dev.pipewright.runtime..")
      .should().dependOnClassesThat().resideInAPackage("dev.pipewright.monitor..")
      .because("the monitor watches any cluster, the trial is only one of them; let the app connect the two");

  @ArchTest
  static final ArchRule monitorDoesNotStartTrials = noClasses().that().resideInAPackage("dev.pipewright.monitor..")
      .should().dependOnClassesThat().resideInAPackage("dev.pipewright.runtime..")
      .because("the monitor must work against production clusters too; take addresses, not the trial's objects");

  @ArchTest
  static final ArchRule nothingImportsApp = noClasses().that().resideOutsideOfPackage("dev.pipewright.app..")
      .should().dependOnClassesThat().resideInAPackage("dev.pipewright.app..")
      .because("app is the shell that wires the parts together; move what others need down into their part");
}
