package dev.cuprum.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the documentation's code true: every fenced block marked {@code <!-- snippet: name -->}
 * must equal the region between {@code tag::name[]} and {@code end::name[]} in the sources (after
 * removing common indentation), and that region lives in code that compiles and runs as a test.
 * A Java block starts with the imports of the region's file that its code uses, then a blank line,
 * so that a reader sees where every type comes from.
 */
class DocsSnippetsTest {

  /** The repository: this module's parent directory. */
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  /** Where the guide's snippets live; a tag here that no document uses is dead code. */
  private static final List<Path> SNIPPET_SOURCES = List.of(
      ROOT.resolve("cuprum-core/src/test/java/dev/cuprum/docs"),
      ROOT.resolve("cuprum-spring-boot-autoconfigure/src/test/java/dev/cuprum/spring/autoconfigure/docs"),
      ROOT.resolve("cuprum-spring-boot-autoconfigure/src/test/resources/docs"),
      ROOT.resolve("cuprum-spring-batch/src/test/java/dev/cuprum/spring/batch/docs"));

  /** Languages whose blocks must all be snippets: code a reader copies. */
  private static final Set<String> CHECKED_LANGUAGES = Set.of("java", "yaml");

  private static final Pattern MARKER = Pattern.compile("^<!-- snippet: ([\\w.-]+) -->$");
  private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
  private static final Pattern TAG = Pattern.compile("^\\s*(?://|#|<!--)\\s*(tag|end)::([\\w.-]+)\\[\\].*$");
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?[\\w.]+\\.(\\w+);$");
  private static final Pattern LITERAL_OR_COMMENT = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|//.*$");

  @Test
  void everyMarkedBlockMatchesItsTaggedSource() throws IOException {
    Map<String, List<Region>> regions = taggedRegions(modulesSources());
    List<String> problems = new ArrayList<>();
    for (Block block : blocks()) {
      List<Region> found = regions.getOrDefault(block.name(), List.of());
      if (found.isEmpty()) {
        problems.add(block.where() + ": no source region is tagged '" + block.name() + "'");
      } else if (found.size() > 1) {
        problems.add(block.where() + ": '" + block.name() + "' is tagged in " + found.stream().map(Region::file)
            .toList());
      } else {
        String difference = difference(shown(found.get(0)), block.lines());
        if (difference != null) {
          problems.add(block.where() + ": '" + block.name() + "' differs from " + ROOT.relativize(found.get(0).file())
              + ": " + difference);
        }
      }
    }
    assertThat(problems).as("documentation snippets out of step with their sources").isEmpty();
  }

  @Test
  void everyCodeBlockReadersCopyIsASnippet() throws IOException {
    List<String> unchecked = new ArrayList<>();
    for (Path document : documents()) {
      List<String> lines = Files.readAllLines(document, StandardCharsets.UTF_8);
      boolean inBlock = false;
      for (int i = 0; i < lines.size(); i++) {
        Matcher fence = FENCE.matcher(lines.get(i));
        if (!fence.matches()) {
          continue;
        }
        if (!inBlock && CHECKED_LANGUAGES.contains(fence.group(1))
            && (i == 0 || !MARKER.matcher(lines.get(i - 1)).matches())) {
          unchecked.add(ROOT.relativize(document) + ":" + (i + 1) + " (" + fence.group(1) + ")");
        }
        inBlock = !inBlock;
      }
    }
    assertThat(unchecked).as("java and yaml blocks without a <!-- snippet: name --> marker").isEmpty();
  }

  @Test
  void everyGuideSnippetSourceIsUsed() throws IOException {
    Set<String> used = new TreeSet<>();
    blocks().forEach(block -> used.add(block.name()));
    Set<String> unused = new TreeSet<>(taggedRegions(SNIPPET_SOURCES.stream().filter(Files::isDirectory).toList())
        .keySet());
    unused.removeAll(used);
    assertThat(unused).as("tagged regions no document shows").isEmpty();
  }

  /** What a block shows of a region: its code, after the imports that code uses when it is Java. */
  private static List<String> shown(Region region) {
    List<String> code = dedent(region.lines());
    if (!region.file().toString().endsWith(".java") || code.stream().anyMatch(line -> line.startsWith("import "))) {
      return code;
    }
    String usage = String.join("\n", code.stream()
        .map(line -> LITERAL_OR_COMMENT.matcher(line).replaceAll("")).toList());
    List<String> shown = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(region.file(), StandardCharsets.UTF_8)) {
        Matcher imported = IMPORT.matcher(line);
        if (imported.matches() && Pattern.compile("\\b" + imported.group(1) + "\\b").matcher(usage).find()) {
          shown.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!shown.isEmpty()) {
      shown.add("");
    }
    shown.addAll(code);
    return shown;
  }

