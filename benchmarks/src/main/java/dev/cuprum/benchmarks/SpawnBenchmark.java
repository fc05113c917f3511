package dev.cuprum.benchmarks;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.LaunchMechanism;
import dev.cuprum.SafeCmd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.PumpStreamHandler;
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
import org.zeroturnaround.exec.ProcessExecutor;

/**
 * Spawn, wait and capture of {@code true}: the fixed cost of one short command. Every side
 * captures stdout and stderr as text and drains them concurrently.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(value = 3, jvmArgsAppend = {Workloads.HEAP_MIN, Workloads.HEAP_MAX, Workloads.NATIVE_ACCESS})
public class SpawnBenchmark {

  static final SafeCmd TRUE = Workloads.command(Workloads.TRUE);
  static final List<String> ARGV = Workloads.argv(TRUE);

  /** What every side returns, so that all of them do the same work. */
  record Output(int exitCode, String stdout, String stderr) {}

  /**
   * The uninstrumented sides. Every benchmark that measures one of them takes this state, so that
   * each fork checks all four before it measures anything.
   */
  @State(Scope.Benchmark)
  public static class Plain {

    final CommandExecutor executor = Workloads.executor();

    @Setup
    public void check() throws Exception {
      CommandResult result = executor.run(TRUE);
      expectSilentSuccess(new Output(result.exitCode(), result.stdout(), result.stderr()), "cuprum");
      RawProcess.Output raw = RawProcess.capture(ARGV);
      expectSilentSuccess(new Output(raw.exitCode(), raw.stdout(), raw.stderr()), "ProcessBuilder");
      expectSilentSuccess(ztExec(), "zt-exec");
      expectSilentSuccess(commonsExec(), "Commons Exec");
    }
  }

  /** Cuprum on the native launcher: posix_spawn through the Foreign Function and Memory API (JDK 22+). */
  @State(Scope.Benchmark)
  public static class Native {

    final CommandExecutor executor = Workloads.executor(LaunchMechanism.NATIVE);

    @Setup
    public void check() {
      Workloads.checkNative(executor);
      CommandResult result = executor.run(TRUE);
      expectSilentSuccess(new Output(result.exitCode(), result.stdout(), result.stderr()), "cuprum (native)");
    }
  }

  @State(Scope.Benchmark)
  public static class Instrumented {

    final Instrumentation instrumentation = new Instrumentation();

    @Setup
    public void check() {
      CommandResult result = instrumentation.executor.run(TRUE);
      expectSilentSuccess(new Output(result.exitCode(), result.stdout(), result.stderr()), "instrumented cuprum");
      instrumentation.checkRecorded(1);
    }

    @TearDown
    public void close() {
      instrumentation.close();
    }
  }

  @Benchmark
  public CommandResult cuprum(Plain state) {
    return state.executor.run(TRUE);
  }

  @Benchmark
  public CommandResult cuprumNative(Native state) {
    return state.executor.run(TRUE);
  }

  @Benchmark
  public CommandResult cuprumInstrumented(Instrumented state) {
    return state.instrumentation.executor.run(TRUE);
  }

  @Benchmark
  public RawProcess.Output processBuilder(Plain state) {
    return RawProcess.capture(ARGV);
  }

  @Benchmark
  public Output ztExec(Plain state) throws IOException, InterruptedException, TimeoutException {
    return ztExec();
  }

  @Benchmark
  public Output commonsExec(Plain state) throws IOException {
    return commonsExec();
  }

  private static Output ztExec() throws IOException, InterruptedException, TimeoutException {
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    var result = new ProcessExecutor().command(ARGV).readOutput(true).redirectError(stderr).execute();
    return new Output(result.getExitValue(), result.outputUTF8(), stderr.toString(UTF_8));
  }

  private static Output commonsExec() throws IOException {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    DefaultExecutor executor = DefaultExecutor.builder().get();
    executor.setStreamHandler(new PumpStreamHandler(stdout, stderr));
    CommandLine line = new CommandLine(ARGV.get(0));
    for (String arg : ARGV.subList(1, ARGV.size())) {
      line.addArgument(arg, false);
    }
    int exitCode = executor.execute(line);
    return new Output(exitCode, stdout.toString(UTF_8), stderr.toString(UTF_8));
  }

  private static void expectSilentSuccess(Output output, String side) {
    Workloads.check(output.exitCode() == 0 && "".equals(output.stdout()) && "".equals(output.stderr()),
        side + " runs true with exit 0 and empty output, got " + output);
  }
}
