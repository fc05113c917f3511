package dev.cuprum.test;

import dev.cuprum.RunOptions;
import dev.cuprum.SafeCmd;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One command a {@link FakeCommandExecutor} was asked to run, refused ones included.
 *
 * @param command the command
 * @param argv its arguments without the program, secrets masked
 * @param options the options of its run; for a pipeline stage the pipeline's, for a batch member
 *     the batch's capture, echo and context
 * @param at when it was asked for
 */
public record CommandCall(SafeCmd command, List<String> argv, RunOptions options, Instant at) {

  public CommandCall {
    Objects.requireNonNull(command, "command");
    argv = List.copyOf(argv);
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(at, "at");
  }
}
