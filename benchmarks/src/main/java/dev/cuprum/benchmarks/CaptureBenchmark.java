package dev.cuprum.benchmarks;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.LaunchMechanism;
import dev.cuprum.SafeCmd;
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
import org.openjdk.jmh.annotations.Warmup;

/** Capture of 64 MiB of stdout as a string: Cuprum against {@code new String(readAllBytes(), UTF_8)}. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(value = 3, jvmArgsAppend = {Workloads.HEAP_MIN, Workloads.HEAP_MAX, Workloads.NATIVE_ACCESS})
public class CaptureBenchmark {

  static final long BYTES = 64L * Workloads.MIB;
  static final SafeCmd ZEROS = Workloads.zeros(BYTES);
  static final List<String> ARGV = Workloads.argv(ZEROS);

  @State(Scope.Benchmark)
  public static class CuprumSide {

    final CommandExecutor executor = Workloads.executor(mechanism());

    LaunchMechanism mechanism() {
      return LaunchMechanism.JDK;
    }

    @Setup
    public void check() {
      CommandResult result = executor.run(ZEROS);
      expectZeros(result.exitCode(), result.stdout(), "cuprum");
      Workloads.check(!result.truncated(), "cuprum captures 64 MiB without truncating");
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

    @Setup
    public void check() {
      RawProcess.Output output = RawProcess.capture(ARGV);
      expectZeros(output.exitCode(), output.stdout(), "ProcessBuilder");
    }
  }

  @Benchmark
  public CommandResult cuprum(CuprumSide side) {
    return side.executor.run(ZEROS);
  }

  @Benchmark
  public CommandResult cuprumNative(NativeSide side) {
    return side.executor.run(ZEROS);
  }

  @Benchmark
  public RawProcess.Output processBuilder(RawSide side) {
    return RawProcess.capture(ARGV);
  }

  private static void expectZeros(int exitCode, String stdout, String side) {
    Workloads.check(exitCode == 0 && stdout != null && stdout.length() == BYTES && stdout.charAt(0) == '\0'
        && stdout.charAt(stdout.length() - 1) == '\0', side + " captures " + BYTES + " NUL characters");
  }
}
