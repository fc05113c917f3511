package dev.cuprum.test.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuprum.CommandExecutor;
import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.ProjectSettings;
import dev.cuprum.RunOptions;
import dev.cuprum.Sh;
import dev.cuprum.TimeoutExpiredException;
import dev.cuprum.test.FakeCommandExecutor;
import dev.cuprum.test.FakeCommandExecutorExtension;
import dev.cuprum.test.Reply;
import dev.cuprum.test.UnexpectedCommandException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The users' guide's examples of testing code that runs commands. */
class TestingSnippets {

  /** Code under test: it makes a thumbnail with ffmpeg. */
  static final class Thumbnails {

    static final Program FFMPEG = Program.of("ffmpeg");
    static final ProgramCatalogue CATALOGUE = ProgramCatalogue.of(
        ProjectSettings.builder("media").programs(FFMPEG).build());

    private final CommandExecutor executor;

    Thumbnails(CommandExecutor executor) {
      this.executor = executor;
    }

    boolean make(String video, String image) {
      return executor.run(Sh.make(FFMPEG, CATALOGUE).args("-i", video, "-frames:v", "1", image),
          RunOptions.builder().timeout(Duration.ofSeconds(2)).build()).ok();
    }
  }

  @Test
  void plainJava() {
    // tag::testing-fake[]
    FakeCommandExecutor executor = FakeCommandExecutor.create(Thumbnails.CATALOGUE);
    executor.on(Thumbnails.FFMPEG, "-i", "in.mp4", "-frames:v", "1", "in.png")
        .respond(Reply.exit(0).stderr("frame=    1\n"));
    executor.on(Thumbnails.FFMPEG, "-i", "huge.mp4", "-frames:v", "1", "huge.png")
        .respond(Reply.exit(0).after(Duration.ofMinutes(5)));      // longer than the 2 s timeout

    Thumbnails thumbnails = new Thumbnails(executor);

    assertThat(thumbnails.make("in.mp4", "in.png")).isTrue();
    assertThatThrownBy(() -> thumbnails.make("huge.mp4", "huge.png"))
        .isInstanceOf(TimeoutExpiredException.class);              // the real timeout, ended at once
    assertThatThrownBy(() -> thumbnails.make("other.mp4", "other.png"))
        .isInstanceOf(UnexpectedCommandException.class);           // names the closest expectation
    executor.verify();                                             // every expectation was used
    // end::testing-fake[]
  }

  // tag::testing-extension[]
  @RegisterExtension                                               // or @ExtendWith, for the default catalogue
  static FakeCommandExecutorExtension fakes = new FakeCommandExecutorExtension(Thumbnails.CATALOGUE);

  @Test
  void makesAThumbnail(FakeCommandExecutor executor) {            // a fresh fake, verified afterwards
    executor.on(command -> command.program().equals(Thumbnails.FFMPEG)).respond(Reply.exit(0));

    assertThat(new Thumbnails(executor).make("in.mp4", "in.png")).isTrue();
    assertThat(executor.calls()).hasSize(1);
  }
  // end::testing-extension[]
}
