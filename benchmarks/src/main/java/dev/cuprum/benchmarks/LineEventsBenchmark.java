package dev.cuprum.benchmarks;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.LaunchMechanism;
import dev.cuprum.SafeCmd;
import dev.cuprum.context.ExecHook;
import dev.cuprum.events.ExecEvent;
import dev.cuprum.events.ExecPhase;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 1,000,000 lines of 80 bytes, {@code cat} from a file in the page cache: as STDOUT events through
 * one observe hook (nothing captured, echo into a null sink) against a {@code BufferedReader.readLine}
 * loop over the same process. Both sides hand each line to the same {@link LineCount}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(value = 3, jvmArgsAppend = {Workloads.HEAP_MIN, Workloads.HEAP_MAX, Workloads.NATIVE_ACCESS})
public class LineEventsBenchmark {

  static final int LINES = 1_000_000;

  @State(Scope.Benchmark)
  public static class Input {

    Path file;
    SafeCmd cat;
    List<String> argv;

    @Setup
    public void write() throws IOException {
      file = Files.createTempFile("cuprum-lines-", ".txt");
      String line = Workloads.lineBody();
      try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
        for (int i = 0; i < LINES; i++) {
          writer.write(line);
          writer.write('\n');
        }
      }
      Workloads.check(Files.size(file) == (long) LINES * Workloads.LINE_BYTES, "the input has 80-byte lines");
      cat = Workloads.command(Workloads.CAT, file);
      argv = Workloads.argv(cat);
    }

    @TearDown
    public void delete() throws IOException {
      Files.deleteIfExists(file);
    }
  }

  @State(Scope.Benchmark)
  public static class CuprumSide {

    final LineCount count = new LineCount();
    final CommandExecutor executor = executor(count, mechanism());

    LaunchMechanism mechanism() {
      return LaunchMechanism.JDK;
    }

    @Setup
    public void check(Input input) {
      CommandResult result = executor.run(input.cat, Workloads.STREAM_ONLY);
      expectAllLines(result.exitCode(), count, "cuprum");
      Workloads.check(result.stdout() == null, "cuprum captures nothing");
    }

    private static CommandExecutor executor(LineCount count, LaunchMechanism mechanism) {
      return CommandExecutor.builder().catalogue(Workloads.CATALOGUE).launchMechanism(mechanism)
          .observeHook(new LineHook(count)).build();
    }
  }

  /** The same on the native launcher (JDK 22 and later). */
  @State(Scope.Benchmark)
  public static class NativeSide extends CuprumSide {

    @Override
    LaunchMechanism mechanism() {
      return LaunchMechanism.NATIVE;
    }

    @Setup
    public void checkLauncher() {
      Workloads.checkNative(executor);
    }
  }

  @State(Scope.Benchmark)
  public static class RawSide {

    final LineCount count = new LineCount();

    @Setup
    public void check(Input input) {
      expectAllLines(RawProcess.readLines(input.argv, count), count, "ProcessBuilder");
    }
  }

  @Benchmark
  public CommandResult cuprum(Input input, CuprumSide side) {
    return side.executor.run(input.cat, Workloads.STREAM_ONLY);
  }

  @Benchmark
  public CommandResult cuprumNative(Input input, NativeSide side) {
    return side.executor.run(input.cat, Workloads.STREAM_ONLY);
  }

  @Benchmark
  public int processBuilder(Input input, RawSide side) {
    return RawProcess.readLines(input.argv, side.count);
  }

  private static void expectAllLines(int exitCode, LineCount count, String side) {
    Workloads.check(exitCode == 0 && count.lines() == LINES && Workloads.lineBody().equals(count.last()),
        side + " sees " + LINES + " whole lines, saw " + count.lines());
    count.reset();
  }

  /** The observe hook: hands each stdout line to the count and ignores every other event. */
  static final class LineHook implements ExecHook {

    private final LineCount count;

    LineHook(LineCount count) {
      this.count = count;
    }

    @Override
    public void onEvent(ExecEvent event) {
      if (event.phase() == ExecPhase.STDOUT) {
        count.accept(event.line());
      }
    }
  }
}
