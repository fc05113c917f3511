package dev.cuprum;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.cuprum.internal.DefaultCommandExecutor;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * The package structure of the core. The API packages form one layer: their types name each other
 * as the public contract fixes (the executor takes hooks, hooks receive commands). The internal
 * packages sit below it in layers without cycles; the API reaches them only through the JDK-only
 * helpers of {@code internal.util} and through the executor's factory method, the one place the
 * contract creates the implementation.
 */
class ArchitectureTest {

  private static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.cuprum");

  @Test
  void noCycleGoesThroughAnInternalPackage() {
    slices().assignedFrom(new ApiAsOneLayer()).should().beFreeOfCycles()
        .ignoreDependency(CommandExecutor.class, DefaultCommandExecutor.class)
        .check(CORE);
  }

  @Test
  void theApiUsesNoInternalCodeButTheHelpersAndTheFactory() {
    noClasses().that().resideOutsideOfPackage("dev.cuprum.internal..")
        .should().dependOnClassesThat(resideInAPackage("dev.cuprum.internal..")
            .and(resideOutsideOfPackage("dev.cuprum.internal.util.."))
            .and(belongToAnyOf(DefaultCommandExecutor.class).negate()))
        .check(CORE);
    noClasses().that().resideOutsideOfPackage("dev.cuprum.internal..").and().doNotBelongToAnyOf(CommandExecutor.class)
        .should().dependOnClassesThat().belongToAnyOf(DefaultCommandExecutor.class)
        .check(CORE);
  }

  @Test
  void theHelpersDependOnTheJdkOnly() {
    classes().that().resideInAPackage("dev.cuprum.internal.util..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.jspecify..", "dev.cuprum.internal.util..")
        .check(CORE);
  }

  @Test
  void everyPackageIsNullMarked() {
    for (String pkg : CORE.stream().map(JavaClass::getPackageName).distinct().toList()) {
      assertThat(CORE.getPackage(pkg).isAnnotatedWith(NullMarked.class)).as("@NullMarked on " + pkg).isTrue();
    }
  }

  /** Every API package in one slice, every internal package in a slice of its own. */
  private static final class ApiAsOneLayer implements SliceAssignment {

    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      String pkg = javaClass.getPackageName();
      if (!pkg.startsWith("dev.cuprum")) {
        return SliceIdentifier.ignore();
      }
      return SliceIdentifier.of(pkg.startsWith("dev.cuprum.internal") ? pkg : "the API");
    }

    @Override
    public String getDescription() {
      return "the API packages as one layer, each internal package on its own";
    }
  }
}
