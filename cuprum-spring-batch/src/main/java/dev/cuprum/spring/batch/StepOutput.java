package dev.cuprum.spring.batch;

import dev.cuprum.CommandResult;
import dev.cuprum.SafeCmd;
import dev.cuprum.Termination;
import dev.cuprum.internal.util.SecretValues;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What a step keeps of its command in its execution context, and so in the job repository: the
 * command and the end of its output, secrets masked, each text cut to a bounded length so that a
 * chatty program cannot bloat the repository.
 */
final class StepOutput {

  private static final String CUT_MARK = "…";

  private final int limit;

  StepOutput(int limit) {
    this.limit = limit;
  }

  /** Records the command, and forgets what an earlier execution of the step kept of its command. */
  void started(ExecutionContext context, SafeCmd cmd, long pid) {
    for (String key : new String[] {CommandTasklet.EXIT_CODE_KEY, CommandTasklet.TERMINATION_KEY,
        CommandTasklet.DURATION_KEY, CommandTasklet.STDOUT_KEY, CommandTasklet.STDERR_KEY}) {
      context.remove(key);
    }
    context.putString(CommandTasklet.COMMAND_KEY, cut(String.join(" ", cmd.maskedArgvWithProgram())));
    context.putLong(CommandTasklet.PID_KEY, pid);
  }

  /** Records why Cuprum ended a command that has no result. */
  void ended(ExecutionContext context, Termination termination) {
    context.putString(CommandTasklet.TERMINATION_KEY, termination.name());
  }

  int limit() {
    return limit;
  }

  void ended(ExecutionContext context, CommandResult result, String stdout, String stderr) {
    context.putInt(CommandTasklet.EXIT_CODE_KEY, result.exitCode());
    context.putString(CommandTasklet.TERMINATION_KEY, result.termination().name());
    context.putLong(CommandTasklet.DURATION_KEY, result.duration().toMillis());
    if (limit > 0) {
      context.putString(CommandTasklet.STDOUT_KEY, stdout);
      context.putString(CommandTasklet.STDERR_KEY, stderr);
    }
  }

  /** The end of {@code text}, at most the limit, with every secret the run knew masked first. */
  String tail(CommandResult result, String text) {
    String masked = SecretValues.maskIn(result.argv(), text).strip();
    if (masked.length() <= limit) {
      return masked;
    }
    return CUT_MARK + masked.substring(masked.length() - limit);
  }

  private String cut(String text) {
    int most = Math.max(limit, 200);
    return text.length() <= most ? text : text.substring(0, most) + CUT_MARK;
  }
}
