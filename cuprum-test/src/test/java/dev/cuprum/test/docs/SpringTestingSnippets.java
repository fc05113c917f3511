package dev.cuprum.test.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuprum.CommandExecutor;
import dev.cuprum.Program;
import dev.cuprum.Sh;
import dev.cuprum.test.AutoConfigureFakeCommandExecutor;
import dev.cuprum.test.FakeCommandExecutor;
import dev.cuprum.test.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

/** The users' guide's example of the Spring Boot test annotation. */
// tag::testing-spring[]
@SpringBootTest(properties = "cuprum.catalogue.projects.media.programs=ffmpeg")
@AutoConfigureFakeCommandExecutor
class SpringTestingSnippets {

  @Autowired
  FakeCommandExecutor ffmpeg;            // the application's CommandExecutor, with its hooks

  @Autowired
  CommandExecutor executor;              // what the application's beans get: the same fake

  @Test
  void reportsTheVersion() {
    ffmpeg.on(Program.of("ffmpeg"), "-version").respond(Reply.exit(0).stdout("ffmpeg version 7.1\n"));

    String version = executor.run(Sh.make(Program.of("ffmpeg"), executor.catalogue()).args("-version")).stdout();

    assertThat(version).startsWith("ffmpeg version 7.1");
  }                                      // verified after each test, then forgotten
  // end::testing-spring[]

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Application {}
}
