package dev.cuprum.spring.autoconfigure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.cuprum.testing.ApiDump;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The module's public API, compared with {@code api/cuprum-spring-boot-autoconfigure.api}, and
 * its use of the core through exported packages only.
 */
class PublicApiTests {

  @Test
  void thePublicApiIsTheRecordedOne() {
    ApiDump.assertMatches(Path.of("target/classes"),
        List.of("dev.cuprum.spring.autoconfigure", "dev.cuprum.spring.autoconfigure.actuate"), List.of(),
        Path.of("api/cuprum-spring-boot-autoconfigure.api"));
  }

  @Test
  void nothingHereUsesTheCoresInternalPackages() {
    noClasses().should().dependOnClassesThat().resideInAPackage("dev.cuprum.internal..")
        .check(new ClassFileImporter().importPackages("dev.cuprum.spring"));
  }
}
