package dev.cuprum.internal.process;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Turns a byte stream into lines: decodes incrementally (a multibyte character split across
 * reads arrives whole), ends lines at {@code \n}, {@code \r\n} or {@code \r} (a {@code \r\n}
 * split across reads is one terminator), strips the terminator, and emits a final unterminated
 * line at the end. A line longer than the cap is emitted in pieces of about the cap, so memory
 * stays bounded whatever the process writes. A piece never ends inside one of the unsplittable
 * values (the secrets the lines are masked for): it ends before the value, or after it when the
 * value starts the piece, so each piece can be masked on its own.
 *
 * <p>In UTF-8, US-ASCII and ISO-8859-1 with malformed input replaced (the default), a terminator
 * byte is never part of another character, so lines are found in the bytes and each becomes a
 * {@code String} in one step, which for ASCII text is a copy: no decoding into chars and
 * compressing back. A line that may be longer than the cap, and every other charset, goes through
 * the decoder; both ways give the same lines.
 */
final class LineSplitter {

  /** The longest line emitted in one piece, in chars. */
  static final int MAX_LINE_CHARS = 64 * 1024;

  /**
   * The decode buffer's bounds, in chars. It is allocated on first use and sized to the read, up
   * to 8 Ki chars: a larger read is decoded and split in slices, which keeps both steps in the
   * CPU's first-level cache and is markedly faster than one 64 Ki-char pass.
   */
  private static final int MIN_DECODE_CHARS = 64;
  private static final int MAX_DECODE_CHARS = 8 * 1024;

  /** Charsets in which {@code \n} and {@code \r} bytes are always those characters. */
  private static final Set<Charset> BYTEWISE =
      Set.of(StandardCharsets.UTF_8, StandardCharsets.US_ASCII, StandardCharsets.ISO_8859_1);

  private final CharsetDecoder decoder;
  /** The charset lines are made with straight from the bytes, or null when they are decoded. */
  private final @Nullable Charset bytewise;
  private final Consumer<String> lines;
  private final int maxLineChars;
  private final List<String> unsplittable;
  /** How many chars past a cut must be known to tell whether an unsplittable value spans it. */
  private final int lookahead;
  private final StringBuilder partial = new StringBuilder();
  private CharBuffer chars = CharBuffer.allocate(0);
  private byte[] carry = new byte[0];
  /** The start of a line found in the bytes, waiting for its end. */
  private byte[] pending = new byte[0];
  private int pendingLength;
  private boolean skipLineFeed;

  LineSplitter(Charset charset, CodingErrorAction malformedInput, Consumer<String> lines) {
    this(charset, malformedInput, lines, List.of());
  }

  LineSplitter(Charset charset, CodingErrorAction malformedInput, Consumer<String> lines, List<String> unsplittable) {
    this(charset, malformedInput, lines, MAX_LINE_CHARS, unsplittable);
  }

  LineSplitter(
      Charset charset, CodingErrorAction malformedInput, Consumer<String> lines, int maxLineChars,
      List<String> unsplittable) {
    // Line events never fail a run for bad bytes; REPORT applies to the captured text only.
    CodingErrorAction action = malformedInput == CodingErrorAction.REPORT ? CodingErrorAction.REPLACE : malformedInput;
    this.decoder = charset.newDecoder().onMalformedInput(action).onUnmappableCharacter(action);
    this.bytewise = action == CodingErrorAction.REPLACE && BYTEWISE.contains(charset) ? charset : null;
    this.lines = lines;
    this.maxLineChars = maxLineChars;
    this.unsplittable = List.copyOf(unsplittable);
    this.lookahead = this.unsplittable.stream().mapToInt(String::length).max().orElse(1) - 1;
  }

  void feed(byte[] chunk, int offset, int length) {
    // The decoder path keeps a line it started, and the bytes of a character it has not finished.
    if (bytewise != null && carry.length == 0 && partial.length() == 0) {
      feedBytes(bytewise, chunk, offset, offset + length);
    } else {
      feedChars(chunk, offset, length);
    }
  }

  private void feedBytes(Charset charset, byte[] chunk, int from, int end) {
    int i = from;
    if (skipLineFeed && i < end) {
      skipLineFeed = false;
      if (chunk[i] == '\n') {
        i++;
      }
    }
    int lineStart = i;
    for (; i < end; i++) {
      byte b = chunk[i];
      if (b <= '\r' && (b == '\n' || b == '\r')) {
        if (pendingLength + i - lineStart > maxLineChars) {
          // It may have to be cut into pieces, which only the decoder path does.
          handOver(chunk, lineStart, end);
          return;
        }
        emitBytes(charset, chunk, lineStart, i);
        if (b == '\r') {
          if (i + 1 < end) {
            if (chunk[i + 1] == '\n') {
              i++;
            }
          } else {
            skipLineFeed = true;
          }
        }
        lineStart = i + 1;
      }
    }
    if (pendingLength + end - lineStart > maxLineChars) {
      handOver(chunk, lineStart, end);
    } else {
      keep(chunk, lineStart, end);
    }
  }

