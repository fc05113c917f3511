package dev.cuprum.internal.run;

import dev.cuprum.InvalidArgumentException;
import dev.cuprum.StdinInput;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The bytes a process reads for a {@link StdinInput}. */
public final class StdinBytes {

  private StdinBytes() {}

  /**
   * The payload of text or bytes, or null when there is none: no input (the process reads an
   * empty stdin), or a stream or a file, which are not read into memory.
   * Text is encoded before anything runs, so an encoding error starts nothing.
   *
   * @param unmappable what to do with characters the charset cannot encode
   * @throws InvalidArgumentException when the text cannot be encoded and {@code unmappable} is
   *     {@link CodingErrorAction#REPORT}
   */
  public static byte @Nullable [] of(@Nullable StdinInput input, Charset charset, CodingErrorAction unmappable) {
    if (input == null || input.stream() != null || input.file() != null || input.isPipe()) {
      return null;
    }
    String text = input.text();
    if (text == null) {
      return Objects.requireNonNull(input.bytes());
    }
    try {
      ByteBuffer encoded = charset.newEncoder()
          .onMalformedInput(unmappable)
          .onUnmappableCharacter(unmappable)
          .encode(CharBuffer.wrap(text));
      byte[] result = new byte[encoded.remaining()];
      encoded.get(result);
      return result;
    } catch (CharacterCodingException e) {
      throw new InvalidArgumentException("Stdin text cannot be encoded as " + charset.name() + ": " + e, e);
    }
  }
}
