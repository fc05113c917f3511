package dev.cuprum;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.stream.Stream;

/**
 * A pipeline started by {@link CommandExecutor#start(Pipeline, RunOptions)}: the last stage's
 * output is read while the stages run, and the first stage's input is written while they run. It
 * behaves as a {@link RunningProcess} does (one taking of stdout, backpressure, cancellation by
 * closing early, the result's capture of what was not taken); each stage's stderr is captured
 * into its result as by {@code run}.
 */
public interface RunningPipeline extends AutoCloseable {

  /** The pipeline that runs. */
  Pipeline pipeline();

  /** The process id of each stage, in stage order; -1 where the platform gives none. */
  List<Long> pids();

  /** The last stage's stdout as lines, pulled as they are read. */
  Stream<String> stdoutLines();

  /** The last stage's stdout as bytes. */
  InputStream stdout();

  /** The last stage's stdout as a demand-driven publisher of lines. */
  Flow.Publisher<String> stdoutPublisher();

  /**
   * The first stage's stdin, when the pipeline was started with {@link StdinInput#pipe()};
   * closing it sends end of input.
   *
   * @throws IllegalStateException when it was started with another stdin
   */
  OutputStream stdin();

  /** The result, once every stage exited; completes exceptionally as {@code run} throws. */
  CompletableFuture<PipelineResult> onExit();

  /**
   * Waits for the result; the run's timeout applies as for {@code run}.
   *
   * @throws TimeoutExpiredException when the timeout ended the stages
   * @throws CommandCancelledException when the run was cancelled, or the waiting thread interrupted
   */
  PipelineResult await();

  /** Ends every stage's process tree ({@link Termination#CANCELLED}). */
  void cancel();

  /** Cancels the run if a stage still runs, and releases the streams. */
  @Override
  void close();
}