  private void emitBytes(Charset charset, byte[] chunk, int from, int to) {
    if (pendingLength == 0) {
      emit(new String(chunk, from, to - from, charset));
      return;
    }
    keep(chunk, from, to);
    emit(new String(pending, 0, pendingLength, charset));
    pendingLength = 0;
  }

  private void keep(byte[] chunk, int from, int to) {
    int length = to - from;
    if (pendingLength + length > pending.length) {
      pending = Arrays.copyOf(pending, Math.max(pendingLength + length, 2 * pending.length));
    }
    System.arraycopy(chunk, from, pending, pendingLength, length);
    pendingLength += length;
  }

  /** Gives the pending line and the rest of the chunk to the decoder path. */
  private void handOver(byte[] chunk, int from, int end) {
    keep(chunk, from, end);
    int length = pendingLength;
    pendingLength = 0;
    feedChars(pending, 0, length);
  }

  private void feedChars(byte[] chunk, int offset, int length) {
    ByteBuffer in;
    if (carry.length == 0) {
      in = ByteBuffer.wrap(chunk, offset, length);
    } else {
      byte[] joined = new byte[carry.length + length];
      System.arraycopy(carry, 0, joined, 0, carry.length);
      System.arraycopy(chunk, offset, joined, carry.length, length);
      in = ByteBuffer.wrap(joined);
    }
    decode(in, false);
    carry = new byte[in.remaining()];
    in.get(carry);
  }

  /** Decodes what is left and emits the last line, terminated or not. */
  void finish() {
    if (pendingLength > 0) {
      emit(new String(pending, 0, pendingLength, Objects.requireNonNull(bytewise)));
      pendingLength = 0;
      return;
    }
    decode(ByteBuffer.wrap(carry), true);
    carry = new byte[0];
    chars.clear();
    decoder.flush(chars);
    chars.flip();
    split(chars);
    emitFullPieces(true);
    if (partial.length() > 0) {
      emit(partial.toString());
      partial.setLength(0);
    }
  }

  private void decode(ByteBuffer in, boolean endOfInput) {
    int needed = (int) Math.ceil(in.remaining() * (double) decoder.maxCharsPerByte());
    int wanted = Math.max(MIN_DECODE_CHARS, Math.min(needed, MAX_DECODE_CHARS));
    if (chars.capacity() < wanted) {
      chars = CharBuffer.allocate(wanted);
    }
    while (true) {
      chars.clear();
      CoderResult result = decoder.decode(in, chars, endOfInput);
      chars.flip();
      split(chars);
      if (result.isUnderflow()) {
        return;
      }
    }
  }

  private void split(CharBuffer buffer) {
    char[] array = buffer.array();
    int end = buffer.arrayOffset() + buffer.limit();
    int i = buffer.arrayOffset() + buffer.position();
    if (skipLineFeed && i < end) {
      skipLineFeed = false;
      if (array[i] == '\n') {
        i++;
      }
    }
    int lineStart = i;
    for (; i < end; i++) {
      char c = array[i];
      if (c <= '\r' && (c == '\n' || c == '\r')) {
        endLine(array, lineStart, i);
        if (c == '\r') {
          if (i + 1 < end) {
            if (array[i + 1] == '\n') {
              i++;
            }
          } else {
            skipLineFeed = true;
          }
        }
        lineStart = i + 1;
      }
    }
    partial.append(array, lineStart, end - lineStart);
    emitFullPieces(false);
  }

  private void endLine(char[] array, int from, int to) {
    if (partial.length() == 0 && to - from <= maxLineChars) {
      emit(new String(array, from, to - from));
      return;
    }
    partial.append(array, from, to - from);
    emitFullPieces(true);
    emit(partial.toString());
    partial.setLength(0);
  }

  /**
   * Emits the pending line's leading pieces while it is longer than the cap. Until the line is
   * {@code complete}, enough chars past the cut are kept to see any unsplittable value across it.
   */
  private void emitFullPieces(boolean complete) {
    while (partial.length() > maxLineChars + (complete ? 0 : lookahead)) {
      boolean pairAtCut = maxLineChars > 1 && Character.isHighSurrogate(partial.charAt(maxLineChars - 1));
      int cut = safeCut(pairAtCut ? maxLineChars - 1 : maxLineChars);
      emit(partial.substring(0, cut));
      partial.delete(0, cut);
    }
  }

  /** {@code cut}, moved before any unsplittable value that spans it, or past one that starts the line. */
  private int safeCut(int cut) {
    boolean moved = true;
    while (moved) {
      moved = false;
      for (String value : unsplittable) {
        int at = partial.indexOf(value, Math.max(0, cut - value.length() + 1));
        if (at >= 0 && at < cut) {
          if (at == 0) {
            return value.length();
          }
          cut = at;
          moved = true;
        }
      }
    }
    return cut;
  }

  private void emit(String line) {
    lines.accept(line);
  }
}
