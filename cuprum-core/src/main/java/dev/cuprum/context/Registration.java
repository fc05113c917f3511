package dev.cuprum.context;

/**
 * A change to the current thread's context, undone by {@link #detach()} or {@link #close()}
 * (use try-with-resources). Undoing restores exactly the context that was in force when the
 * registration was made, so nested registrations should be closed innermost first.
 */
public interface Registration extends AutoCloseable {

  /**
   * Restores the context in force before this registration. Idempotent.
   *
   * @throws IllegalStateException when called on another thread than the one that registered
   *     (the registration stays in force and can be detached from its own thread)
   */
  void detach();

  /** Same as {@link #detach()}. */
  @Override
  void close();

  /** The context this registration installed. */
  CuprumContext context();
}
