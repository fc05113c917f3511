package dev.cuprum.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutionContext;
import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.ProjectSettings;
import dev.cuprum.RunOptions;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real commands recorded once to a fixture file, then served from it without any process. */
class RecordAndReplayTest {

  private static final Program SH = Program.of("sh");
  private static final ProgramCatalogue CATALOGUE = ProgramCatalogue.of(
      ProjectSettings.builder("tools").programs(SH).build());
  private static final String TOKEN = "tok-3f9a2c71";
  private static final String PASSWORD = "pw-77d1e0b4";

  @TempDir
  Path dir;

  private static SafeCmd script(String script, Object... args) {
    List<Object> argv = new java.util.ArrayList<>(List.of("-c", script, "sh"));
    argv.addAll(List.of(args));
    return Sh.make(SH, CATALOGUE).args(argv.toArray());
  }

  @Test
  void recordedRepliesAreServedBackWithSecretsMaskedInTheFile() throws IOException {
    Path fixture = dir.resolve("fixtures/tools.txt");
    RunOptions withPassword = RunOptions.builder()
        .context(ExecutionContext.builder().env(Map.of("DB_PASSWORD", PASSWORD)).build()).build();
    SafeCmd greet = script("printf 'hello \"%s\"\\n\\ttab\\n' \"$1\"; echo \"$DB_PASSWORD\" >&2; exit 3",
        Sh.secret(TOKEN));
    SafeCmd list = script("printf 'a\\nb'");

    try (CommandExecutor recording = FakeCommandExecutor.recording(
        CommandExecutor.builder().catalogue(CATALOGUE).build(), fixture)) {
      CommandResult real = recording.run(greet, withPassword);
      assertThat(real.stdout()).isEqualTo("hello \"" + TOKEN + "\"\n\ttab\n");
      recording.run(list);
    }

    String written = Files.readString(fixture);
    assertThat(written).doesNotContain(TOKEN, PASSWORD).contains("******");

    FakeCommandExecutor replay = FakeCommandExecutor.replaying(fixture, CATALOGUE);
    CommandResult replayed = replay.run(greet, withPassword);
    assertThat(replayed.exitCode()).isEqualTo(3);
    assertThat(replayed.stdout()).isEqualTo("hello \"******\"\n\ttab\n");
    assertThat(replayed.stderr()).isEqualTo("******\n");
    assertThat(replay.run(list).stdout()).isEqualTo("a\nb");
    replay.verify();
    assertThatThrownBy(() -> replay.run(list)).isInstanceOf(UnexpectedCommandException.class)
        .hasMessageContaining("from tools.txt");
  }

  @Test
  void quotingSurvivesAnyText() {
    for (String text : List.of("", "plain", "\"quoted\"", "back\\slash", "new\nline\r\n", "\u0000\u001b[31m\u007f",
        "ünïcödé ✓", "\\u0041")) {
      assertThat(Fixture.unquoteAll(Fixture.quote(text), "test")).containsExactly(text);
    }
  }

  @Test
  void aBrokenFixtureNamesTheLine() throws IOException {
    Path fixture = Files.writeString(dir.resolve("broken.txt"), "command \"git\"\nexit x\n");
    assertThatThrownBy(() -> FakeCommandExecutor.replaying(fixture, CATALOGUE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("broken.txt:2: exit needs a number");
  }
}
