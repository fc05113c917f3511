package dev.cuprum.spring.autoconfigure.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuprum.CommandExecutor;
import dev.cuprum.ForbiddenProgramException;
import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.Programs;
import dev.cuprum.ProjectSettings;
import dev.cuprum.RunOptions;
import dev.cuprum.Sh;
import dev.cuprum.StdinInput;
import dev.cuprum.TimeoutExpiredException;
import dev.cuprum.concurrent.ConcurrentConfig;
import dev.cuprum.spring.autoconfigure.integration.TestApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The guide's configuration in a running web application: every Prometheus name that
 * {@code docs/observability.md} writes is in the scrape, and the actuator answers as the guide says.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "spring.config.location=classpath:/" + DocsApplication.CONFIGURATION,
    "cuprum.catalogue.projects.test-tools.programs=sh,sleep,cat,tr", "cuprum.metrics.duration-timer=true" })
class ObservabilityDocsTests {

  private static final Path DOCS = Path.of("").toAbsolutePath().getParent().resolve("docs");
  private static final Pattern PROMETHEUS_NAME = Pattern.compile("\\bcuprum_[a-z0-9_]+");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @LocalServerPort
  int port;

  @Autowired
  CommandExecutor executor;

  @Autowired
  ProgramCatalogue catalogue;

  @Test
  void everyPrometheusNameOfTheDocumentIsScraped() throws Exception {
    runEveryKindOfCommand();
    String scrape = get("/actuator/prometheus");

    Set<String> documented = new TreeSet<>();
    Matcher name = PROMETHEUS_NAME.matcher(Files.readString(DOCS.resolve("observability.md"), StandardCharsets.UTF_8));
    while (name.find()) {
      documented.add(name.group());
    }
    assertThat(documented).contains("cuprum_exec_seconds_bucket", "cuprum_executions_total", "cuprum_program");
    Set<String> scraped = new TreeSet<>();
    Matcher found = PROMETHEUS_NAME.matcher(scrape);
    while (found.find()) {
      scraped.add(found.group());
    }
    assertThat(scraped).as("names in the scrape").containsAll(documented);
  }

  @Test
  void everyMetricTheGrafanaDashboardQueriesIsScraped() throws Exception {
    runEveryKindOfCommand();
    Set<String> scraped = names(get("/actuator/prometheus"));

    JsonNode dashboard = JsonMapper.builder().build().readTree(DOCS.resolve("grafana/cuprum-dashboard.json").toFile());
    Set<String> queried = new TreeSet<>();
    for (JsonNode panel : dashboard.path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        queried.addAll(names(target.path("expr").asString()));
      }
    }
    for (JsonNode variable : dashboard.path("templating").path("list")) {
      queried.addAll(names(variable.path("query").asString()));
    }
    assertThat(queried).as("metric names the dashboard queries").contains("cuprum_exec_seconds_bucket",
        "cuprum_refused_total");
    assertThat(scraped).as("names in the scrape").containsAll(queried);
  }

  private static Set<String> names(String text) {
    Set<String> names = new TreeSet<>();
    Matcher name = PROMETHEUS_NAME.matcher(text);
    while (name.find()) {
      names.add(name.group());
    }
    return names;
  }

  @Test
  void theActuatorAnswersAsTheGuideSays() throws Exception {
    String endpoint = get("/actuator/cuprum");
    assertThat(endpoint).contains("\"enforceAllowlist\":true", "\"allowlist\":[", "\"release-tools\"",
        "\"documentationLocations\":[\"docs/release.md\"]", "\"noiseRules\":[\"^remote: \"]", "\"timeout\":\"PT30S\"",
        "\"cancelGrace\":\"PT0.5S\"", "\"charset\":\"UTF-8\"", "\"drainTimeout\":\"PT2S\"",
        "\"maxCaptureBytes\":134217728", "\"running\":[");
    assertThat(endpoint).containsPattern("\"name\":\"git\",\"path\":\"/[^\"]+/git\"");

    assertThat(get("/actuator/health/cuprum")).contains("\"status\":\"UP\"", "\"missingRequired\":[]",
        "\"required\":true", "\"required\":false");
    assertThat(get("/actuator/info")).contains("\"cuprum\":{\"programs\":6,\"projects\":{",
        "\"release-tools\":[\"git\",\"tar\"]");
  }

  private void runEveryKindOfCommand() {
    Program sh = Program.of("sh");
    executor.run(Sh.make(Programs.GIT, catalogue).args("--version"));
    executor.run(Sh.make(sh, catalogue).args("-c", "echo failing >&2; exit 3"));
    executor.run(Sh.make(Program.of("cat"), catalogue).args(),
        RunOptions.builder().stdin(StdinInput.text("hello\n")).build());
    assertThatThrownBy(() -> executor.run(Sh.make(Program.of("sleep"), catalogue).args("30"),
        RunOptions.builder().timeout(Duration.ofMillis(100)).build())).isInstanceOf(TimeoutExpiredException.class);
    executor.run(Sh.make(sh, catalogue).args("-c", "echo piped").pipe(Sh.make(Program.of("tr"), catalogue)
        .args("a-z", "A-Z")));
    executor.runConcurrent(List.of(Sh.make(sh, catalogue).args("-c", "echo a"),
        Sh.make(sh, catalogue).args("-c", "echo b")), ConcurrentConfig.defaults());
    Program outsider = Program.of("od");
    assertThatThrownBy(() -> executor.run(Sh.make(outsider,
        ProgramCatalogue.of(ProjectSettings.builder("elsewhere").programs(outsider).build())).args()))
        .isInstanceOf(ForbiddenProgramException.class);
  }

  private String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("status of %s", path).isEqualTo(200);
    return response.body();
  }
}
