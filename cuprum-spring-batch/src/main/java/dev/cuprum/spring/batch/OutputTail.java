package dev.cuprum.spring.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

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
    for (int i = 0; i < length && ring.length > 0; i++) {
      ring[(int) ((written + i) % ring.length)] = chunk[i];
    }
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
      for (int i = 0; i < kept.length; i++) {
        kept[i] = ring[(int) ((written - kept.length + i) % ring.length)];
      }
    }
    String text;
    try {
      text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(kept)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder never fails", e);
    }
    // The ring may start inside a character.
    boolean cut = written > kept.length;
    return cut && text.startsWith("\uFFFD") ? text.substring(1) : text;
  }
}
