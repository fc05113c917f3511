package dev.cuprum.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The job stream over real HTTP: lines arrive as Server-Sent Events while the job runs, the end
 * is an exit event, and a client that goes away ends the job's process.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
    "cuprum.catalogue.projects.sample.programs=echo,git,sh",
    "cuprum.defaults.timeout=2m",
    "sample.jobs.ticker=sh,-c,while :; do echo tick; sleep 0.05; done,job-stream-marker",
    "sample.jobs.count=sh,-c,for i in 1 2 3; do echo line $i; done"})
class JobStreamTests {

  private static final String MARKER = "job-stream-marker";

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<InputStream> open(String job) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/jobs/" + job + "/stream"))
        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  @Test
  void linesArriveAsEventsThenTheExitCode() throws Exception {
    HttpResponse<InputStream> response = open("count");
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
    List<String> data = new ArrayList<>();
    try (BufferedReader events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      for (String line = events.readLine(); line != null; line = events.readLine()) {
        if (line.startsWith("data:")) {
          data.add(line.substring(5));
        }
      }
    }
    assertThat(data).containsExactly("line 1", "line 2", "line 3", "{\"exitCode\":0}");
  }

  @Test
  void aClientThatGoesAwayEndsTheJob() throws Exception {
    HttpResponse<InputStream> response = open("ticker");
    try (BufferedReader events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      int ticks = 0;
      while (ticks < 3) {
        String line = events.readLine();
        assertThat(line).as("the stream ended after %d ticks", ticks).isNotNull();
        if (line.equals("data:tick")) {
          ticks++;
        }
      }
      assertThat(runningJobs()).isNotEmpty();
    }
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(runningJobs()).isEmpty());
  }

  private static List<ProcessHandle> runningJobs() {
    return ProcessHandle.current().descendants()
        .filter(handle -> handle.info().arguments().map(arguments -> List.of(arguments).contains(MARKER)).orElse(false))
        .filter(ProcessHandle::isAlive).toList();
  }
}
