package dev.cuprum;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a command reads on its stdin: text, encoded with the run's charset; bytes, delivered
 * unchanged; a stream, copied while the process runs; or a file, which the process reads itself.
 * The pipe is closed after the last byte, so the process sees end of input. Without a
 * {@code StdinInput} a command reads an empty stdin.
 */
public final class StdinInput {

  private final @Nullable String text;
  private final byte @Nullable [] bytes;
  private final @Nullable InputStream stream;
  private final @Nullable Path file;
  private final boolean pipe;

  private StdinInput(
      @Nullable String text, byte @Nullable [] bytes, @Nullable InputStream stream, @Nullable Path file, boolean pipe) {
    this.text = text;
    this.bytes = bytes;
    this.stream = stream;
    this.file = file;
    this.pipe = pipe;
  }

  private StdinInput(@Nullable String text, byte @Nullable [] bytes) {
    this(text, bytes, null, null, false);
  }

  private static final StdinInput PIPE = new StdinInput(null, null, null, null, true);

  /** Text, encoded with the {@link ExecutionContext#charset()} of the run. */
  public static StdinInput text(String text) {
    return new StdinInput(Objects.requireNonNull(text, "text"), null);
  }

  /** Bytes, delivered exactly as given (the array is copied). */
  public static StdinInput bytes(byte[] bytes) {
    return new StdinInput(null, Objects.requireNonNull(bytes, "bytes").clone());
  }

  /**
   * The bytes of {@code in}, copied to the process while it runs, in chunks, so that an upload of
   * any size never sits in memory whole. Cuprum does not close {@code in}: its owner does, after
   * the run. A stream can be read once, so an input made from one serves one run.
   */
  public static StdinInput stream(InputStream in) {
    return new StdinInput(null, null, Objects.requireNonNull(in, "in"), null, false);
  }

  /**
   * The file's contents, read by the process itself: its stdin is the file (an operating system
   * redirect), so no byte passes through the JVM. A file that cannot be read fails the run before
   * anything starts.
   */
  public static StdinInput file(Path file) {
    return new StdinInput(null, null, null, Objects.requireNonNull(file, "file"), false);
  }

  /**
   * A pipe the caller writes while the process runs, through {@link RunningProcess#stdin()}; only
   * for {@link CommandExecutor#start(SafeCmd, RunOptions)}.
   */
  public static StdinInput pipe() {
    return PIPE;
  }

  /** Whether this is {@link #pipe()}. */
  public boolean isPipe() {
    return pipe;
  }

  /** The stream given to {@link #stream(InputStream)}, or null. */
  public @Nullable InputStream stream() {
    return stream;
  }

  /** The file given to {@link #file(Path)}, or null. */
  public @Nullable Path file() {
    return file;
  }

  /** The text, or null when this input is not text. */
  public @Nullable String text() {
    return text;
  }

  /** A copy of the bytes, or null when this input is not bytes. */
  public byte @Nullable [] bytes() {
    return bytes == null ? null : bytes.clone();
  }

  @Override
  public String toString() {
    if (text != null) {
      return "StdinInput[text, " + text.length() + " chars]";
    }
    if (bytes != null) {
      return "StdinInput[bytes, " + bytes.length + " bytes]";
    }
    if (pipe) {
      return "StdinInput[pipe]";
    }
    return stream != null ? "StdinInput[stream]" : "StdinInput[file " + file + "]";
  }
}
