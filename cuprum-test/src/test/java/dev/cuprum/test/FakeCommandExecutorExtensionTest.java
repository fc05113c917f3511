package dev.cuprum.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuprum.Programs;
import dev.cuprum.builders.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FakeCommandExecutorExtension.class)
class FakeCommandExecutorExtensionTest {

  private FakeCommandExecutor inBeforeEach;

  @BeforeEach
  void expect(FakeCommandExecutor executor) {
    inBeforeEach = executor;
    executor.on(Programs.GIT, "status", "--short").respond(Reply.exit(0).stdout(" M README.md\n"));
  }

  @Test
  void eachTestGetsTheFakeItsSetUpConfigured(FakeCommandExecutor executor) {
    assertThat(executor).isSameAs(inBeforeEach);
    assertThat(executor.run(Git.status(true, false)).stdout()).isEqualTo(" M README.md\n");
  }

  @Test
  void andAFreshOneForEveryTest(FakeCommandExecutor executor) {
    assertThat(executor.calls()).isEmpty();
    executor.run(Git.status(true, false));
  }
}
