package dev.cuprum.internal.process;

import dev.cuprum.CuprumException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one output stream of a process to its end, feeding each chunk to the capture buffer, the
 * echo sink and the line splitter, whichever the run wants. Reads start at 8 KiB and move to
 * 64 KiB once a read fills the chunk: most commands print little, and a 64 KiB array for each
 * stream of each run costs a short command more than the rest of the pumping.
 *
 * <p>The run waits for the end of the stream for a bounded time after the process exits; if a
 * descendant still holds the pipe then, the pump is abandoned: its stream is closed and whatever
 * it reads later is dropped.
 */
public final class StreamPump implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger("cuprum.runtime");
  private static final int FIRST_CHUNK_SIZE = 8 * 1024;
  private static final int CHUNK_SIZE = 64 * 1024;

  private final InputStream in;
  private final String name;
  private final @Nullable CaptureBuffer capture;
  private final @Nullable LineSplitter lines;
  /** The lines of the current read, handed to the line sink together once the read is split. */
  private final List<String> readLines = new ArrayList<>();
  private final @Nullable Consumer<List<String>> lineSink;
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile @Nullable OutputStream echo;
  private volatile boolean abandoned;
  private volatile @Nullable IOException failure;
  private volatile @Nullable OutputChannel channel;

  private StreamPump(
      InputStream in, String name, long captureLimit, @Nullable OutputStream echo, Charset charset,
      CodingErrorAction malformedInput, @Nullable Consumer<List<String>> lineSink, List<String> unsplittable) {
    this.in = in;
    this.name = name;
    this.capture = captureLimit > 0 ? new CaptureBuffer(captureLimit) : null;
    this.echo = echo;
    this.lineSink = lineSink;
    this.lines = lineSink == null ? null : new LineSplitter(charset, malformedInput, readLines::add, unsplittable);
  }

  /**
   * A pump for one stream.
   *
   * @param name {@code stdout} or {@code stderr}, for messages
   * @param captureLimit the capture limit, or 0 not to capture
   * @param echo where to copy the bytes, or null
   * @param lineSink where to send decoded lines, those of one read together (the list is reused
   *     once the sink returns), or null for no line splitting
   * @param unsplittable values a long line is never cut inside of: the secrets its lines are
   *     masked for, which must reach the sink whole to be masked
   */
  public static StreamPump of(
      InputStream in, String name, long captureLimit, @Nullable OutputStream echo, Charset charset,
      CodingErrorAction malformedInput, @Nullable Consumer<List<String>> lineSink, List<String> unsplittable) {
    return new StreamPump(in, name, captureLimit, echo, charset, malformedInput, lineSink, unsplittable);
  }

  /** Hands the bytes to {@code channel} too, for a caller who takes the stream; set before {@link #start}. */
  public StreamPump into(OutputChannel channel) {
    this.channel = channel;
    return this;
  }

  /** Starts pumping on an I/O thread. */
  public StreamPump start() {
    IoThreads.start(in, this);
    return this;
  }

  @Override
  public void run() {
    byte[] chunk = new byte[FIRST_CHUNK_SIZE];
    try {
      int read;
      while ((read = in.read(chunk)) >= 0 && !abandoned) {
        if (capture != null) {
          capture.append(chunk, 0, read);
        }
        echo(chunk, read);
        // Events first: a reader that sees a line has had its event sent, so none comes after EXIT.
        if (lines != null) {
          lines.feed(chunk, 0, read);
          sendLines();
        }
        OutputChannel taker = channel;
        if (taker != null) {
          taker.write(chunk, read);
        }
        if (read == chunk.length && chunk.length < CHUNK_SIZE) {
          chunk = new byte[CHUNK_SIZE];
        }
      }
      if (lines != null && !abandoned) {
        lines.finish();
        sendLines();
      }
    } catch (IOException e) {
      if (!abandoned) {
        failure = e;
      }
    } finally {
      closeQuietly();
      OutputChannel taker = channel;
      if (taker != null) {
        taker.end();
      }
      done.countDown();
    }
  }

  /**
   * Waits until the stream ends or the deadline passes.
   *
   * @param deadline a {@link System#nanoTime()} value
   * @return whether the stream ended
   */
  public boolean awaitEnd(long deadline) {
    return Waits.await(done, deadline);
  }

  /** Stops caring about the stream: closes it and drops whatever the pump still reads. */
  public void abandon() {
    abandoned = true;
    closeQuietly();
    OutputChannel taker = channel;
    if (taker != null) {
      taker.end();
    }
  }

  /** The captured text, or null when the pump does not capture. */
  public @Nullable String text(Charset charset, CodingErrorAction malformedInput) {
    return capture == null ? null : capture.text(charset, malformedInput, name);
  }

  /** Whether the capture limit was reached. */
  public boolean truncated() {
    return capture != null && capture.truncated();
  }

  /** Throws the read error that ended a pump early, if there was one. */
  public static void throwIfFailed(@Nullable StreamPump pump) {
    IOException failure = pump == null ? null : pump.failure;
    if (failure != null) {
      throw new CuprumException("Reading the " + pump.name + " of the process failed: " + failure, failure);
    }
  }

  private void sendLines() {
    if (!readLines.isEmpty()) {
      Objects.requireNonNull(lineSink).accept(readLines);
      readLines.clear();
    }
  }

  private void echo(byte[] chunk, int length) {
    OutputStream sink = echo;
    if (sink == null) {
      return;
    }
    try {
      sink.write(chunk, 0, length);
      sink.flush();
    } catch (IOException e) {
      echo = null;
      LOG.warn("cuprum.echo_failed stream={} error={}; echo of this stream stops, capture goes on", name, e.toString());
    }
  }

  private void closeQuietly() {
    try {
      in.close();
    } catch (IOException e) {
      LOG.debug("Closing the {} pipe failed", name, e);
    }
  }
}
