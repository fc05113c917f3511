package dev.cuprum.spring.batch;

import dev.cuprum.CommandResult;
import java.util.Objects;

/** An item and the result of the command it became, as {@link CommandItemProcessor} passes them on. */
public record CommandItemResult<I>(I item, CommandResult result) {

  public CommandItemResult {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(result, "result");
  }
}
