package dev.cuprum.test;

/**
 * The commands a {@link FakeCommandExecutor} answers with one reply. Without
 * {@link #respond(Reply)}, it answers {@code Reply.exit(0)}.
 */
public interface Expectation {

  /**
   * Expects exactly {@code count} calls: later matching calls go to the next expectation that
   * matches, or are unexpected. Without it, any number of calls is answered and
   * {@link FakeCommandExecutor#verify()} wants at least one.
   *
   * @throws IllegalArgumentException when {@code count} is negative
   */
  Expectation times(int count);

  /** Answers the matching commands with {@code reply}. */
  void respond(Reply reply);
}
