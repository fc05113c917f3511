package dev.cuprum.spring.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuprum.testing.ApiDump;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The public API of the Spring Batch support, compared with {@code api/cuprum-spring-batch.api}. */
class PublicApiTest {

  private static final Path CLASSES = Path.of("target/classes");
  private static final Set<String> PACKAGES = Set.of("dev.cuprum.spring.batch", "dev.cuprum.spring.batch.autoconfigure");

  @Test
  void thePublicApiIsTheRecordedOne() throws IOException {
    ApiDump.assertMatches(CLASSES, PACKAGES,
        List.of("artifact cuprum-spring-batch, packages dev.cuprum.spring.batch and its auto-configuration"),
        Path.of("api/cuprum-spring-batch.api"));
  }

  @Test
  void noPublicSignatureNamesAnInternalType() throws IOException {
    assertThat(ApiDump.dump(CLASSES, PACKAGES)).noneMatch(line -> line.contains("dev.cuprum.internal"));
  }
}
