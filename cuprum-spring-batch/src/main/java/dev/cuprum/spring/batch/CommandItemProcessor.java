package dev.cuprum.spring.batch;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.NonZeroExitException;
import dev.cuprum.RunOptions;
import dev.cuprum.SafeCmd;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Runs one command per item of a chunk step and passes the item on with the command's result. A
 * command that exits non-zero throws {@link NonZeroExitException} (its message masks secrets), so
 * the step's skip and retry policies decide what happens to the item: skip it with
 * {@code skip(NonZeroExitException.class)}, retry it with {@code retry(...)}. A function that
 * returns null filters the item out without running anything.
 */
public final class CommandItemProcessor<I> implements ItemProcessor<I, CommandItemResult<I>> {

  private final CommandExecutor executor;
  private final Function<? super I, @Nullable SafeCmd> command;
  private final RunOptions options;

  public CommandItemProcessor(CommandExecutor executor, Function<? super I, @Nullable SafeCmd> command) {
    this(executor, command, RunOptions.defaults());
  }

  public CommandItemProcessor(CommandExecutor executor, Function<? super I, @Nullable SafeCmd> command,
      RunOptions options) {
    this.executor = Objects.requireNonNull(executor, "executor");
    this.command = Objects.requireNonNull(command, "command");
    this.options = Objects.requireNonNull(options, "options");
  }

  @Override
  public @Nullable CommandItemResult<I> process(I item) {
    SafeCmd cmd = command.apply(item);
    if (cmd == null) {
      return null;
    }
    CommandResult result = executor.run(cmd, options).requireOk();
    return new CommandItemResult<>(item, result);
  }
}
