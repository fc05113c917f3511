package dev.cuprum;

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

  /** A copy of the bytes, or null when this input is text. */
  public byte @Nullable [] bytes() {
    return bytes == null ? null : bytes.clone();
  }

  @Override
  public String toString() {
    return text != null
        ? "StdinInput[text, " + text.length() + " chars]"
        : "StdinInput[bytes, " + Objects.requireNonNull(bytes).length + " bytes]";
  }
}
