package dev.cuprum.sample;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The sample uses Cuprum through its exported packages only, as any application must. */
class ArchitectureTests {

  @Test
  void nothingHereUsesTheCoresInternalPackages() {
    noClasses().should().dependOnClassesThat().resideInAPackage("dev.cuprum.internal..")
        .check(new ClassFileImporter().importPackages("dev.cuprum.sample"));
  }
}
