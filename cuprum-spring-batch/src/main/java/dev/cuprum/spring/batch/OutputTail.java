package dev.cuprum.spring.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

/**
 * Reads one output stream of a command to its end on a thread of its own, keeping only its last
 * bytes: the command never waits for a reader, and a step never holds more of its command's output
 * than this ring, however much it prints.
 */
final class OutputTail {

  /** Room beyond the kept characters, so that a secret the ring's start cuts is cut away with it. */
  private static final int SECRET_ROOM = 64 * 1024;
  private static final int MOST_BYTES_PER_CHAR = 4;
  private static final int CHUNK = 8192;

  private final byte[] ring;
  private final Thread reader;
  private long written;

  /** Starts reading {@code stream}, keeping enough bytes for its last {@code chars} characters. */
  OutputTail(InputStream stream, int chars, String threadName) {
    this.ring = new byte[chars == 0 ? 0 : chars * MOST_BYTES_PER_CHAR + SECRET_ROOM];
    this.reader = new Thread(() -> readAll(stream), threadName);
    reader.setDaemon(true);
    reader.start();
  }

  private void readAll(InputStream stream) {
    byte[] chunk = new byte[CHUNK];
    try (stream) {
      for (int n = stream.read(chunk); n >= 0; n = stream.read(chunk)) {
        append(chunk, n);
      }
    } catch (IOException ended) {
      // The stream was closed as the run was cancelled or released: what was read is kept.
    }
  }

  private synchronized void append(byte[] chunk, int length) {
    // Only the last ring-full of the chunk matters; it lands in at most two pieces of the ring.
    int skipped = Math.max(0, length - ring.length);
    int at = (int) ((written + skipped) % Math.max(ring.length, 1));
    int first = Math.min(length - skipped, ring.length - at);
    System.arraycopy(chunk, skipped, ring, at, first);
    System.arraycopy(chunk, skipped + first, ring, 0, length - skipped - first);
    written += length;
  }

  /**
   * The end of the text read, after waiting up to {@code millis} for the end of the stream (a
   * descendant may hold it open after the command exited).
   */
  String text(Charset charset, long millis) throws InterruptedException {
    reader.join(Math.max(millis, 1));
    byte[] kept;
    synchronized (this) {
      kept = new byte[(int) Math.min(written, ring.length)];
      int start = (int) ((written - kept.length) % Math.max(ring.length, 1));
      int first = Math.min(kept.length, ring.length - start);
      System.arraycopy(ring, start, kept, 0, first);
      System.arraycopy(ring, 0, kept, first, kept.length - first);
    }
    // Malformed bytes are replaced, as in the run's own output.
    String text = new String(kept, charset);
    // The ring may start inside a character.
    boolean cut = written > kept.length;
    return cut && text.startsWith("\uFFFD") ? text.substring(1) : text;
  }
}
