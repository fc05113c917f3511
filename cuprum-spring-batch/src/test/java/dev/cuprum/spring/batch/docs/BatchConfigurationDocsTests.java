package dev.cuprum.spring.batch.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps the Spring Batch rows of {@code docs/configuration.md} in step with this module's metadata. */
class BatchConfigurationDocsTests {

  private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");
  private static final Path DOCUMENT = Path.of("").toAbsolutePath().getParent().resolve("docs/configuration.md");
  private static final Pattern PROPERTY = Pattern.compile(
      "\\{\\s*\"name\"\\s*:\\s*\"(cuprum\\.batch\\.[\\w.-]+)\"\\s*,\\s*\"type\"\\s*:\\s*\"java\\.lang\\.(\\w+)\"[^}]*?"
          + "\"defaultValue\"\\s*:\\s*([^,}\\s]+)");

  @Test
  void everyBatchPropertyIsDocumentedWithItsTypeAndDefault() throws IOException {
    String metadata = Files.readString(METADATA, StandardCharsets.UTF_8);
    String document = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
    Matcher property = PROPERTY.matcher(metadata);
    int found = 0;
    while (property.find()) {
      found++;
      String row = "| `" + property.group(1) + "` | `" + property.group(2) + "` | `" + property.group(3) + "` |";
      assertThat(document).as("the row of %s", property.group(1)).contains(row);
    }
    assertThat(found).as("cuprum.batch properties in the metadata").isEqualTo(
        (int) document.lines().filter(line -> line.startsWith("| `cuprum.batch.")).count());
  }
}
