package dev.cuprum;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.stream.Stream;

/**
 * A process started by {@link CommandExecutor#start(SafeCmd, RunOptions)}, whose output is read
 * while it runs. Everything else holds as for {@code run}: allowlist, hooks, events, observations,
 * metrics, masking of events, the timeout and cancellation ending the whole tree.
 *
 * <p>Each output stream is taken once, as lines, bytes or a publisher; a second taking throws
 * {@link IllegalStateException}. Until a stream is taken, its output is held up to the run's
 * capture limit ({@link ExecutionContext#maxCaptureBytes()}) and then the program waits; once
 * taken, the reader sets the pace: while nothing reads, the pipe fills and the program waits. A
 * stream not taken by the time the process exits is captured into the result as by {@code run}
 * when {@link RunOptions#capture()} is on, and discarded otherwise; a taken stream's text is not in
 * the result, it was the reader's. Both streams come to the JVM whatever capture and echo say,
 * unless they go to a file. Closing a taken stream before its end
 * cancels the run: the process tree is ended ({@link Termination#CANCELLED}).
 *
 * <p>Close the handle when done, with try-with-resources: a process still running is cancelled and
 * the streams are released.
 */
public interface RunningProcess extends AutoCloseable {

  /** The process id, or -1 when the platform gives none. */
  long pid();

  /** The command that runs. */
  SafeCmd command();

  /** Stdout as lines, decoded with the run's charset, without terminators, pulled as they are read. */
  Stream<String> stdoutLines();

  /** Stdout as bytes. */
  InputStream stdout();

  /**
   * Stdout as a demand-driven publisher of lines for reactive consumers (Reactor adapts it with
   * {@code JdkFlowAdapter}): lines are read as they are requested; cancelling the subscription
   * before the end cancels the run.
   */
  Flow.Publisher<String> stdoutPublisher();

  /** Stderr as lines. */
  Stream<String> stderrLines();

  /** Stderr as bytes. */
  InputStream stderr();

  /**
   * The process's stdin, when it was started with {@link StdinInput#pipe()}: what is written goes
   * to the process; closing it sends end of input.
   *
   * @throws IllegalStateException when the run was started with another stdin
   */
  OutputStream stdin();

  /**
   * The result, once the process exited and the output not taken ended; completes exceptionally
   * as {@code run} throws ({@link TimeoutExpiredException}, {@link CommandCancelledException}...).
   */
  CompletableFuture<CommandResult> onExit();

  /**
   * Waits for the result; the run's timeout applies as for {@code run}.
   *
   * @throws TimeoutExpiredException when the timeout ended the process
   * @throws CommandCancelledException when the run was cancelled, or the waiting thread interrupted
   */
  CommandResult await();

  /** Ends the process tree: SIGTERM, the cancel grace, then SIGKILL ({@link Termination#CANCELLED}). */
  void cancel();

  /** Cancels the run if the process still runs, and releases the streams. */
  @Override
  void close();
}
