package dev.cuprum.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuprum.CommandExecutor;
import dev.cuprum.ForbiddenProgramException;
import dev.cuprum.Program;
import dev.cuprum.RunOptions;
import dev.cuprum.Sh;
import dev.cuprum.TimeoutExpiredException;
import dev.cuprum.context.AfterHook;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application's tests with the fake: the executor the application injects is the
 * fake, built on the application's catalogue, defaults and hook beans; {@code ffmpeg} need not be
 * installed.
 */
@SpringBootTest(properties = {
    "cuprum.catalogue.include-defaults=false",
    "cuprum.catalogue.projects.media.programs=ffmpeg",
    "cuprum.defaults.timeout=300ms"})
@AutoConfigureFakeCommandExecutor
class AutoConfigureFakeCommandExecutorTests {

  private static final Program FFMPEG = Program.of("ffmpeg");

  @Autowired
  FakeCommandExecutor fake;

  @Autowired
  CommandExecutor executor;

  @Autowired
  Audit audit;

  @Test
  void theApplicationsExecutorIsTheFakeWithTheApplicationsHooks() {
    fake.on(FFMPEG, "-version").respond(Reply.exit(0).stdout("ffmpeg version 7\n"));

    assertThat(executor).isSameAs(fake);
    assertThat(executor.run(Sh.make(FFMPEG, executor.catalogue()).args("-version")).stdout())
        .isEqualTo("ffmpeg version 7\n");
    assertThat(audit.exits).contains("ffmpeg 0");
  }

  @Test
  void theApplicationsCatalogueAndDefaultsApply() {
    fake.on(FFMPEG, "-i", "long.mp4").respond(Reply.exit(0).after(Duration.ofMinutes(5)));

    assertThatThrownBy(() -> executor.run(Sh.make(FFMPEG, executor.catalogue()).args("-i", "long.mp4")))
        .isInstanceOf(TimeoutExpiredException.class);
    assertThatThrownBy(() -> executor.run(Sh.make(Program.of("git")).args("status"), RunOptions.defaults()))
        .isInstanceOf(ForbiddenProgramException.class);
  }

  @Test
  void everyTestStartsWithoutTheExpectationsOfTheOthers() {
    assertThat(fake.calls()).isEmpty();
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Application {

    @Bean
    Audit audit() {
      return new Audit();
    }
  }

  static final class Audit implements AfterHook {

    final List<String> exits = new CopyOnWriteArrayList<>();

    @Override
    public void after(dev.cuprum.SafeCmd cmd, dev.cuprum.CommandResult result) {
      exits.add(cmd.program().name() + " " + result.exitCode());
    }
  }
}
