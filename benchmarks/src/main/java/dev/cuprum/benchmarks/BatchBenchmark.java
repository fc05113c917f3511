package dev.cuprum.benchmarks;

import dev.cuprum.CommandExecutor;
import dev.cuprum.LaunchMechanism;
import dev.cuprum.SafeCmd;
import dev.cuprum.concurrent.ConcurrentConfig;
import dev.cuprum.concurrent.ConcurrentResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * A batch of 400 {@code true}, as many at a time as there are CPUs: {@code runConcurrent} against
 * a fixed thread pool of that size running the hand-written {@link ProcessBuilder} code. Both
 * capture every command's output.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(value = 3, jvmArgsAppend = {Workloads.HEAP_MIN, Workloads.HEAP_MAX, Workloads.NATIVE_ACCESS})
public class BatchBenchmark {

  static final int COMMANDS = 400;
  static final int CONCURRENCY = Runtime.getRuntime().availableProcessors();
  static final List<SafeCmd> BATCH = Collections.nCopies(COMMANDS, SpawnBenchmark.TRUE);
  static final ConcurrentConfig CONFIG = ConcurrentConfig.builder().concurrency(CONCURRENCY).build();

  @State(Scope.Benchmark)
  public static class CuprumSide {

    final CommandExecutor executor = Workloads.executor(mechanism());

    LaunchMechanism mechanism() {
      return LaunchMechanism.JDK;
    }

    @Setup
    public void check() {
      ConcurrentResult result = executor.runConcurrent(BATCH, CONFIG);
      Workloads.check(result.ok() && result.results().size() == COMMANDS
          && result.results().stream().allMatch(run -> "".equals(run.stdout())), "cuprum runs the whole batch");
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

    ExecutorService pool;

    @Setup
    public void start() throws InterruptedException, ExecutionException {
      AtomicInteger sequence = new AtomicInteger();
      pool = Executors.newFixedThreadPool(CONCURRENCY, task -> {
        Thread thread = new Thread(task, "raw-batch-" + sequence.incrementAndGet());
        thread.setDaemon(true);
        return thread;
      });
      List<RawProcess.Output> outputs = run(pool);
      Workloads.check(outputs.size() == COMMANDS
          && outputs.stream().allMatch(output -> output.exitCode() == 0 && output.stdout().isEmpty()),
          "the thread pool runs the whole batch");
    }

    @TearDown
    public void stop() {
      pool.shutdownNow();
    }
  }

  @Benchmark
  public ConcurrentResult cuprum(CuprumSide side) {
    return side.executor.runConcurrent(BATCH, CONFIG);
  }

  @Benchmark
  public ConcurrentResult cuprumNative(NativeSide side) {
    return side.executor.runConcurrent(BATCH, CONFIG);
  }

  @Benchmark
  public List<RawProcess.Output> threadPool(RawSide side) throws InterruptedException, ExecutionException {
    return run(side.pool);
  }

  private static List<RawProcess.Output> run(ExecutorService pool) throws InterruptedException, ExecutionException {
    List<String> argv = SpawnBenchmark.ARGV;
    List<Future<RawProcess.Output>> futures = new ArrayList<>(COMMANDS);
    for (int i = 0; i < COMMANDS; i++) {
      futures.add(pool.submit(() -> RawProcess.capture(argv)));
    }
    List<RawProcess.Output> outputs = new ArrayList<>(COMMANDS);
    for (Future<RawProcess.Output> future : futures) {
      outputs.add(future.get());
    }
    return outputs;
  }
}
