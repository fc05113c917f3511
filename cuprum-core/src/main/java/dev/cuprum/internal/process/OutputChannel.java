package dev.cuprum.internal.process;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;

/**
 * One output stream of a started process, handed from its pump to the caller who takes it. Until
 * it is taken, the pump buffers up to a limit (the run's capture limit) and then waits, so that the
 * program waits too; once taken, the pump keeps at most a small window ahead of the reader, so
 * that a reader who does not read holds the program back instead of filling memory. When the
 * process has exited and the stream was not taken, the channel stops holding the pump back: it
 * keeps what fits under the limit, for a late taker, and drops the rest.
 */
public final class OutputChannel {

  /** How far the pump may run ahead of a reader that took the stream. */
  static final int WINDOW = 64 * 1024;

  private enum State { PENDING, TAKEN, RELEASED, CLOSED }

  private final long limit;
  private final Runnable onEarlyClose;
  private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
  private long buffered;
  private State state = State.PENDING;
  private boolean ended;
  private boolean taken;
  private int headOffset;

  /**
   * @param limit the most bytes held for a stream nobody took yet
   * @param onEarlyClose what a reader's close before the end of the stream does: ends the run
   */
  public OutputChannel(long limit, Runnable onEarlyClose) {
    this.limit = Math.max(limit, 1);
    this.onEarlyClose = onEarlyClose;
  }

  /** The pump's side: holds the bytes for the reader, waiting while the reader is behind. */
  synchronized void write(byte[] chunk, int length) throws InterruptedIOException {
    while (state == State.PENDING && buffered >= limit || state == State.TAKEN && buffered >= WINDOW) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while the reader was behind");
      }
    }
    if (state == State.CLOSED || state == State.RELEASED && buffered >= limit) {
      return;
    }
    chunks.add(Arrays.copyOf(chunk, length));
    buffered += length;
    notifyAll();
  }

  /** The pump's side: the stream ended, or the pump was abandoned. */
  synchronized void end() {
    ended = true;
    notifyAll();
  }

  /**
   * The process exited: a stream nobody took no longer holds the pump back. Returns whether the
   * stream was taken, in which case the reader reads on at its own pace.
   */
  public synchronized boolean release() {
    if (state == State.PENDING) {
      state = State.RELEASED;
      notifyAll();
    }
    return taken;
  }

  /** Whether a caller took the stream. */
  public synchronized boolean isTaken() {
    return taken;
  }

  /**
   * Takes the stream: what is held, then what the process writes, until its end.
   *
   * @throws IllegalStateException when it was taken already
   */
  public synchronized InputStream take(String name) {
    if (taken) {
      throw new IllegalStateException("The " + name + " of this process was taken already: a stream is read once, "
          + "as lines, bytes or a publisher");
    }
    taken = true;
    if (state == State.PENDING) {
      state = State.TAKEN;
    }
    notifyAll();
    return new Reader();
  }

  /** Drops what is held and whatever comes, without ending the run: the handle is being closed. */
  public synchronized void discard() {
    state = State.CLOSED;
    chunks.clear();
    buffered = 0;
    notifyAll();
  }

  private synchronized int read(byte[] target, int offset, int length) throws InterruptedIOException {
    if (length == 0) {
      return 0;
    }
    while (chunks.isEmpty() && !ended && state != State.CLOSED) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting for output");
      }
    }
    if (chunks.isEmpty()) {
      return -1;
    }
    byte[] head = chunks.peekFirst();
    int count = Math.min(length, head.length - headOffset);
    System.arraycopy(head, headOffset, target, offset, count);
    headOffset += count;
    if (headOffset == head.length) {
      chunks.removeFirst();
      headOffset = 0;
    }
    buffered -= count;
    notifyAll();
    return count;
  }

  private synchronized boolean endedAndEmpty() {
    return ended && chunks.isEmpty();
  }

  /** The taker's stream. Closing it before the end of the output ends the run. */
  private final class Reader extends InputStream {

    private boolean closed;

    @Override
    public int read() throws InterruptedIOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws InterruptedIOException {
      Objects.checkFromIndexSize(offset, length, target.length);
      return closed ? -1 : OutputChannel.this.read(target, offset, length);
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      boolean early = !endedAndEmpty();
      discard();
      if (early) {
        onEarlyClose.run();
      }
    }
  }
}
