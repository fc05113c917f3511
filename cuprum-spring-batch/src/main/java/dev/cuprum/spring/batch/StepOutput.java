package dev.cuprum.spring.batch;

import dev.cuprum.CommandResult;
import dev.cuprum.SafeCmd;
import dev.cuprum.internal.util.SecretValues;
import org.jspecify.annotations.Nullable;
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

  void started(ExecutionContext context, SafeCmd cmd, long pid) {
    context.putString(CommandTasklet.COMMAND_KEY, cut(String.join(" ", cmd.maskedArgvWithProgram())));
    context.putLong(CommandTasklet.PID_KEY, pid);
  }

  void ended(ExecutionContext context, CommandResult result) {
    context.putInt(CommandTasklet.EXIT_CODE_KEY, result.exitCode());
    context.putString(CommandTasklet.TERMINATION_KEY, result.termination().name());
    context.putLong(CommandTasklet.DURATION_KEY, result.duration().toMillis());
    putTail(context, CommandTasklet.STDOUT_KEY, result, result.stdout());
    putTail(context, CommandTasklet.STDERR_KEY, result, result.stderr());
  }

  String tail(CommandResult result, @Nullable String text) {
    if (text == null) {
      return "";
    }
    String masked = SecretValues.maskIn(result.argv(), text).strip();
    if (masked.length() <= limit) {
      return masked;
    }
    return CUT_MARK + masked.substring(masked.length() - limit);
  }

  private void putTail(ExecutionContext context, String key, CommandResult result, @Nullable String text) {
    if (text != null && limit > 0) {
      context.putString(key, tail(result, text));
    }
  }

  private String cut(String text) {
    int most = Math.max(limit, 200);
    return text.length() <= most ? text : text.substring(0, most) + CUT_MARK;
  }
}
