package dev.cuprum.sample.hooks;

import dev.cuprum.CuprumException;

/** A command the {@link ArgumentPolicy} refuses; nothing was started. */
public final class CommandRefusedException extends CuprumException {

  private static final long serialVersionUID = 1L;

  public CommandRefusedException(String message) {
    super(message);
  }
}
