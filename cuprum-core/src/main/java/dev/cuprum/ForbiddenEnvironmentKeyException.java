package dev.cuprum;

/**
 * An environment overlay sets a variable that makes programs load or run other code (such as
 * {@code LD_PRELOAD}, {@code GIT_SSH_COMMAND} or {@code BASH_ENV}) without allowing it by name;
 * nothing was started. The users' guide lists the variables; allow one with
 * {@link ExecutionContext.Builder#allowEnvKeys(String...)} on the run's context or on the
 * executor's default context.
 */
public class ForbiddenEnvironmentKeyException extends InvalidArgumentException {

  private static final long serialVersionUID = 1L;

  private final String key;

  /**
   * @param key the refused variable's name
   * @param message says where the variable was set and how to allow it
   */
  public ForbiddenEnvironmentKeyException(String key, String message) {
    super(message);
    this.key = key;
  }

  /** The refused variable's name. */
  public String key() {
    return key;
  }
}
