package dev.cuprum.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The metadata IDEs read: every property documented, the hand-written entries in step with the code. */
class ConfigurationMetadataTests {

  private static final String GENERATED = "META-INF/spring-configuration-metadata.json";
  private static final String ADDITIONAL = "META-INF/additional-spring-configuration-metadata.json";
  private static final String PROJECT_ENTRY = "cuprum.catalogue.projects.<name>.";

  private final JsonMapper mapper = JsonMapper.builder().build();

  @Test
  void everyCuprumPropertyHasADescription() throws IOException {
    List<JsonNode> properties = cuprumProperties();

    assertThat(properties).extracting(property -> property.get("name").asString())
        .contains("cuprum.enabled", "cuprum.catalogue.include-defaults", "cuprum.catalogue.projects",
            "cuprum.enforce-allowlist", "cuprum.defaults.timeout", "cuprum.defaults.cancel-grace",
            "cuprum.defaults.charset", "cuprum.defaults.drain-timeout", "cuprum.defaults.max-capture-bytes",
            "cuprum.concurrency.max-concurrency", "cuprum.concurrency.fail-fast", "cuprum.task-execution.core-size",
            "cuprum.task-execution.executor-bean", "cuprum.observations.record-output",
            "cuprum.observations.max-output-events", "cuprum.logging.enabled", "cuprum.health.required-programs");
    assertThat(properties).allSatisfy(property -> assertThat(property.path("description").asString())
        .as("description of %s", property.get("name").asString()).isNotBlank().endsWith("."));
  }

  @Test
  void theProjectEntriesDocumentEveryProjectPropertyAndNothingElse() throws IOException {
    Set<String> documented = cuprumProperties().stream().map(property -> property.get("name").asString())
        .filter(name -> name.startsWith(PROJECT_ENTRY)).map(name -> name.substring(PROJECT_ENTRY.length()))
        .collect(Collectors.toSet());
    Set<String> bound = Stream.of(CuprumProperties.Project.class.getDeclaredMethods())
        .filter(method -> method.getName().startsWith("get"))
        .map(method -> dashed(method.getName().substring("get".length())))
        .collect(Collectors.toSet());

    assertThat(bound).containsExactlyInAnyOrder("programs", "documentation-locations", "noise-rules");
    assertThat(documented).isEqualTo(bound);
  }

  @Test
  void everyHintNamesAKnownProperty() throws IOException {
    Set<String> names = cuprumProperties().stream().map(property -> property.get("name").asString())
        .collect(Collectors.toSet());
    List<String> hinted = new ArrayList<>();
    read(ADDITIONAL).path("hints").forEach(hint -> hinted.add(hint.get("name").asString()));

    assertThat(hinted).isNotEmpty().allSatisfy(
        hint -> assertThat(names).as("property of hint %s", hint).contains(hint.replaceFirst("\\.(keys|values)$", "")));
  }

  private static String dashed(String property) {
    return property.replaceAll("(?<=.)([A-Z])", "-$1").toLowerCase(Locale.ROOT);
  }

  /**
   * The cuprum properties of both files. An additional entry that only adds a default to a
   * generated property (a list's, which the processor cannot read from the code) is merged into
   * it, as the processor does.
   */
  private List<JsonNode> cuprumProperties() throws IOException {
    List<JsonNode> properties = new ArrayList<>();
    List<String> generated = new ArrayList<>();
    for (String file : List.of(GENERATED, ADDITIONAL)) {
      read(file).path("properties").forEach(property -> {
        String name = property.get("name").asString();
        if (name.startsWith("cuprum.") && !(file.equals(ADDITIONAL) && generated.contains(name))) {
          properties.add(property);
          generated.add(name);
        }
      });
    }
    return properties;
  }

  private JsonNode read(String file) throws IOException {
    try (InputStream in = new ClassPathResource(file).getInputStream()) {
      return mapper.readTree(in);
    }
  }
}
