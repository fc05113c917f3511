package dev.cuprum.spring.autoconfigure.integration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuprum.CommandExecutor;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.Programs;
import dev.cuprum.Sh;
import dev.cuprum.concurrent.ConcurrentConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The starter in a real web application: commands run through the bean show up where operators look. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "management.endpoints.web.exposure.include=health,prometheus,cuprum",
    "management.endpoint.health.show-details=always", "cuprum.health.required-programs=echo" })
class PrometheusScrapeIntegrationTests {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @LocalServerPort
  int port;

  @Autowired
  CommandExecutor executor;

  @Autowired
  ProgramCatalogue catalogue;

  @Test
  void commandsRunThroughTheBeanAreScrapedFromPrometheus() throws Exception {
    assertThat(executor.run(Sh.make(Programs.ECHO, catalogue).args("scraped")).ok()).isTrue();
    assertThat(executor.runConcurrent(List.of(Sh.make(Programs.ECHO, catalogue).args("a"),
        Sh.make(Programs.ECHO, catalogue).args("b")), ConcurrentConfig.defaults()).ok()).isTrue();

    HttpResponse<String> scrape = get("/actuator/prometheus");

    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.body()).containsPattern("(?m)^cuprum_executions_total\\{[^}]*program=\"echo\"[^}]*\\} 3\\.0$")
        .doesNotContain("cuprum_duration_seconds").contains("cuprum_stdout_lines_total")
        .containsPattern(
            "(?m)^cuprum_exec_seconds_count\\{[^}]*cuprum_outcome=\"SUCCESS\"[^}]*cuprum_program=\"echo\"[^}]*\\} 3$")
        .contains("cuprum_exec_active_seconds").containsPattern("(?m)^cuprum_batch_seconds_count\\{[^}]*\\} 1$")
        // The default buckets of cuprum.observations.timer-buckets, so histogram_quantile works.
        .containsPattern("(?m)^cuprum_exec_seconds_bucket\\{[^}]*cuprum_program=\"echo\"[^}]*le=\"0\\.01\"[^}]*\\} \\d+$")
        .containsPattern("(?m)^cuprum_exec_seconds_bucket\\{[^}]*le=\"300\\.0\"[^}]*\\} 3$")
        .containsPattern("(?m)^cuprum_exec_seconds_bucket\\{[^}]*le=\"\\+Inf\"[^}]*\\} 3$");
  }

  @Test
  void theEndpointAndHealthAreServedAsJson() throws Exception {
    HttpResponse<String> cuprum = get("/actuator/cuprum");
    assertThat(cuprum.statusCode()).isEqualTo(200);
    assertThat(cuprum.body()).contains("\"enforceAllowlist\":true").contains("\"core-ops\"")
        .containsPattern("\"name\":\"echo\",\"path\":\"/[^\"]*/echo\"").contains("\"running\":[]")
        .contains("\"cancelGrace\":\"PT0.5S\"");

    HttpResponse<String> health = get("/actuator/health/cuprum");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"missingRequired\":[]");
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET()
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
