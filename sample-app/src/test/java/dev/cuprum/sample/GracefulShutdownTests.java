package dev.cuprum.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sample application as a deployment sees it: its own JVM, a long command in flight through
 * its HTTP API, then {@code SIGTERM}. Within the configured shutdown times the command's process is
 * gone, the request was answered or its connection closed, and the log names what was ended.
 */
class GracefulShutdownTests {

  private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
  private static final Duration WAIT = Duration.ofSeconds(90);

  private final List<String> log = new CopyOnWriteArrayList<>();
  private final CountDownLatch started = new CountDownLatch(1);
  private volatile int port;
  private Process application;
  private Thread logReader;

  @AfterEach
  void endTheApplication() throws InterruptedException {
    if (application != null && application.isAlive()) {
      application.descendants().forEach(ProcessHandle::destroyForcibly);
      application.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void sigtermEndsTheCommandInFlightAndSaysSo() throws Exception {
    application = start(
        "--server.port=0",
        "--spring.lifecycle.timeout-per-shutdown-phase=2s",
        "--cuprum.catalogue.projects.sample.programs=echo,git,sleep",
        "--cuprum.health.required-programs=echo",
        "--cuprum.defaults.timeout=10m",
        "--cuprum.shutdown.await-termination=1s",
        "--sample.jobs.long-sleep=sleep,600");
    assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the application started; log: %s", log).isTrue();

    CompletableFuture<HttpResponse<String>> request = HttpClient.newHttpClient().sendAsync(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/jobs/long-sleep"))
            .POST(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    ProcessHandle sleep = awaitChild("sleep");

    // The handle's destroy sends SIGTERM and, unlike Process.destroy, leaves the output readable.
    assertThat(application.toHandle().destroy()).isTrue();

    assertThat(application.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the JVM stopped; log: %s", log).isTrue();
    logReader.join(WAIT.toMillis());
    assertThat(sleep.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
    Object outcome = request.handle((response, closed) -> response != null ? response.statusCode() : closed)
        .get(30, TimeUnit.SECONDS);
    assertThat(outcome).as("the request got an error answer or a closed connection")
        .satisfiesAnyOf(status -> assertThat(status).isInstanceOf(Integer.class).matches(code -> (int) code >= 500),
            closed -> assertThat(closed).isInstanceOf(Throwable.class));
    // Tomcat's stop interrupts the request's thread, which cancels the run; a command no request
    // waits for any more is ended by the executor's own stop, which logs cuprum.shutdown_ended.
    assertThat(log).as("the log names the command that was ended")
        .anyMatch(line -> line.contains("[sleep, 600]") && (line.contains("was cancelled")
            || line.contains("cuprum.shutdown_ended")));
  }

  private Process start(String... arguments) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-cp",
        System.getProperty("java.class.path"), SampleApplication.class.getName()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    logReader = new Thread(() -> read(process), "sample-log");
    logReader.setDaemon(true);
    logReader.start();
    return process;
  }

  private void read(Process process) {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        log.add(line);
        Matcher matcher = PORT.matcher(line);
        if (matcher.find()) {
          port = Integer.parseInt(matcher.group(1));
        }
        if (line.contains("Started SampleApplication")) {
          started.countDown();
        }
      }
    } catch (IOException ended) {
      // the application's output ends with the application
    }
  }

  private ProcessHandle awaitChild(String program) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<ProcessHandle> child = application.descendants()
          .filter(handle -> handle.info().command().map(path -> path.endsWith("/" + program)).orElse(false))
          .findFirst();
      if (child.isPresent()) {
        return child.get();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no " + program + " process started; log: " + log);
  }
}
