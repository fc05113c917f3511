package dev.cuprum.internal.process;

import dev.cuprum.OutputDecodingException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

/**
 * The captured bytes of one stream, up to a limit. Bytes beyond the limit are counted and
 * dropped; the text then ends with a marker saying how many.
 */
final class CaptureBuffer {

  private static final int INITIAL_CAPACITY = 8 * 1024;
  private static final int MAX_ARRAY_SIZE = Integer.MAX_VALUE - 8;

  private final long limit;
  private byte[] bytes = new byte[0];
  private int size;
  private long dropped;

  CaptureBuffer(long limit) {
    this.limit = Math.min(limit, MAX_ARRAY_SIZE);
  }

  synchronized void append(byte[] chunk, int offset, int length) {
    int kept = (int) Math.min(length, limit - size);
    if (kept > 0) {
      ensureCapacity(size + kept);
      System.arraycopy(chunk, offset, bytes, size, kept);
      size += kept;
    }
    dropped += length - Math.max(kept, 0);
  }

  synchronized boolean truncated() {
    return dropped > 0;
  }

  /** The captured bytes decoded in one go, so multibyte characters split across reads stay whole. */
  synchronized String text(Charset charset, CodingErrorAction malformedInput, String stream) {
    String text;
    if (malformedInput == CodingErrorAction.REPLACE) {
      text = new String(bytes, 0, size, charset);
    } else {
      try {
        CharBuffer decoded = charset.newDecoder()
            .onMalformedInput(malformedInput)
            .onUnmappableCharacter(malformedInput)
            .decode(ByteBuffer.wrap(bytes, 0, size));
        text = decoded.toString();
      } catch (CharacterCodingException e) {
        throw new OutputDecodingException(stream, charset, e);
      }
    }
    return dropped == 0 ? text : text + "\n[cuprum: output truncated at " + limit + " bytes, " + dropped
        + " more bytes dropped]";
  }

  private void ensureCapacity(int needed) {
    if (needed > bytes.length) {
      long doubled = Math.max(INITIAL_CAPACITY, (long) bytes.length * 2);
      int capacity = (int) Math.min(Math.max(doubled, needed), limit);
      bytes = Arrays.copyOf(bytes, capacity);
    }
  }
}
