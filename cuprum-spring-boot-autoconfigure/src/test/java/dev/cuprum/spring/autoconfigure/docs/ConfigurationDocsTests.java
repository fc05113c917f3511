package dev.cuprum.spring.autoconfigure.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuprum.spring.autoconfigure.CuprumProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanWrapperImpl;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@code docs/configuration.md} in step with the configuration metadata the build generates
 * (the configuration processor's output, merged with the additional metadata): every property
 * documented, nothing documented that does not exist, and the same type and default.
 */
class ConfigurationDocsTests {

  private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");
  private static final Path DOCUMENT = Path.of("").toAbsolutePath().getParent().resolve("docs/configuration.md");
  private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z][\\w.<>\\[\\]-]*)`\\s*\\|(.*)\\|\\s*$");
  private static final Pattern CODE = Pattern.compile("^`([^`]*)`");
  private static final String PROJECT = "cuprum.catalogue.projects.<name>.";

  @Test
  void everyPropertyIsDocumentedAndNothingElse() throws IOException {
    Map<String, JsonNode> metadata = metadata();
    Map<String, Row> documented = documented();

    TreeSet<String> missing = new TreeSet<>(metadata.keySet());
    missing.removeAll(documented.keySet());
    TreeSet<String> unknown = new TreeSet<>(documented.keySet());
    // cuprum.batch.* belongs to cuprum-spring-batch, whose own test checks it.
    unknown.removeIf(name -> !name.startsWith("cuprum.") || name.startsWith("cuprum.batch.") || metadata.containsKey(name));

    assertThat(missing).as("properties of the metadata missing from %s", DOCUMENT).isEmpty();
    assertThat(unknown).as("cuprum properties documented but absent from the metadata").isEmpty();
  }

  @Test
  void typesAndDefaultsAreTheCodes() throws IOException {
    Map<String, Row> documented = documented();
    List<String> problems = new ArrayList<>();
    metadata().forEach((name, property) -> {
      Row row = documented.get(name);
      if (row == null) {
        return;
      }
      String type = simpleType(property.path("type").asString());
      if (!type.equals(row.type())) {
        problems.add(name + ": type is " + type + ", documented as " + row.type());
      }
      String expected = property.has("defaultValue") ? defaultValue(property.get("defaultValue")) : boundDefault(name);
      if (!expected.equals(row.defaultValue())) {
        problems.add(name + ": default is " + expected + ", documented as " + row.defaultValue());
      }
      if (row.meaning().isBlank()) {
        problems.add(name + ": no meaning documented");
      }
    });
    assertThat(problems).isEmpty();
  }

  /** A default as the document writes it: a list's elements joined by commas. */
  private static String defaultValue(JsonNode value) {
    if (!value.isArray()) {
      return value.asString();
    }
    List<String> elements = new ArrayList<>();
    value.forEach(element -> elements.add(element.asString()));
    return String.join(", ", elements);
  }

  /** {@code java.util.List<java.lang.String>} as {@code List<String>}, nested classes by their own name. */
  static String simpleType(String type) {
    return type.replaceAll("(?:[a-z_]\\w*\\.)+", "").replaceAll("\\w+\\$", "");
  }

  /**
   * The default of a property the metadata gives none for, read from freshly made properties:
   * {@code unset} for null, {@code empty} for an empty collection or map, else the value.
   */
  private static String boundDefault(String name) {
    Object value;
    if (name.startsWith(PROJECT)) {
      value = new BeanWrapperImpl(new CuprumProperties.Project()).getPropertyValue(camel(name.substring(PROJECT.length())));
    } else if (name.startsWith("cuprum.")) {
      value = new BeanWrapperImpl(new CuprumProperties()).getPropertyValue(camel(name.substring("cuprum.".length())));
    } else {
      return "unknown";
    }
    if (value == null) {
      return "unset";
    }
    if (value instanceof Collection<?> collection && collection.isEmpty() || value instanceof Map<?, ?> map && map.isEmpty()) {
      return "empty";
    }
    return String.valueOf(value);
  }

  private static String camel(String dashed) {
    Matcher dash = Pattern.compile("-([a-z])").matcher(dashed);
    StringBuilder camel = new StringBuilder();
    while (dash.find()) {
      dash.appendReplacement(camel, dash.group(1).toUpperCase(Locale.ROOT));
    }
    return dash.appendTail(camel).toString();
  }

  private static Map<String, JsonNode> metadata() throws IOException {
    assertThat(METADATA).as("the generated metadata (compile the module first)").exists();
    JsonNode root = JsonMapper.builder().build().readTree(Files.readString(METADATA, StandardCharsets.UTF_8));
    Map<String, JsonNode> properties = new LinkedHashMap<>();
    root.path("properties").forEach(property -> properties.put(property.get("name").asString(), property));
    assertThat(properties).as("properties in %s", METADATA).isNotEmpty();
    return properties;
  }

  /** The rows of the document's property tables: name, type, default and meaning. */
  private static Map<String, Row> documented() throws IOException {
    Map<String, Row> rows = new LinkedHashMap<>();
    for (String line : Files.readAllLines(DOCUMENT, StandardCharsets.UTF_8)) {
      Matcher row = ROW.matcher(line);
      if (!row.matches()) {
        continue;
      }
      String[] cells = row.group(2).split("\\|", -1);
      assertThat(cells).as("cells of %s", line).hasSizeGreaterThanOrEqualTo(3);
      Row previous = rows.put(row.group(1), new Row(codeOrWord(cells[0]), codeOrWord(cells[1]),
          String.join("|", List.of(cells).subList(2, cells.length)).strip()));
      assertThat(previous).as("second row for %s", row.group(1)).isNull();
    }
    return rows;
  }

  /** The first code span of a cell, or its first word when it has none ({@code unset}, {@code empty}). */
  private static String codeOrWord(String cell) {
    String text = cell.strip();
    Matcher code = CODE.matcher(text);
    if (code.find()) {
      return code.group(1);
    }
    int space = text.indexOf(' ');
    return space < 0 ? text : text.substring(0, space);
  }

  private record Row(String type, String defaultValue, String meaning) {}
}
