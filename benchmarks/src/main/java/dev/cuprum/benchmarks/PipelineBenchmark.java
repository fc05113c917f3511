package dev.cuprum.benchmarks;

import dev.cuprum.CommandExecutor;
import dev.cuprum.LaunchMechanism;
import dev.cuprum.Pipeline;
import dev.cuprum.PipelineResult;
import dev.cuprum.SafeCmd;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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

/**
 * 1 GiB through {@code cat | cat | cat}, fed by {@code head -c 1073741824 /dev/zero} and counted by
 * {@code wc -c}: a Cuprum pipeline against {@code bash -c} running the same pipeline. The stages
 * are connected by pipes between the processes on both sides; only the byte count (and stderr,
 * empty) reaches the JVM, and the count proves that every byte went through.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(value = 3, jvmArgsAppend = {Workloads.HEAP_MIN, Workloads.HEAP_MAX, Workloads.NATIVE_ACCESS})
public class PipelineBenchmark {

  static final List<SafeCmd> STAGES = List.of(
      Workloads.zeros(Workloads.GIB),
      Workloads.command(Workloads.CAT),
      Workloads.command(Workloads.CAT),
      Workloads.command(Workloads.CAT),
      Workloads.command(Workloads.WC, "-c"));
  static final Pipeline PIPELINE = Pipeline.of(STAGES);
  static final List<String> BASH = List.of(Workloads.BASH.name(), "-c",
      STAGES.stream().map(stage -> String.join(" ", stage.argvWithProgram())).collect(Collectors.joining(" | ")));

  @State(Scope.Benchmark)
  public static class CuprumSide {

    final CommandExecutor executor = Workloads.executor(mechanism());

    LaunchMechanism mechanism() {
      return LaunchMechanism.JDK;
    }

    @Setup
    public void check() {
      PipelineResult result = executor.run(PIPELINE);
      expectCount(result.ok(), result.stdout(), "cuprum");
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
  public static class BashSide {

    @Setup
    public void check() {
      RawProcess.Output output = RawProcess.capture(BASH);
      expectCount(output.exitCode() == 0, output.stdout(), "bash");
    }
  }

  @Benchmark
  public PipelineResult cuprum(CuprumSide side) {
    return side.executor.run(PIPELINE);
  }

  @Benchmark
  public PipelineResult cuprumNative(NativeSide side) {
    return side.executor.run(PIPELINE);
  }

  @Benchmark
  public RawProcess.Output bash(BashSide side) {
    return RawProcess.capture(BASH);
  }

  private static void expectCount(boolean ok, String stdout, String side) {
    Workloads.check(ok && stdout != null && stdout.strip().equals(Long.toString(Workloads.GIB)),
        side + " counts " + Workloads.GIB + " bytes at the end of the pipeline, got " + stdout);
  }
}
