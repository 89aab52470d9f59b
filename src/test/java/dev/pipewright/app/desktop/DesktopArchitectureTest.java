package dev.pipewright.app.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The desktop shell's MVVM rule, checked rather than hoped for (see docs/decisions/0050). */
@AnalyzeClasses(packages = "dev.pipewright.app.desktop", importOptions = ImportOption.DoNotIncludeTests.class)
class DesktopArchitectureTest {

  @ArchTest
  static final ArchRule viewModelsKnowNoSceneGraph = noClasses().that().haveSimpleNameEndingWith("ViewModel")
      .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
      .because("view models are tested without the FX toolkit; expose read-only properties and let the "
          + "*View class build controls from them");
}
