package dev.cuprum;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a command reads on its stdin: text, encoded with the run's charset, or bytes, delivered
 * unchanged. The pipe is closed after the last byte, so the process sees end of input. Without
 * a {@code StdinInput} a command reads an empty stdin.
 */
public final class StdinInput {

  private final @Nullable String text;
  private final byte @Nullable [] bytes;

  private StdinInput(@Nullable String text, byte @Nullable [] bytes) {
    this.text = text;
    this.bytes = bytes;
  }

  /** Text, encoded with the {@link ExecutionContext#charset()} of the run. */
  public static StdinInput text(String text) {
    return new StdinInput(Objects.requireNonNull(text, "text"), null);
  }

  /** Bytes, delivered exactly as given (the array is copied). */
  public static StdinInput bytes(byte[] bytes) {
    return new StdinInput(null, Objects.requireNonNull(bytes, "bytes").clone());
  }

  /** The text, or null when this input is bytes. */
  public @Nullable String text() {
    return text;
  }

  /**
   * The bytes the process will read.
   *
   * @param charset the charset for text input
   * @param unmappable what to do with characters the charset cannot encode
   * @throws InvalidArgumentException when the text cannot be encoded and {@code unmappable} is
   *     {@link CodingErrorAction#REPORT}
   */
  public byte[] encode(Charset charset, CodingErrorAction unmappable) {
    if (bytes != null) {
      return bytes.clone();
    }
    try {
      ByteBuffer encoded = charset.newEncoder()
          .onMalformedInput(unmappable)
          .onUnmappableCharacter(unmappable)
          .encode(CharBuffer.wrap(Objects.requireNonNull(text)));
      byte[] result = new byte[encoded.remaining()];
      encoded.get(result);
      return result;
    } catch (CharacterCodingException e) {
      throw new InvalidArgumentException(
          "Stdin text cannot be encoded as " + charset.name() + ": " + e, e);
    }
  }

  @Override
  public String toString() {
    return text != null
        ? "StdinInput[text, " + text.length() + " chars]"
        : "StdinInput[bytes, " + Objects.requireNonNull(bytes).length + " bytes]";
  }
}
