package dev.cuprum.spring.batch;

import dev.cuprum.CommandExecutor;
import dev.cuprum.NonZeroExitException;
import dev.cuprum.RunOptions;
import dev.cuprum.SafeCmd;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes each item of a chunk by running one command for it, in order, through the application's
 * executor: for steps whose output is an action (upload, archive, notify) rather than a record. A
 * command that exits non-zero throws {@link NonZeroExitException}; a fault-tolerant step then
 * retries or skips as its policies say, item by item. Commands of the chunk that ran before the
 * failure are not undone, so make them idempotent: a rolled-back chunk runs them again.
 */
public final class CommandItemWriter<I> implements ItemWriter<I> {

  private final CommandExecutor executor;
  private final Function<? super I, SafeCmd> command;
  private final RunOptions options;

  public CommandItemWriter(CommandExecutor executor, Function<? super I, SafeCmd> command) {
    this(executor, command, RunOptions.defaults());
  }

  public CommandItemWriter(CommandExecutor executor, Function<? super I, SafeCmd> command, RunOptions options) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.command = Objects.requireNonNull(command, "command");
    this.options = Objects.requireNonNull(options, "options");
  }

  @Override
  public void write(Chunk<? extends I> chunk) {
    for (I item : chunk) {
      SafeCmd cmd = Objects.requireNonNull(command.apply(item), "the command function returned null");
      executor.run(cmd, options).requireOk();
    }
  }
}
