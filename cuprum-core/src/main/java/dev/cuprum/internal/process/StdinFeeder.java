package dev.cuprum.internal.process;

import dev.cuprum.internal.events.ExecutionEvents;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a run's stdin payload on an I/O thread and closes the pipe, so that a process that
 * reads slowly, late or never cannot block the run. A process that stops reading early is not an
 * error of the run: the failure becomes a STDIN_ERROR event and an error record on logger
 * {@code cuprum.stdin}.
 */
public final class StdinFeeder implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger("cuprum.stdin");
  private static final int CHUNK_SIZE = 64 * 1024;

  private final OutputStream out;
  private final byte[] payload;
  private final ExecutionEvents events;
  private final long pid;
  private final CountDownLatch done = new CountDownLatch(1);
  private volatile boolean abandoned;

  public StdinFeeder(OutputStream out, byte[] payload, ExecutionEvents events, long pid) {
    this.out = out;
    this.payload = payload;
    this.events = events;
    this.pid = pid;
  }

  /** Starts writing on an I/O thread. */
  public StdinFeeder start() {
    IoThreads.start(this);
    return this;
  }

  @Override
  public void run() {
    try {
      boolean written = write();
      if (written) {
        events.stdinWritten(payload.length);
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
    IoThreads.start(() -> {
      try {
        out.close();
      } catch (IOException e) {
        LOG.debug("Closing the stdin pipe of pid {} failed", pid, e);
      }
    });
  }

  private boolean write() {
    try {
      for (int offset = 0; offset < payload.length && !abandoned; offset += CHUNK_SIZE) {
        out.write(payload, offset, Math.min(CHUNK_SIZE, payload.length - offset));
      }
      out.flush();
      return !abandoned;
    } catch (IOException e) {
      if (!abandoned) {
        report("write", e);
      }
      return false;
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
