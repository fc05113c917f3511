package dev.cuprum.sample;

import static dev.cuprum.sample.TestRepositories.realTempDirectory;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.Programs;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import dev.cuprum.context.BeforeHook;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample as its clients see it: every endpoint and every refusal over real HTTP, with the
 * application's own {@code application.yml}. The git roots are a temporary directory laid out
 * with a repository, a plain directory, a file and a symbolic link that leads outside.
 */
@SpringBootTest(classes = { SampleApplication.class, SampleApiTests.HookConfiguration.class },
    webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleApiTests {

  private static final Path ROOT = realTempDirectory("sample-git-root");
  private static final Path OUTSIDE = realTempDirectory("sample-outside");
  static final String ACTUATOR_USER = "actuator";
  static final String ACTUATOR_PASSWORD = "actuator-test-password";

  @DynamicPropertySource
  static void gitRootsAndCredentials(DynamicPropertyRegistry registry) {
    registry.add("sample.git.roots", ROOT::toString);
    registry.add("spring.security.user.password", () -> ACTUATOR_PASSWORD);
  }

  @AfterAll
  static void deleteDirectories() throws IOException {
    for (Path dir : List.of(ROOT, OUTSIDE)) {
      TestRepositories.deleteTree(dir);
    }
  }

  @LocalServerPort
  int port;

  @Autowired
  StartedCommands started;

  ApiClient api;
  ApiClient operator;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
    operator = api.withCredentials(ACTUATOR_USER, ACTUATOR_PASSWORD);
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class HookConfiguration {

    @Bean
    StartedCommands startedCommands() {
      return new StartedCommands();
    }
  }

  /** A root before hook that records, by last argument, the thread each command starts on. */
  static final class StartedCommands implements BeforeHook {

    private final Map<String, String> threadByLastArgument = new ConcurrentHashMap<>();

    @Override
    public void before(SafeCmd cmd) {
      List<String> argv = cmd.argv();
      threadByLastArgument.put(argv.isEmpty() ? "" : argv.get(argv.size() - 1), Thread.currentThread().getName());
    }

    Map<String, String> threadByLastArgument() {
      return threadByLastArgument;
    }
  }

  @Nested
  class Echo {

    @Test
    void echoesTheTextWithoutANewline() {
      ApiClient.Response response = api.postJson("/api/echo", "{\"text\": \"hi\"}");

      assertThat(response.status()).isEqualTo(200);
      JsonNode json = response.json();
      assertThat(json.propertyNames()).containsExactly("exitCode", "stdout", "durationMs");
      assertThat(json.get("exitCode").asInt()).isZero();
      assertThat(json.get("stdout").asString()).isEqualTo("hi");
      assertThat(json.get("durationMs").isNumber()).isTrue();
      assertThat(json.get("durationMs").asLong()).isBetween(0L, 30_000L);
    }

    @Test
    void shellSyntaxIsPrintedLiterallyAndNeverRun() {
      Path marker = ROOT.resolve("pwned");
      String text = "$(touch " + marker + ") `touch " + marker + "`; touch " + marker + " && echo | cat > " + marker
          + " * ~ 'quoted' \"double\"";

      ApiClient.Response response = api.postJson("/api/echo", "{\"text\": " + jsonString(text) + "}");

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.json().get("stdout").asString()).isEqualTo(text);
      assertThat(marker).doesNotExist();
    }

    @Test
    void textsThatLookLikeOtherOptionsArePrintedVerbatim() {
      ApiClient.Response response = api.postJson("/api/echo", "{\"text\": \"--help\"}");

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.json().get("stdout").asString()).isEqualTo("--help");
    }

    static Stream<Arguments> badBodies() {
      return Stream.of(
          Arguments.of("{\"text\": \"\"}", "text must not be empty"),
          Arguments.of("{}", "text is required"),
          Arguments.of("{\"text\": null}", "text is required"),
          Arguments.of("{\"text\": \"" + "x".repeat(1001) + "\"}", "text is longer than 1000 characters"),
          Arguments.of("{\"text\": \"-n\"}", "text '-n' would be read by echo as an option, not printed"),
          Arguments.of("{\"text\": \"-neE\"}", "text '-neE' would be read by echo as an option, not printed"),
          Arguments.of("{\"text\": \"a\\nb\"}",
              "argument 2 of echo contains the control character U+000A;"
                  + " arguments with control characters are refused"),
          Arguments.of("{\"text\": 5}", "text must be a string"),
          Arguments.of("{\"text\": true}", "text must be a string"),
          Arguments.of("{\"text\": [\"hi\"]}", "text must be a string"),
          Arguments.of("{\"text\": {\"value\": \"hi\"}}", "text must be a string"),
          Arguments.of("[\"hi\"]", "the request body must be a JSON object"),
          Arguments.of("\"hi\"", "the request body must be a JSON object"),
          Arguments.of("null", "the request body must be a JSON object"),
          Arguments.of("", "the request body must be a JSON object"),
          Arguments.of("text=hi", "the request body is not well-formed JSON"),
          Arguments.of("{\"text\": \"hi\"", "the request body is not well-formed JSON"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void refusesBadBodiesWithAReason(String body, String reason) {
      ApiClient.Response response = api.postJson("/api/echo", body);

      assertThat(response.status()).as(response.body()).isEqualTo(400);
      assertThat(response.error()).isEqualTo(reason);
    }

    @Test
    void refusesBodiesThatAreNotDeclaredJson() {
      ApiClient.Response plain = api.post("/api/echo", "text/plain", "{\"text\": \"hi\"}");
      ApiClient.Response form = api.post("/api/echo", "application/x-www-form-urlencoded", "text=hi");

      assertThat(plain.status()).isEqualTo(400);
      assertThat(plain.error()).isEqualTo("Content-Type must be application/json, got text/plain");
      assertThat(form.status()).isEqualTo(400);
      assertThat(form.error())
          .isEqualTo("Content-Type must be application/json, got application/x-www-form-urlencoded");
    }
  }

  @Nested
  class Batch {

    @Test
    void echoesEveryTextInOrderOnTheCuprumTaskExecutor() {
      List<String> texts = List.of("batch-a", "batch-b", "batch-c", "batch-d", "batch-e");

      ApiClient.Response response = api.postJson("/api/batch",
          "{\"texts\": " + jsonArray(texts) + ", \"concurrency\": 2}");

      assertThat(response.status()).as(response.body()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("{\"ok\":true,\"results\":["
          + texts.stream().map(t -> "{\"exitCode\":0,\"stdout\":\"" + t + "\"}").collect(Collectors.joining(","))
          + "]}");
      assertThat(texts).allSatisfy(text -> assertThat(started.threadByLastArgument().get(text))
          .as("thread of %s", text).startsWith("cuprum-task-"));
    }

    @Test
    void theConcurrencyMayBeLeftToTheConfiguration() {
      ApiClient.Response response = api.postJson("/api/batch", "{\"texts\": [\"x\", \"y\"]}");

      assertThat(response.status()).as(response.body()).isEqualTo(200);
      assertThat(response.body()).isEqualTo(
          "{\"ok\":true,\"results\":[{\"exitCode\":0,\"stdout\":\"x\"},{\"exitCode\":0,\"stdout\":\"y\"}]}");
    }

    static Stream<Arguments> badBodies() {
      List<String> seventeen = IntStream.range(0, 17).mapToObj(i -> "t" + i).toList();
      return Stream.of(
          Arguments.of("{}", "texts is required"),
          Arguments.of("{\"texts\": null}", "texts is required"),
          Arguments.of("{\"texts\": []}", "texts must not be empty"),
          Arguments.of("{\"texts\": " + jsonArray(seventeen) + "}", "texts has 17 elements; at most 16 are allowed"),
          Arguments.of("{\"texts\": [\"a\", null]}", "texts[1] is required"),
          Arguments.of("{\"texts\": [\"a\", \"\"]}", "texts[1] must not be empty"),
          Arguments.of("{\"texts\": [\"a\", \"-e\"]}", "texts[1] '-e' would be read by echo as an option, not printed"),
          Arguments.of("{\"texts\": [\"a\", \"red\\u001b[31m\"]}",
              "argument 2 of echo contains the control character U+001B;"
                  + " arguments with control characters are refused"),
          Arguments.of("{\"texts\": \"a\"}", "texts must be an array"),
          Arguments.of("{\"texts\": [\"a\", 2]}", "texts[1] must be a string"),
          Arguments.of("{\"texts\": {\"a\": \"b\"}}", "texts must be an array"),
          Arguments.of("{\"texts\": [\"a\"], \"concurrency\": 0}", "concurrency must be at least 1, got 0"),
          Arguments.of("{\"texts\": [\"a\"], \"concurrency\": -3}", "concurrency must be at least 1, got -3"),
          Arguments.of("{\"texts\": [\"a\"], \"concurrency\": 9}", "concurrency must be at most 8, got 9"),
          Arguments.of("{\"texts\": [\"a\"], \"concurrency\": 2.5}", "concurrency must be an integer"),
          Arguments.of("{\"texts\": [\"a\"], \"concurrency\": \"2\"}", "concurrency must be an integer"),
          Arguments.of("{\"texts\": [\"a\"], \"concurrency\": true}", "concurrency must be an integer"),
          Arguments.of("[\"a\"]", "the request body must be a JSON object"),
          Arguments.of("{\"texts\": [\"a\"]", "the request body is not well-formed JSON"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void refusesBadBodiesBeforeAnyCommandStarts(String body, String reason) {
      started.threadByLastArgument().clear();

      ApiClient.Response response = api.postJson("/api/batch", body);

      assertThat(response.status()).as(response.body()).isEqualTo(400);
      assertThat(response.error()).isEqualTo(reason);
      assertThat(started.threadByLastArgument()).isEmpty();
    }

    @Test
    void refusesBodiesThatAreNotDeclaredJson() {
      ApiClient.Response response = api.post("/api/batch", null, "{\"texts\": [\"a\"]}");

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.error()).startsWith("Content-Type must be application/json, got ");
    }
  }

  @Nested
  class GitStatus {

    @Test
    void reportsTheStatusOfARepositoryUnderTheRoots() throws Exception {
      Path repo = repository();

      ApiClient.Response response = api.get("/api/git/status?dir=" + query(repo.toString()));

      assertThat(response.status()).as(response.body()).isEqualTo(200);
      JsonNode json = response.json();
      assertThat(json.propertyNames()).containsExactly("exitCode", "stdout", "durationMs");
      assertThat(json.get("exitCode").asInt()).isZero();
      assertThat(json.get("stdout").asString()).startsWith("## ").contains("\n?? untracked.txt\n");
    }

    @Test
    void aSubdirectoryOfARepositoryIsUnderTheRootsToo() throws Exception {
      Path nested = Files.createDirectories(repository().resolve("nested/deeper"));

      ApiClient.Response response = api.get("/api/git/status?dir=" + query(nested.toString()));

      assertThat(response.status()).as(response.body()).isEqualTo(200);
      assertThat(response.json().get("stdout").asString()).startsWith("## ");
    }

    static Stream<Arguments> badDirectories() throws IOException {
      Path plain = Files.createDirectories(ROOT.resolve("plain"));
      Path file = ROOT.resolve("file.txt");
      if (Files.notExists(file)) {
        Files.writeString(file, "not a directory");
      }
      Path escape = ROOT.resolve("escape");
      if (Files.notExists(escape, LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(escape, OUTSIDE);
      }
      return Stream.of(
          Arguments.of("", "query parameter 'dir' is required"),
          Arguments.of("?dir=", "dir must not be empty"),
          Arguments.of("?dir=relative/path", "dir must be an absolute path"),
          Arguments.of("?dir=" + query(plain + "/../plain"), "dir must not contain '..' segments"),
          Arguments.of("?dir=" + query(ROOT + "/missing"), "dir " + ROOT + "/missing does not exist"),
          Arguments.of("?dir=" + query(file.toString()), "dir " + file + " is not a directory"),
          Arguments.of("?dir=" + query(OUTSIDE.toString()), "dir " + OUTSIDE + " is outside the configured git roots"),
          Arguments.of("?dir=" + query(escape.toString()), "dir " + escape + " is outside the configured git roots"),
          Arguments.of("?dir=/etc", "dir /etc is outside the configured git roots"),
          Arguments.of("?dir=" + query(ROOT + "/$(touch x); ls"), "dir " + ROOT + "/$(touch x); ls does not exist"));
    }

    @ParameterizedTest
    @MethodSource("badDirectories")
    void refusesDirectoriesOutsideTheRootsWithAReason(String queryString, String reason) {
      ApiClient.Response response = api.get("/api/git/status" + queryString);

      assertThat(response.status()).as(response.body()).isEqualTo(400);
      assertThat(response.error()).isEqualTo(reason);
    }

    @Test
    void aDirectoryThatIsNotARepositoryIsABadRequest() throws IOException {
      Path plain = Files.createDirectories(ROOT.resolve("not-a-repository"));

      ApiClient.Response response = api.get("/api/git/status?dir=" + query(plain.toString()));

      assertThat(response.status()).as(response.body()).isEqualTo(400);
      assertThat(response.error())
          .isEqualTo("dir " + plain + " is not inside a git repository under the configured git roots");
    }
  }

  @Nested
  class Jobs {

    @Test
    void theConfiguredJobsAreListedAndRunByName() {
      ApiClient.Response list = api.get("/api/jobs");
      assertThat(list.status()).isEqualTo(200);
      assertThat(strings(list.json())).containsExactly("git-version");

      ApiClient.Response run = api.postJson("/api/jobs/git-version", "{}");
      assertThat(run.status()).as(run.body()).isEqualTo(200);
      assertThat(run.json().get("exitCode").asInt()).isZero();
      assertThat(run.json().get("stdout").asString()).startsWith("git version ");
    }

    @Test
    void anUnknownJobIsABadRequestNamingTheJobs() {
      ApiClient.Response response = api.postJson("/api/jobs/rm", "{}");

      assertThat(response.status()).as(response.body()).isEqualTo(400);
      assertThat(response.error()).isEqualTo("no job is named 'rm'; the jobs are [git-version]");
    }
  }

  @Nested
  class Routing {

    @Test
    void unknownPathsAndMethodsAreAnsweredInJson() {
      ApiClient.Response missing = api.get("/api/nothing-here");
      ApiClient.Response wrongMethod = api.get("/api/echo");

      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.error()).isNotBlank();
      assertThat(wrongMethod.status()).isEqualTo(405);
      assertThat(wrongMethod.error()).contains("GET");
    }

    @Test
    void errorsAreJsonEvenForClientsThatAskForText() {
      ApiClient.Response refused = api.postJson("/api/echo", "{\"text\": \"\"}", "text/plain");
      ApiClient.Response unacceptable = api.postJson("/api/echo", "{\"text\": \"hi\"}", "text/plain");

      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.error()).isEqualTo("text must not be empty");
      assertThat(unacceptable.status()).isEqualTo(406);
      assertThat(unacceptable.error()).isNotBlank();
    }
  }

  @Nested
  class Actuator {

    @Test
    void healthIsUpWithEveryRequiredProgramFound() {
      ApiClient.Response response = operator.get("/actuator/health");

      assertThat(response.status()).as(response.body()).isEqualTo(200);
      JsonNode json = response.json();
      assertThat(json.get("status").asString()).isEqualTo("UP");
      JsonNode cuprum = json.path("components").path("cuprum");
      assertThat(cuprum.path("status").asString()).isEqualTo("UP");
      assertThat(cuprum.path("details").path("programs").propertyNames()).containsExactly("echo", "git");
      assertThat(cuprum.path("details").path("missingRequired").size()).isZero();
    }

    @Test
    void prometheusCountsEveryCommand() {
      String echoExecs = "cuprum_exec_seconds_count\\{[^}]*cuprum_outcome=\"SUCCESS\"[^}]*cuprum_program=\"echo\""
          + "[^}]*cuprum_project=\"sample\"[^}]*\\}";
      String echoExecutions = "cuprum_executions_total\\{program=\"echo\",project=\"sample\"\\}";
      String before = scrape();

      assertThat(api.postJson("/api/echo", "{\"text\": \"counted\"}").status()).isEqualTo(200);
      assertThat(api.postJson("/api/batch", "{\"texts\": [\"c1\", \"c2\"]}").status()).isEqualTo(200);

      String after = scrape();
      assertThat(value(after, echoExecs) - value(before, echoExecs)).isEqualTo(3.0);
      assertThat(value(after, echoExecutions) - value(before, echoExecutions)).isEqualTo(3.0);
      assertThat(after).containsPattern("(?m)^cuprum_exec_seconds_sum\\{[^}]*cuprum_program=\"echo\"")
          .containsPattern("(?m)^cuprum_batch_seconds_count\\{")
          .doesNotContain("cuprum_duration_seconds");
    }

    /** What Prometheus asks for first; before 2.43 it drops a scrape with exemplars on _count. */
    @Test
    void openMetricsScrapesCarryExemplarsOnlyOnCountersAndBuckets() {
      assertThat(api.postJson("/api/echo", "{\"text\": \"exemplar\"}").status()).isEqualTo(200);

      ApiClient.Response scrape = api.get("/actuator/prometheus", "application/openmetrics-text;version=1.0.0");

      assertThat(scrape.status()).isEqualTo(200);
      assertThat(scrape.contentType()).startsWith("application/openmetrics-text");
      assertThat(scrape.body())
          .containsPattern("(?m)^cuprum_executions_total\\{[^}]*\\} \\S+ # \\{span_id=\"\\w+\",trace_id=\"\\w+\"\\}")
          .containsPattern("(?m)^cuprum_exec_seconds_count\\{[^}]*\\} \\S+$")
          .doesNotContainPattern("(?m)^\\w+_count\\{[^}]*\\} \\S+ #")
          // OpenMetrics 1.0 allows exemplars on histogram buckets too: the timer's buckets carry them.
          .containsPattern("(?m)^cuprum_exec_seconds_bucket\\{[^}]*\\} \\S+ # \\{span_id=\"\\w+\",trace_id=\"\\w+\"\\}");
    }

    @Test
    void theCuprumEndpointListsTheCatalogue() {
      ApiClient.Response response = operator.get("/actuator/cuprum");

      assertThat(response.status()).as(response.body()).isEqualTo(200);
      JsonNode json = response.json();
      assertThat(json.get("enforceAllowlist").asBoolean()).isTrue();
      assertThat(strings(json.get("allowlist"))).containsExactly("echo", "git");
      assertThat(json.get("projects").propertyNames()).containsExactly("sample");
      JsonNode programs = json.get("projects").get("sample").get("programs");
      assertThat(programs.size()).isEqualTo(2);
      assertThat(programs.get(0).get("name").asString()).isEqualTo("echo");
      assertThat(programs.get(0).get("path").asString()).startsWith("/").endsWith("/echo");
      assertThat(programs.get(1).get("name").asString()).isEqualTo("git");
      assertThat(json.get("defaults").get("timeout").asString()).isEqualTo("PT10S");
    }

    @Test
    void infoDescribesTheCatalogue() {
      ApiClient.Response response = operator.get("/actuator/info");

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.json().path("cuprum").path("programs").asInt()).isEqualTo(2);
    }

    @Test
    void onlyTheDocumentedEndpointsAreExposed() {
      ApiClient.Response links = operator.get("/actuator");

      assertThat(links.status()).isEqualTo(200);
      assertThat(links.json().get("_links").propertyNames()).contains("health", "info", "prometheus", "cuprum")
          .doesNotContain("env", "beans", "metrics", "configprops");
      assertThat(operator.get("/actuator/env").status()).isEqualTo(404);
    }

    private String scrape() {
      ApiClient.Response response = api.get("/actuator/prometheus");
      assertThat(response.status()).isEqualTo(200);
      return response.body();
    }

    /** The value of the one series matching, or 0 when there is none yet. */
    private double value(String scrape, String series) {
      Matcher matcher = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(scrape);
      if (!matcher.find()) {
        return 0;
      }
      double value = Double.parseDouble(matcher.group(1));
      assertThat(matcher.find()).as("more than one series matches %s", series).isFalse();
      return value;
    }
  }

  @Nested
  @ExtendWith(OutputCaptureExtension.class)
  class Audit {

    @Autowired
    CommandExecutor executor;

    @Autowired
    ProgramCatalogue catalogue;

    @Test
    void everyCommandOfTheApiIsAudited(CapturedOutput output) {
      assertThat(api.postJson("/api/echo", "{\"text\": \"audited text\"}").status()).isEqualTo(200);

      assertThat(output.getOut()).containsPattern(
          "audit +: command argv=\\[echo, -n, audited text\\] exit_code=0 pid=\\d+ duration_ms=\\d+ project=sample");
    }

    @Test
    void secretsAreMaskedInTheAuditLog(CapturedOutput output) {
      CommandResult result = executor.run(Sh.make(Programs.ECHO, catalogue).args("-n", "user", Sh.secret("hunter2")));

      assertThat(result.stdout()).as("the process itself gets the secret").isEqualTo("user hunter2");
      assertThat(output.getOut()).contains("command argv=[echo, -n, user, ******] exit_code=0")
          .doesNotContain("hunter2");
    }
  }

  @Nested
  class Tracing {

    @Autowired
    ApplicationContext context;

    @Test
    void nothingIsExportedWithoutAnEndpoint() {
      assertThat(context.getBeanProvider(SpanExporter.class).stream()).isEmpty();
      assertThat(context.getBeansOfType(MeterRegistry.class).values())
          .noneMatch(registry -> registry.getClass().getName().contains("Otlp"));
    }
  }

  private static Path repository() throws IOException, InterruptedException {
    Path repo = ROOT.resolve("repo");
    if (Files.notExists(repo.resolve(".git"))) {
      Files.createDirectories(repo);
      Process init = new ProcessBuilder("git", "-c", "init.defaultBranch=main", "init", "-q", repo.toString())
          .redirectErrorStream(true).start();
      String out = new String(init.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(init.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(init.exitValue()).as(out).isZero();
      Files.writeString(repo.resolve("untracked.txt"), "new");
    }
    return repo;
  }

  private static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asString()));
    return values;
  }

  private static String jsonString(String text) {
    return JsonMapper.shared().writeValueAsString(text);
  }

  private static String jsonArray(List<String> texts) {
    return JsonMapper.shared().writeValueAsString(texts);
  }
}
