package dev.cuprum.internal.run;

import dev.cuprum.InvalidArgumentException;
import dev.cuprum.RunOptions;
import dev.cuprum.StdinInput;
import dev.cuprum.internal.process.Launcher;
import java.io.InputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where a run's standard streams go, from its options: pipes the JVM pumps, files the process
 * reads or writes itself, or nothing.
 *
 * @param input the stdin redirect
 * @param payload the bytes to write to a stdin pipe, or null
 * @param source the stream to copy to a stdin pipe, or null
 * @param output the stdout redirect; {@link Redirect#PIPE} when the JVM reads it
 * @param error the stderr redirect; {@link Redirect#PIPE} when the JVM reads it
 * @param mergeError whether stderr joins stdout ({@link ProcessBuilder#redirectErrorStream})
 */
public record Stdio(
    Redirect input, byte @Nullable [] payload, @Nullable InputStream source, Redirect output, Redirect error,
    boolean mergeError) {

  /**
   * The plan for a run's options.
   *
   * @param payload the encoded text or bytes of the options' stdin, or null
   * @param streaming whether a caller may take the output while the process runs: then output
   *     that goes to no file comes to the JVM, whatever capture and echo say
   * @throws InvalidArgumentException when a stdin file cannot be read
   */
  public static Stdio of(RunOptions options, byte @Nullable [] payload, boolean streaming) {
    StdinInput stdin = options.stdin();
    Path stdinFile = stdin == null ? null : stdin.file();
    InputStream source = stdin == null ? null : stdin.stream();
    Redirect input;
    if (stdinFile != null) {
      if (!Files.isReadable(stdinFile) || Files.isDirectory(stdinFile)) {
        throw new InvalidArgumentException("StdinInput.file " + stdinFile + " is not a readable file");
      }
      input = Redirect.from(stdinFile.toFile());
    } else if (stdin != null && stdin.isPipe()) {
      input = Redirect.PIPE;
    } else {
      input = payload == null && source == null ? Launcher.EMPTY_STDIN : Redirect.PIPE;
    }
    boolean piped = options.capture() || options.echo() || streaming;
    Redirect output = redirect(options.stdoutFile(), options.append(), piped);
    Redirect error = options.mergeStderr() ? Redirect.PIPE : redirect(options.stderrFile(), options.append(), piped);
    return new Stdio(input, payload, source, output, error, options.mergeStderr());
  }

  private static Redirect redirect(@Nullable Path file, boolean append, boolean piped) {
    if (file != null) {
      return append ? Redirect.appendTo(file.toFile()) : Redirect.to(file.toFile());
    }
    return piped ? Redirect.PIPE : Redirect.DISCARD;
  }

  /** Sets the redirects on a process builder. */
  public void applyTo(ProcessBuilder builder) {
    builder.redirectInput(input);
    builder.redirectOutput(output);
    if (mergeError) {
      builder.redirectErrorStream(true);
    } else {
      builder.redirectError(error);
    }
  }

  /** Whether the JVM writes the process's stdin. */
  public boolean feedsStdin() {
    return payload != null || source != null;
  }

  /** Whether the JVM reads the process's stdout. */
  public boolean pumpsOutput() {
    return output == Redirect.PIPE;
  }

  /** Whether the JVM reads the process's stderr on a stream of its own. */
  public boolean pumpsError() {
    return !mergeError && error == Redirect.PIPE;
  }
}
