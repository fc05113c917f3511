package dev.cuprum;

import org.jspecify.annotations.Nullable;

/**
 * An argument or setting Cuprum cannot accept, reported where it is given (when a command is
 * built, a context is configured or a batch is submitted) so that nothing runs with it.
 */
public class InvalidArgumentException extends CuprumException {

  private static final long serialVersionUID = 1L;

  public InvalidArgumentException(String message) {
    super(message);
  }

  public InvalidArgumentException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
