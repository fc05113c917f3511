package dev.cuprum.internal.run;

import dev.cuprum.CommandCancelledException;
import dev.cuprum.Termination;
import dev.cuprum.internal.process.IoThreads;
import dev.cuprum.internal.process.OutputChannel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A started command or pipeline: its output streams for the caller, its result from an I/O
 * thread.
 *
 * @param <R> the result: a command's or a pipeline's
 */
public abstract class StartedRun<R> {

  /** The output channels of the run. */
  public interface Channels {

    OutputChannel stdoutChannel();

    OutputChannel stderrChannel();

    /** Frees the pumps of streams nobody reads any more. */
    void release();
  }

  private final List<?> masked;
  private final Channels channels;
  private final RunControl control;
  private final @Nullable OutputStream stdin;
  private final Charset charset;
  private final LongConsumer stdinClosed;
  private final CompletableFuture<R> result = new CompletableFuture<>();

  /**
   * @param masked what the run is, for a cancellation's message: the masked argv, or each stage's
   * @param finish what waits for the result, run on an I/O thread
   * @param stdin the process's stdin, when it was started with {@code StdinInput.pipe()}
   * @param stdinClosed told the byte count when the caller closes stdin
   */
  protected StartedRun(List<?> masked, Channels channels, Supplier<R> finish, RunControl control,
      @Nullable OutputStream stdin, Charset charset, LongConsumer stdinClosed) {
    this.masked = List.copyOf(masked);
    this.channels = channels;
    this.control = control;
    this.stdin = stdin;
    this.charset = charset;
    this.stdinClosed = stdinClosed;
    IoThreads.start(() -> {
      try {
        result.complete(finish.get());
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    });
  }

  public Stream<String> stdoutLines() {
    return lines(stdout());
  }

  public InputStream stdout() {
    return channels.stdoutChannel().take("stdout");
  }

  public Flow.Publisher<String> stdoutPublisher() {
    return new LinePublisher(reader(stdout()));
  }

  protected Stream<String> stderrLines() {
    return lines(stderr());
  }

  protected InputStream stderr() {
    return channels.stderrChannel().take("stderr");
  }

  public OutputStream stdin() {
    if (stdin == null) {
      throw new IllegalStateException("The process was not started with StdinInput.pipe()");
    }
    return new CountingStdin(stdin);
  }

  public CompletableFuture<R> onExit() {
    return result;
  }

  public R await() {
    try {
      return result.get();
    } catch (ExecutionException e) {
      throw CommandRun.asUnchecked(Objects.requireNonNull(e.getCause()));
    } catch (InterruptedException e) {
      cancel();
      Thread.currentThread().interrupt();
      throw new CommandCancelledException(masked, e);
    }
  }

  public void cancel() {
    control.stop(Termination.CANCELLED, null);
  }

  public void close() {
    if (!result.isDone()) {
      cancel();
    }
    channels.release();
    // Cancelling ends the tree within the cancel grace: wait for it, so that nothing outlives close.
    result.handle((ended, failure) -> null).join();
  }

  private BufferedReader reader(InputStream bytes) {
    return new BufferedReader(new InputStreamReader(bytes, charset));
  }

  private Stream<String> lines(InputStream bytes) {
    BufferedReader reader = reader(bytes);
    return reader.lines().onClose(() -> {
      try {
        reader.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** The process's stdin; closing it sends end of input, and the STDIN event with the byte count. */
  private final class CountingStdin extends OutputStream {

    private final OutputStream out;
    private long count;
    private boolean closed;

    CountingStdin(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
      count += length;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      // The event goes before the bytes still buffered here: the process may exit as soon as it
      // has them, and no event follows EXIT.
      stdinClosed.accept(count);
      out.close();
    }
  }
}
