package dev.cuprum.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuprum.Programs;
import dev.cuprum.test.AutoConfigureFakeCommandExecutor;
import dev.cuprum.test.CommandCall;
import dev.cuprum.test.FakeCommandExecutor;
import dev.cuprum.test.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The jobs endpoint over real HTTP with a fake executor: the application's catalogue, hooks and
 * controllers are real, no git process starts, and the test decides what git answers.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureFakeCommandExecutor
class JobsWithFakeExecutorTests {

  @LocalServerPort
  int port;

  @Autowired
  FakeCommandExecutor git;

  @Test
  void aJobAnswersWithWhatTheProgramPrinted() {
    git.on(Programs.GIT, "--version").respond(Reply.exit(0).stdout("git version 99.0\n"));

    ApiClient.Response response = new ApiClient(port).post("/api/jobs/git-version", null, "");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("stdout").asText()).isEqualTo("git version 99.0\n");
    assertThat(git.calls()).extracting(CommandCall::argv).containsExactly(List.of("--version"));
  }

  @Test
  void aFailingProgramIsReportedWithItsExitCode() {
    git.on(Programs.GIT, "--version").respond(Reply.exit(128).stderr("fatal: broken\n"));

    ApiClient.Response response = new ApiClient(port).post("/api/jobs/git-version", null, "");

    assertThat(response.json().get("exitCode").asInt()).isEqualTo(128);
  }
}
