package dev.cuprum.runtime;

import static dev.cuprum.testing.TestPrograms.cmd;
import static dev.cuprum.testing.TestPrograms.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cuprum.CommandExecutor;
import dev.cuprum.ProcessStartException;
import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.ProjectSettings;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import dev.cuprum.testing.TestPrograms;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a child gets from the JVM, whichever launcher starts it: its standard streams and nothing else. */
class ChildInheritanceTest {

  private final CommandExecutor executor = TestPrograms.executor();

  @Test
  void noDescriptorOfTheJvmReachesTheChild(@TempDir Path dir) throws IOException {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")));
    Path secret = Files.writeString(dir.resolve("secret"), "key");
    try (FileInputStream held = new FileInputStream(secret.toFile())) {
      // The shell lists its own descriptors; 3 is the one it reads the listing through.
      String fds = executor.run(sh("cd /proc/self/fd && echo *")).stdout().trim();
      assertThat(Arrays.asList(fds.split(" "))).containsExactly("0", "1", "2", "3");
      assertThat(held.read()).isEqualTo('k');
    }
  }

  @Test
  void theChildHasItsOwnPidAndTheExitStatusOfASignalIs128PlusItsNumber() {
    assertThat(executor.run(sh("echo $$")).stdout().trim()).isNotEqualTo(Long.toString(ProcessHandle.current().pid()));
    assertThat(executor.run(sh("kill -TERM $$")).exitCode()).isEqualTo(128 + 15);
    assertThat(executor.run(sh("kill -KILL $$")).exitCode()).isEqualTo(128 + 9);
    assertThat(executor.run(sh("exit 300")).exitCode()).isEqualTo(300 % 256);
  }

  /** The kernel refuses a file without a {@code #!} line; the JDK then runs it through /bin/sh, the native launcher never. */
  @Test
  void aFileTheKernelCannotExecuteIsRunThroughAShellByTheJdkOnly(@TempDir Path dir) throws IOException {
    Path script = Files.writeString(dir.resolve("no-interpreter-line"), "echo ran by a shell\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    Program program = Program.of(script.toString());
    ProgramCatalogue catalogue = ProgramCatalogue.of(ProjectSettings.builder("scripts").programs(program).build());
    CommandExecutor scripts = CommandExecutor.builder().catalogue(catalogue).build();
    SafeCmd cmd = Sh.make(program, catalogue).args();
    if ("native".equals(System.getProperty("cuprum.test.launcher"))) {
      assertThatThrownBy(() -> scripts.run(cmd)).isInstanceOf(ProcessStartException.class)
          .hasMessageContaining("Exec format error");
    } else {
      assertThat(scripts.run(cmd).stdout()).isEqualTo("ran by a shell\n");
    }
  }

  /** The native launcher resets every signal, even one the JVM was started ignoring (as {@code nohup} does). */
  @Test
  void aNativelyStartedChildBlocksAndIgnoresNoSignal() {
    assumeTrue("native".equals(System.getProperty("cuprum.test.launcher")));
    String status = executor.run(cmd(TestPrograms.CAT, "/proc/self/status")).stdout();
    assertThat(standardSignals(status, "SigBlk")).isZero();
    assertThat(standardSignals(status, "SigIgn")).isZero();
  }

  /** The signals 1 to 31 of a mask in {@code /proc/PID/status}; glibc keeps 32 and up for itself. */
  private static long standardSignals(String status, String mask) {
    Matcher line = Pattern.compile("(?m)^" + mask + ":\\s+(\\p{XDigit}+)$").matcher(status);
    assertThat(line.find()).as(mask).isTrue();
    return Long.parseUnsignedLong(line.group(1), 16) & 0x7fff_ffffL;
  }
}
