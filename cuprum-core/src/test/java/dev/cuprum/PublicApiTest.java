package dev.cuprum;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuprum.testing.ApiDump;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The module's exports and the public API they make, compared with {@code api/cuprum-core.api}. */
class PublicApiTest {

  private static final Path CLASSES = Path.of("target/classes");

  @Test
  void theModuleExportsTheApiPackagesAndNothingInternal() throws IOException {
    assertThat(exports()).containsExactly("dev.cuprum", "dev.cuprum.builders", "dev.cuprum.concurrent",
        "dev.cuprum.context", "dev.cuprum.events", "dev.cuprum.logging", "dev.cuprum.micrometer");
  }

  @Test
  void thePublicApiIsTheRecordedOne() throws IOException {
    Set<String> exports = exports();
    List<String> header = List.of("module dev.cuprum exports " + String.join(", ", exports));
    ApiDump.assertMatches(CLASSES, exports, header, Path.of("api/cuprum-core.api"));
  }

  @Test
  void noPublicSignatureNamesAnInternalType() throws IOException {
    assertThat(ApiDump.dump(CLASSES, exports())).noneMatch(line -> line.contains("dev.cuprum.internal"));
  }

  private static Set<String> exports() throws IOException {
    try (InputStream descriptor = Files.newInputStream(CLASSES.resolve("module-info.class"))) {
      return ModuleDescriptor.read(descriptor).exports().stream()
          .filter(export -> !export.isQualified())
          .map(ModuleDescriptor.Exports::source)
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }
}
