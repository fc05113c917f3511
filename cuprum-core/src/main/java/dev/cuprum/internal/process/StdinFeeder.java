package dev.cuprum.internal.process;

import dev.cuprum.internal.events.ExecutionEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a run's stdin payload, or copies its stdin stream, on an I/O thread and closes the pipe, so that a process that
 * reads slowly, late or never cannot block the run. A process that stops reading early is not an
 * error of the run: the failure becomes a STDIN_ERROR event and an error record on logger
 * {@code cuprum.stdin}.
 */
public final class StdinFeeder implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger("cuprum.stdin");
  private static final int CHUNK_SIZE = 64 * 1024;

  private final OutputStream out;
  private final byte @Nullable [] payload;
  private final @Nullable InputStream source;
  private final ExecutionEvents events;
  private final long pid;
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile boolean abandoned;

  /**
   * @param payload the bytes to write, or null to copy {@code source}
   * @param source the stream to copy, which is not closed here; its owner closes it
   */
  public StdinFeeder(
      OutputStream out, byte @Nullable [] payload, @Nullable InputStream source, ExecutionEvents events, long pid) {
    this.out = out;
    this.payload = payload;
    this.source = source;
    this.events = events;
    this.pid = pid;
  }

  /** Starts writing on an I/O thread. */
  public StdinFeeder start() {
    IoThreads.start(out, this);
    return this;
  }

  @Override
  public void run() {
    try {
      long written = write();
      if (written >= 0) {
        events.stdinWritten(written);
      }
      close();
    } finally {
      done.countDown();
    }
  }

  /** Waits until the payload is written and the pipe closed, or the deadline passes. */
  public boolean awaitEnd(long deadline) {
    return Waits.await(done, deadline);
  }

  /**
   * Stops writing and closes the pipe, without waiting. The JDK's stdin stream is buffered and
   * synchronised: while a write is blocked (a descendant that inherited the pipe holds it open and
   * never reads), closing it waits for that write. So the close happens on an I/O thread, which
   * ends with the write, when that reader reads or exits; the run does not wait for it.
   */
  public void abandon() {
    abandoned = true;
    if (done.getCount() == 0) {
      return;
    }
    LOG.debug("Abandoning the stdin of pid {}: a reader holds the pipe open without reading", pid);
    IoThreads.start(out, () -> {
      try {
        out.close();
      } catch (IOException e) {
        LOG.debug("Closing the stdin pipe of pid {} failed", pid, e);
      }
    });
  }

  /** The number of bytes written, or -1 when writing failed or was abandoned. */
  private long write() {
    try {
      long written = 0;
      if (payload != null) {
        for (int offset = 0; offset < payload.length && !abandoned; offset += CHUNK_SIZE) {
          out.write(payload, offset, Math.min(CHUNK_SIZE, payload.length - offset));
        }
        written = payload.length;
      } else if (source != null) {
        byte[] chunk = new byte[CHUNK_SIZE];
        for (int read; !abandoned && (read = readSource(chunk)) >= 0; ) {
          out.write(chunk, 0, read);
          written += read;
        }
      }
      out.flush();
      return abandoned ? -1 : written;
    } catch (IOException e) {
      if (!abandoned && !(e instanceof SourceFailed)) {
        report("write", e);
      }
      return -1;
    }
  }

  /** Reads the source; a failure to read it is reported as such, not as a broken pipe. */
  private int readSource(byte[] chunk) throws IOException {
    try {
      return Objects.requireNonNull(source).read(chunk);
    } catch (IOException e) {
      report("read", e);
      throw new SourceFailed(e);
    }
  }

  /** The source failed: already reported, so not reported again as a failed write. */
  private static final class SourceFailed extends IOException {

    private static final long serialVersionUID = 1L;

    SourceFailed(IOException cause) {
      super(cause);
    }
  }

  private void close() {
    try {
      out.close();
    } catch (IOException e) {
      if (!abandoned) {
        report("close", e);
      }
    }
  }

  private void report(String operation, IOException error) {
    LOG.atError()
        .setMessage("stdin_{}_failed pid={} error={}")
        .addArgument(operation)
        .addArgument(pid)
        .addArgument(error.getClass().getSimpleName())
        .addKeyValue("cuprum.pid", pid)
        .addKeyValue("cuprum.operation", operation)
        .log();
    events.stdinFailed(operation, error);
  }
}
