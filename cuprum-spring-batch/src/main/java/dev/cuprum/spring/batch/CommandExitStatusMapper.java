package dev.cuprum.spring.batch;

import dev.cuprum.CommandResult;
import java.util.Map;
import java.util.Objects;
import org.springframework.batch.core.ExitStatus;

/**
 * How a command's result becomes its step's {@link ExitStatus}. A status whose exit code is
 * {@code FAILED} fails the step; any other status completes it with that exit status, which a
 * job's flow can branch on.
 */
@FunctionalInterface
public interface CommandExitStatusMapper {

  ExitStatus exitStatus(CommandResult result);

  /** Exit code 0 completes the step; any other fails it. */
  static CommandExitStatusMapper zeroIsSuccess() {
    return byExitCode(Map.of(0, ExitStatus.COMPLETED));
  }

  /**
   * The status given for each listed exit code; an exit code not listed fails the step. For
   * example {@code Map.of(0, ExitStatus.COMPLETED, 1, ExitStatus.NOOP)} for {@code grep}, whose 1
   * means "no match".
   */
  static CommandExitStatusMapper byExitCode(Map<Integer, ExitStatus> statuses) {
    Map<Integer, ExitStatus> copy = Map.copyOf(Objects.requireNonNull(statuses, "statuses"));
    return result -> {
      ExitStatus status = copy.get(result.exitCode());
      return status != null ? status
          : ExitStatus.FAILED.addExitDescription("exit code " + result.exitCode());
    };
  }
}
