package dev.cuprum.runtime;

import static dev.cuprum.testing.TestPrograms.CAT;
import static dev.cuprum.testing.TestPrograms.cmd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuprum.CommandExecutor;
import dev.cuprum.ExecutionContext;
import dev.cuprum.ProcessStartException;
import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.ProjectSettings;
import dev.cuprum.RunOptions;
import dev.cuprum.Sh;
import dev.cuprum.testing.TestPrograms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramPinningTest {

  @Test
  void pinnedProgramsRunFromTheFileFoundWhenTheExecutorWasBuilt() {
    CommandExecutor pinned = CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE).pinPrograms(true).build();
    String argv0 = pinned.run(cmd(CAT, "/proc/self/cmdline")).stdout().split("\0")[0];
    assertThat(Path.of(argv0)).isAbsolute().endsWith(Path.of("cat"));
    assertThat(pinned.settings().pinnedPrograms()).containsKey(CAT);
  }

  @Test
  void unpinnedProgramsRunByName() {
    assertThat(TestPrograms.executor().run(cmd(CAT, "/proc/self/cmdline")).stdout()).startsWith("cat\0");
  }

  @Test
  void aPathOverlayNeverChangesWhichBinaryRuns(@TempDir Path dir) throws Exception {
    Path impostor = Files.writeString(dir.resolve("cat"), "#!/bin/sh\necho impostor\n");
    Files.setPosixFilePermissions(impostor, PosixFilePermissions.fromString("rwxr-xr-x"));
    RunOptions overlay = RunOptions.builder().context(ExecutionContext.builder()
        .env(Map.of("PATH", dir + ":" + System.getenv("PATH"))).cwd(dir).build()).build();
    for (CommandExecutor executor : new CommandExecutor[] {TestPrograms.executor(),
        CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE).pinPrograms(true).build()}) {
      assertThat(executor.run(Sh.make(CAT, TestPrograms.CATALOGUE).args("/proc/self/cmdline"), overlay).stdout())
          .doesNotContain("impostor");
    }
  }

  @Test
  void aProgramMissingWhenPinnedFailsEveryRun() {
    Program missing = Program.of("cuprum-no-such-program");
    ProgramCatalogue catalogue = ProgramCatalogue.of(ProjectSettings.builder("p").programs(missing, CAT).build());
    CommandExecutor pinned = CommandExecutor.builder().catalogue(catalogue).pinPrograms(true).build();
    assertThatThrownBy(() -> pinned.run(Sh.make(missing, catalogue).args()))
        .isInstanceOf(ProcessStartException.class)
        .hasMessageContaining("cuprum-no-such-program")
        .hasMessageContaining("not found");
    assertThat(pinned.run(Sh.make(CAT, catalogue).args("/dev/null")).ok()).isTrue();
  }
}