  /** The first difference between what a region shows and the block, or null when they are equal. */
  private static String difference(List<String> expected, List<String> block) {
    List<String> actual = dedent(block);
    for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
      String want = i < expected.size() ? expected.get(i) : "<end of region>";
      String got = i < actual.size() ? actual.get(i) : "<end of block>";
      if (!want.equals(got)) {
        return "line " + (i + 1) + " of the block should be\n    " + want + "\n  but is\n    " + got;
      }
    }
    return null;
  }

  /** The lines without their common indentation, and without blank lines at either end. */
  static List<String> dedent(List<String> lines) {
    int from = 0;
    int to = lines.size();
    while (from < to && lines.get(from).isBlank()) {
      from++;
    }
    while (to > from && lines.get(to - 1).isBlank()) {
      to--;
    }
    List<String> kept = lines.subList(from, to);
    int indent = kept.stream().filter(line -> !line.isBlank())
        .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
    return kept.stream().map(line -> line.isBlank() ? "" : line.substring(indent).stripTrailing()).toList();
  }

  private static List<Block> blocks() throws IOException {
    List<Block> blocks = new ArrayList<>();
    for (Path document : documents()) {
      List<String> lines = Files.readAllLines(document, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        Matcher marker = MARKER.matcher(lines.get(i));
        if (!marker.matches()) {
          continue;
        }
        String where = ROOT.relativize(document) + ":" + (i + 1);
        if (i + 1 >= lines.size() || !FENCE.matcher(lines.get(i + 1)).matches()) {
          fail(where + ": the snippet marker must be followed directly by a fenced code block");
        }
        int end = i + 2;
        while (end < lines.size() && !lines.get(end).startsWith("```")) {
          end++;
        }
        if (end >= lines.size()) {
          fail(where + ": the code block is not closed");
        }
        blocks.add(new Block(marker.group(1), where, lines.subList(i + 2, end)));
        i = end;
      }
    }
    return blocks;
  }

  /** The README and every Markdown file of {@code docs/}. */
  private static List<Path> documents() throws IOException {
    List<Path> documents = new ArrayList<>();
    documents.add(ROOT.resolve("README.md"));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
    }
    return documents;
  }

  /** Every module's {@code src} directory: snippets may show main code too, such as the sample's. */
  private static List<Path> modulesSources() throws IOException {
    try (Stream<Path> modules = Files.list(ROOT)) {
      return modules.map(module -> module.resolve("src")).filter(Files::isDirectory).sorted().toList();
    }
  }

  private static Map<String, List<Region>> taggedRegions(List<Path> roots) throws IOException {
    Map<String, List<Region>> regions = new LinkedHashMap<>();
    for (Path root : roots) {
      try (Stream<Path> files = Files.walk(root)) {
        files.filter(Files::isRegularFile).filter(DocsSnippetsTest::isText).sorted()
            .forEach(file -> regionsOf(file).forEach(region ->
                regions.computeIfAbsent(region.name(), name -> new ArrayList<>()).add(region)));
      }
    }
    return regions;
  }

  private static boolean isText(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".java") || name.endsWith(".yml") || name.endsWith(".yaml")
        || name.endsWith(".properties") || name.endsWith(".xml");
  }

  /** The tagged regions of one file; marker lines of nested tags are left out of a region. */
  private static List<Region> regionsOf(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Region> regions = new ArrayList<>();
    Map<String, List<String>> open = new LinkedHashMap<>();
    for (String line : lines) {
      Matcher tag = TAG.matcher(line);
      if (tag.matches()) {
        String name = tag.group(2);
        if (tag.group(1).equals("tag")) {
          open.put(name, new ArrayList<>());
        } else {
          List<String> region = open.remove(name);
          if (region == null) {
            fail(file + ": end::" + name + "[] without tag::" + name + "[]");
          }
          regions.add(new Region(name, file, region));
        }
        continue;
      }
      open.values().forEach(region -> region.add(line));
    }
    if (!open.isEmpty()) {
      fail(file + ": tags never ended: " + open.keySet());
    }
    return regions;
  }

  private record Block(String name, String where, List<String> lines) {}

  private record Region(String name, Path file, List<String> lines) {}
}
