package dev.cuprum.test;

import dev.cuprum.CuprumException;

/**
 * A {@link FakeCommandExecutor} was asked to run a command no expectation matches. The message
 * names the command (secrets masked), the closest expectation and every expectation.
 */
public class UnexpectedCommandException extends CuprumException {

  private static final long serialVersionUID = 1L;

  public UnexpectedCommandException(String message) {
    super(message);
  }
}
