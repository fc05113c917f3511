package dev.cuprum.internal.process;

import dev.cuprum.InvalidWorkingDirectoryException;
import dev.cuprum.ProcessStartException;
import dev.cuprum.SafeCmd;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Turns commands into processes: argv as given, never through a shell. */
public final class Launcher {

  /** What a run without stdin input reads: nothing, at once. */
  public static final ProcessBuilder.Redirect EMPTY_STDIN = ProcessBuilder.Redirect.from(
      new File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null"));

  private Launcher() {}

  /**
   * A process builder for a command, with the working directory and environment overlay of the
   * run. Redirects are left to the caller.
   *
   * @throws InvalidWorkingDirectoryException when the working directory is not a directory
   */
  public static ProcessBuilder builder(
      SafeCmd cmd, ProgramPaths programs, @Nullable Path cwd, Map<String, String> envOverlay) {
    String executable = programs.executable(cmd.program()).orElseThrow(() -> new ProcessStartException(cmd.program(),
        new IOException("not found in the absolute directories of the JVM's PATH when the executor resolved it")));
    List<String> argv = new ArrayList<>(cmd.argv().size() + 1);
    argv.add(executable);
    argv.addAll(cmd.argv());
    ProcessBuilder builder = new ProcessBuilder(argv);
    if (cwd != null) {
      if (!Files.isDirectory(cwd)) {
        throw new InvalidWorkingDirectoryException(cwd);
      }
      builder.directory(cwd.toFile());
    }
    if (!envOverlay.isEmpty()) {
      builder.environment().putAll(envOverlay);
    }
    return builder;
  }

  /**
   * Starts a process.
   *
   * @throws ProcessStartException when the operating system refuses
   */
  public static Process start(ProcessLauncher launcher, ProcessBuilder builder, SafeCmd cmd) {
    try {
      return launcher.start(builder);
    } catch (IOException e) {
      throw new ProcessStartException(cmd.program(), e);
    }
  }

  /** The process id, or -1 when the platform gives none. */
  public static long pid(Process process) {
    try {
      return process.pid();
    } catch (UnsupportedOperationException e) {
      return -1;
    }
  }
}
