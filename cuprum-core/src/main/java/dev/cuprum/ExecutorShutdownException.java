package dev.cuprum;

/**
 * A run that a shut-down executor refused, or that it ended because it shut down (see
 * {@link CommandExecutor#shutdown(java.time.Duration)}). A refused run started nothing; an ended
 * one had its process tree ended.
 */
public class ExecutorShutdownException extends CuprumException {

  private static final long serialVersionUID = 1L;

  public ExecutorShutdownException(String message) {
    super(message);
  }
}
