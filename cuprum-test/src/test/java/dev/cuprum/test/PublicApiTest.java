package dev.cuprum.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuprum.testing.ApiDump;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The public API of the test support, compared with {@code api/cuprum-test.api}. */
class PublicApiTest {

  private static final Path CLASSES = Path.of("target/classes");
  private static final Set<String> PACKAGES = Set.of("dev.cuprum.test");

  @Test
  void thePublicApiIsTheRecordedOne() throws IOException {
    ApiDump.assertMatches(CLASSES, PACKAGES, List.of("artifact cuprum-test, package dev.cuprum.test"),
        Path.of("api/cuprum-test.api"));
  }

  @Test
  void noPublicSignatureNamesAnInternalType() throws IOException {
    assertThat(ApiDump.dump(CLASSES, PACKAGES)).noneMatch(line -> line.contains("dev.cuprum.internal"));
  }
}
