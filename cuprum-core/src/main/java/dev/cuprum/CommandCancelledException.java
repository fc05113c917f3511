package dev.cuprum;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A run that was cancelled: its thread was interrupted, its future cancelled, or a hook failed
 * while it ran. By the time this is thrown the process and its descendants have been ended.
 */
public class CommandCancelledException extends CuprumException {

  private static final long serialVersionUID = 1L;

  private final List<?> command;

  /**
   * @param command the masked argv with program, or for a pipeline one such list per stage
   * @param cause what caused the cancellation, when it was not an interruption
   */
  public CommandCancelledException(List<?> command, @Nullable Throwable cause) {
    this("Command " + command + " was cancelled", command, cause);
  }

  /**
   * @param message what was cancelled
   * @param command the masked argv with program, or one such list per command or stage
   * @param cause what caused the cancellation, when it was not an interruption
   */
  public CommandCancelledException(String message, List<?> command, @Nullable Throwable cause) {
    super(message, cause);
    this.command = List.copyOf(command);
  }

  /** The argv with program (secrets masked), or for a pipeline one such list per stage. */
  public List<?> command() {
    return command;
  }
}
