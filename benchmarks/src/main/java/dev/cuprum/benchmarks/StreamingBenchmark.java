package dev.cuprum.benchmarks;

import dev.cuprum.CommandExecutor;
import dev.cuprum.RunOptions;
import dev.cuprum.RunningProcess;
import dev.cuprum.SafeCmd;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * 1,000,000 lines of 80 bytes, {@code cat} from a file in the page cache, read while the process
 * runs: through {@code CommandExecutor.start} and {@code stdoutLines()} against a
 * {@code BufferedReader.readLine} loop over the same process. Both sides hand each line to the same
 * {@link LineCount}; neither captures.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(value = 3, jvmArgsAppend = {Workloads.HEAP_MIN, Workloads.HEAP_MAX})
public class StreamingBenchmark {

  static final int LINES = 1_000_000;
  private static final RunOptions STREAMED = RunOptions.builder().capture(false).build();

  @State(Scope.Benchmark)
  public static class Input {

    Path file;
    SafeCmd cat;
    List<String> argv;
    final CommandExecutor executor = Workloads.executor();
    final LineCount cuprumCount = new LineCount();
    final LineCount rawCount = new LineCount();

    @Setup
    public void write() throws IOException {
      file = Files.createTempFile("cuprum-stream-", ".txt");
      String line = Workloads.lineBody();
      try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
        for (int i = 0; i < LINES; i++) {
          writer.write(line);
          writer.write('\n');
        }
      }
      cat = Workloads.command(Workloads.CAT, file);
      argv = Workloads.argv(cat);
      expectAllLines(stream(this), cuprumCount, "cuprum");
      expectAllLines(RawProcess.readLines(argv, rawCount), rawCount, "ProcessBuilder");
    }

    @TearDown
    public void delete() throws IOException {
      Files.deleteIfExists(file);
    }
  }

  @Benchmark
  public int cuprum(Input input) {
    return stream(input);
  }

  @Benchmark
  public int processBuilder(Input input) {
    return RawProcess.readLines(input.argv, input.rawCount);
  }

  private static int stream(Input input) {
    try (RunningProcess process = input.executor.start(input.cat, STREAMED);
        Stream<String> lines = process.stdoutLines()) {
      lines.forEach(input.cuprumCount);
      return process.await().exitCode();
    }
  }

  private static void expectAllLines(int exitCode, LineCount count, String side) {
    Workloads.check(exitCode == 0 && count.lines() == LINES && Workloads.lineBody().equals(count.last()),
        side + " reads " + LINES + " whole lines, read " + count.lines());
    count.reset();
  }
}
