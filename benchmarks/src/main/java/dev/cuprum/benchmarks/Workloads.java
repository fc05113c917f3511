package dev.cuprum.benchmarks;

import dev.cuprum.CommandExecutor;
import dev.cuprum.LaunchMechanism;
import dev.cuprum.ExecutionContext;
import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.ProjectSettings;
import dev.cuprum.RunOptions;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import java.io.OutputStream;
import java.util.List;

/** The programs, commands and options the benchmarks share, so that both sides of a comparison run the same thing. */
final class Workloads {

  static final Program TRUE = Program.of("true");
  static final Program HEAD = Program.of("head");
  static final Program CAT = Program.of("cat");
  static final Program WC = Program.of("wc");
  static final Program BASH = Program.of("bash");
  static final Program SLEEP = Program.of("sleep");

  static final ProgramCatalogue CATALOGUE = ProgramCatalogue.of(
      ProjectSettings.builder("benchmarks").programs(TRUE, HEAD, CAT, WC, BASH, SLEEP).build());

  /**
   * The heap of every benchmark JVM, fixed so that heap resizing never lands inside a measurement:
   * the 64 MiB captures allocate about 200 MB per operation on either side.
   */
  static final String HEAP_MIN = "-Xms2g";
  static final String HEAP_MAX = "-Xmx2g";
  /** Lets the native launcher run without the JDK's warning; JDK 17 accepts the flag too. */
  static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

  static final int MIB = 1024 * 1024;
  static final long GIB = 1024L * MIB;

  /** Bytes per generated line, terminator included. */
  static final int LINE_BYTES = 80;

  /**
   * Runs that stream output without keeping it: nothing captured, echo into sinks that drop
   * everything. Line events need a pipe, and with neither capture nor echo Cuprum sends output to
   * the null device, so echo is what keeps the pipe.
   */
  static final RunOptions STREAM_ONLY = RunOptions.builder()
      .capture(false)
      .echo(true)
      .context(ExecutionContext.builder()
          .stdoutSink(OutputStream.nullOutputStream())
          .stderrSink(OutputStream.nullOutputStream())
          .build())
      .build();

  private Workloads() {}

  static SafeCmd command(Program program, Object... args) {
    return Sh.make(program, CATALOGUE).args(args);
  }

  /** An executor as a service would build it without instrumentation. */
  /** An executor on the JDK's launcher, the one every JDK has. */
  static CommandExecutor executor() {
    return executor(LaunchMechanism.JDK);
  }

  static CommandExecutor executor(LaunchMechanism mechanism) {
    return CommandExecutor.builder().catalogue(CATALOGUE).launchMechanism(mechanism).build();
  }

  /** {@code head -c <bytes> /dev/zero}: that many NUL bytes on stdout. */
  static SafeCmd zeros(long bytes) {
    return command(HEAD, "-c", bytes, "/dev/zero");
  }

  /** The argv of a command as a plain list, for the code that does not use Cuprum. */
  static List<String> argv(SafeCmd cmd) {
    return cmd.argvWithProgram();
  }

  /** One 80-byte line body (79 printable ASCII characters); a line is this plus {@code \n}. */
  static String lineBody() {
    StringBuilder line = new StringBuilder(LINE_BYTES - 1);
    for (int i = 0; i < LINE_BYTES - 1; i++) {
      line.append((char) ('!' + i % 94));
    }
    return line.toString();
  }

  /** Fails the benchmark when a self-check does not hold, so a broken benchmark never reports a score. */
  /** Fails the run unless the executor starts its processes natively (JDK 22 and later on Linux). */
  static void checkNative(CommandExecutor executor) {
    check(executor.launcher().startsWith("native:"), "the native side runs on the native launcher, which needs "
        + "JDK 22 or later on Linux; this executor has " + executor.launcher());
  }

  static void check(boolean condition, String expectation) {
    if (!condition) {
      throw new IllegalStateException("Benchmark self-check failed: " + expectation);
    }
  }
}
