package dev.cuprum.benchmarks.report;

/** The part of the report that says what each benchmark runs; it changes only with the benchmarks. */
final class Descriptions {

  static final String TEXT = """
      ## What each benchmark runs

      The sources are in `benchmarks/src/main/java/dev/cuprum/benchmarks`. Every benchmark checks in
      its setup that each side does the work in full (exit codes, byte and line counts), so a broken
      side fails the run instead of reporting a score.

      1. `SpawnBenchmark`: `true`, spawned, waited for and captured. `cuprum` runs it through an
         executor without instrumentation, with the defaults (capture on, stdin from the null
         device). `processBuilder` is careful hand-written code: stdin from the null device, stdout
         read on the calling thread while stderr is drained on a pooled thread, both decoded as
         UTF-8. `ztExec` (zt-exec, `readOutput(true)`, stderr into a buffer) and `commonsExec`
         (Commons Exec `DefaultExecutor` with a `PumpStreamHandler` into two buffers) capture both
         streams too. Every Cuprum side of the suite runs on the JDK's launcher
         (`LaunchMechanism.JDK`) unless its name says otherwise: `cuprumNative` is `cuprum` on the
         native launcher (`posix_spawn` through the Foreign Function and Memory API, pipes served
         by one poller thread, pumps on virtual threads), run only on JDK 22 and later. The JMH
         forks get `--enable-native-access=ALL-UNNAMED`.
      2. `SpawnBenchmark.cuprumInstrumented`: the same through an executor with an
         `ObservationRegistry` that has the Micrometer meter handler (timers into a
         `SimpleMeterRegistry`) and the tracing handler (the OpenTelemetry SDK through the
         Micrometer bridge, every span sampled, ended spans counted instead of exported), the
         `MetricsHook`, and the `LoggingHook` at INFO into a logback appender that drops events.
      3. `CaptureBenchmark`: `head -c 67108864 /dev/zero`, captured as a string: Cuprum's capture
         (64 MiB is below the default 128 MiB limit) against `new String(readAllBytes(), UTF_8)`
         with stderr drained alongside.
      4. `LineEventsBenchmark`: `cat` of a file of 1,000,000 lines of 80 bytes (in the page cache).
         `cuprum` delivers every line as a STDOUT event to one observe hook, capturing nothing and
         echoing into a null sink (the echo keeps the pipe; without capture or echo the output
         goes to the null device). `processBuilder` reads the same process with
         `BufferedReader.readLine`. Both hand each line to the same counter.
      5. `PipelineBenchmark`: `head -c 1073741824 /dev/zero | cat | cat | cat | wc -c`, as a Cuprum
         `Pipeline` (capture on) against `bash -c` running the same text. On both sides the stages
         are joined by pipes between the processes, so the 1 GiB never enters the JVM; the byte
         count that `wc` prints proves it all went through. Single-shot time: one pipeline per
         iteration.
      6. `BatchBenchmark`: 400 × `true` with as many at a time as there are CPUs: `runConcurrent`
         with that concurrency on the default task executor against a fixed thread pool of that
         size running the `processBuilder` code of scenario 1, both capturing every output.
      7. `ResourceCheck` (not a JMH benchmark): see "Memory and threads" above.
      """;

  private Descriptions() {}
}
