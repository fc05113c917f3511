package dev.cuprum.spring.batch;

import dev.cuprum.CommandResult;
import dev.cuprum.CuprumException;
import org.springframework.batch.core.ExitStatus;

/**
 * Fails a step whose command's result was mapped to a {@code FAILED} exit status. The message names
 * the command with its secrets masked, the exit code and the end of stderr; {@link #result()} has
 * everything.
 */
public final class CommandStepException extends CuprumException {

  private static final long serialVersionUID = 1L;

  private final transient CommandResult result;
  private final transient ExitStatus exitStatus;

  CommandStepException(String message, CommandResult result, ExitStatus exitStatus) {
    super(message);
    this.result = result;
    this.exitStatus = exitStatus;
  }

  /** The command's result. */
  public CommandResult result() {
    return result;
  }

  /** The exit status the result was mapped to. */
  public ExitStatus exitStatus() {
    return exitStatus;
  }
}
