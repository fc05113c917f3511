package dev.cuprum.runtime;

import static dev.cuprum.testing.TestPrograms.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.NonZeroExitException;
import dev.cuprum.RunOptions;
import dev.cuprum.Sh;
import dev.cuprum.testing.TestPrograms;
import org.junit.jupiter.api.Test;

class RequireOkTest {

  private final CommandExecutor executor = TestPrograms.executor();

  @Test
  void aSuccessfulResultIsReturnedForChaining() {
    assertThat(executor.run(sh("printf ok")).requireOk().stdout()).isEqualTo("ok");
  }

  @Test
  void aNonZeroExitThrowsWithTheExitCodeTheMaskedArgvAndTheEndOfStderr() {
    CommandResult failed = executor.run(sh("for i in 1 2 3 4 5 6 7; do echo \"line $i\" >&2; done; "
        + "echo \"token $1 refused\" >&2; exit 3", Sh.secret("s3cr3t-value")));

    NonZeroExitException error = catchThrowableOfType(NonZeroExitException.class, failed::requireOk);

    assertThat(error.result()).isSameAs(failed);
    assertThat(error).hasMessage("Command [sh, -c, for i in 1 2 3 4 5 6 7; do echo \"line $i\" >&2; done; echo "
        + "\"token $1 refused\" >&2; exit 3, sh, ******] exited with 3: line 4\nline 5\nline 6\nline 7\n"
        + "token ****** refused");
  }

  @Test
  void theMessageSaysWhenStderrWasEmptyOrNotCaptured() {
    assertThat(catchThrowableOfType(NonZeroExitException.class, executor.run(sh("exit 1"))::requireOk))
        .hasMessage("Command [sh, -c, exit 1, sh] exited with 1 and printed nothing on stderr");
    CommandResult uncaptured = executor.run(sh("echo gone >&2; exit 2"), RunOptions.builder().capture(false).build());
    assertThat(catchThrowableOfType(NonZeroExitException.class, uncaptured::requireOk))
        .hasMessage("Command [sh, -c, echo gone >&2; exit 2, sh] exited with 2 (stderr was not captured)");
  }
}
