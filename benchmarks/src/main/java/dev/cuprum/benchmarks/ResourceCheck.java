package dev.cuprum.benchmarks;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.LaunchMechanism;
import dev.cuprum.RunOptions;
import dev.cuprum.SafeCmd;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * What a run costs in memory and threads, each figure measured in a JVM of its own so that no
 * earlier work (pooled threads, a grown heap) blurs it:
 *
 * <ul>
 *   <li>heap: 1 GiB of stdout under {@code -Xmx64m} with {@code capture=false}: sent to the null
 *       device by the operating system (Cuprum's default without capture or echo), echoed through
 *       the JVM into a null sink, or split into 80-byte-line events for one hook; peak and
 *       retained heap from GC notifications ({@link HeapWatch});
 *   <li>threads: {@value #CONCURRENT_COMMANDS} commands running at once on caller threads started
 *       beforehand; every thread that appears while they run is counted and named;
 *   <li>on JDK 22 and later, the same on the native launcher, and {@value #MANY_COMMANDS} commands
 *       printing a line a second for three seconds, all at once through {@code runAsync} on
 *       virtual threads and the native launcher: the peak of platform threads the JVM added.
 * </ul>
 *
 * <p>{@code ResourceCheck <output.json>} runs every check and writes their results as a JSON
 * array; a check that fails its self-check or runs out of memory fails the whole run.
 */
public final class ResourceCheck {

  static final String HEAP_LIMIT = "-Xmx64m";
  /** The most heap a streaming run may use under {@link #HEAP_LIMIT}. */
  static final long HEAP_GOAL_BYTES = 32L * Workloads.MIB;
  /** The checks, in the order they run and report. */
  public static final List<String> CHECKS = List.of(
      "heap-discard", "heap-echo", "heap-lines", "threads-capture", "threads-no-capture", "threads-raw",
      "threads-native", "threads-native-1000");
  /** The checks of the native launcher, which needs JDK 22 or later. */
  public static final List<String> NATIVE_CHECKS = List.of("threads-native", "threads-native-1000");
  static final int CONCURRENT_COMMANDS = 8;
  static final int MANY_COMMANDS = 1_000;
  /** The most platform threads {@value #MANY_COMMANDS} native runs at once may add. */
  public static final int MANY_COMMANDS_THREAD_GOAL = 16;

  private static final long STREAMED_BYTES = Workloads.GIB;
  private static final long SLEEP_SECONDS = 2;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ResourceCheck() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("--check")) {
      System.out.println(JSON.writeValueAsString(check(args[1])));
      return;
    }
    if (args.length != 1) {
      System.err.println("usage: ResourceCheck <output.json>");
      System.exit(2);
    }
    ArrayNode results = JSON.createArrayNode();
    for (String check : CHECKS) {
      if (Runtime.version().feature() >= 22 || !NATIVE_CHECKS.contains(check)) {
        results.add(JSON.readTree(runIsolated(check)));
      }
    }
    JSON.writerWithDefaultPrettyPrinter().writeValue(Path.of(args[0]).toFile(), results);
  }

  /** Runs one check in a new JVM and returns the JSON object it printed last. */
  private static String runIsolated(String check) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    if (check.startsWith("heap-")) {
      command.add(HEAP_LIMIT);
    }
    if (NATIVE_CHECKS.contains(check)) {
      command.add(Workloads.NATIVE_ACCESS);
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), ResourceCheck.class.getName(), "--check", check));
    System.out.println("# Resource check " + check + ": " + String.join(" ", command.subList(1, command.size() - 5)));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    int exitCode = process.waitFor();
    String last = output.substring(output.lastIndexOf('\n') + 1);
    if (exitCode != 0 || !last.startsWith("{")) {
      throw new IllegalStateException("Resource check " + check + " failed with exit code " + exitCode + ": " + output);
    }
    System.out.println(last);
    return last;
  }

  private static Map<String, Object> check(String name) throws Exception {
    return switch (name) {
      case "heap-discard" -> heap(name, Workloads.zeros(STREAMED_BYTES), RunOptions.builder().capture(false).build(),
          null);
      case "heap-echo" -> heap(name, Workloads.zeros(STREAMED_BYTES), Workloads.STREAM_ONLY, null);
      case "heap-lines" -> heap(name, Workloads.command(Workloads.BASH, "-c",
          "yes '" + Workloads.lineBody().replace("'", "'\\''") + "' | head -c " + STREAMED_BYTES),
          Workloads.STREAM_ONLY, new LineCount());
      case "threads-capture" -> threads(name, RunOptions.defaults());
      case "threads-no-capture" -> threads(name, RunOptions.builder().capture(false).build());
      case "threads-raw" -> threads(name, null);
      case "threads-native" -> threads(name, RunOptions.defaults(), Workloads.executor(LaunchMechanism.NATIVE));
      case "threads-native-1000" -> manyNativeCommands(name);
      default -> throw new IllegalArgumentException("No resource check " + name);
    };
  }

  private static Map<String, Object> heap(String name, SafeCmd cmd, RunOptions options, @Nullable LineCount lines) {
    CommandExecutor.Builder builder = CommandExecutor.builder().catalogue(Workloads.CATALOGUE)
        .launchMechanism(LaunchMechanism.JDK);
    if (lines != null) {
      builder.observeHook(new LineEventsBenchmark.LineHook(lines));
    }
    CommandExecutor executor = builder.build();
    CommandResult result;
    long nanos;
    HeapWatch heap = new HeapWatch();
    try (heap) {
      long start = System.nanoTime();
      result = executor.run(cmd, options);
      nanos = System.nanoTime() - start;
    }
    Workloads.check(result.exitCode() == 0 && result.stdout() == null, name + " streams to the end, capturing nothing");
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("check", name);
    json.put("echo", options.echo());
    json.put("lineEvents", lines != null);
    json.put("heapLimitBytes", Runtime.getRuntime().maxMemory());
    json.put("heapGoalBytes", HEAP_GOAL_BYTES);
    json.put("collectors", ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", ")));
    json.put("streamedBytes", STREAMED_BYTES);
    if (lines != null) {
      long expected = (STREAMED_BYTES + Workloads.LINE_BYTES - 1) / Workloads.LINE_BYTES;
      Workloads.check(lines.lines() == expected, name + " sees " + expected + " lines, saw " + lines.lines());
      json.put("lines", lines.lines());
    }
    json.put("seconds", nanos / 1e9);
    json.put("baselineHeapBytes", heap.baseline());
    json.put("peakHeapBytes", heap.peakUsed());
    json.put("peakRetainedHeapBytes", heap.peakRetained());
    json.put("collections", heap.collections());
    return json;
  }

  /**
   * Starts {@value #CONCURRENT_COMMANDS} {@code sleep} commands at once, each on a caller thread
   * that exists beforehand, and names every thread that appears while they run.
   *
   * @param options the Cuprum run options, or null for the hand-written {@link ProcessBuilder} code
   */
  private static Map<String, Object> threads(String name, @Nullable RunOptions options) throws Exception {
    return threads(name, options, Workloads.executor());
  }

  private static Map<String, Object> threads(String name, @Nullable RunOptions options, CommandExecutor executor)
      throws Exception {
    Workloads.check(!name.contains("native") || executor.launcher().startsWith("native:"),
        name + " runs on the native launcher, not on " + executor.launcher());
    ThreadPoolExecutor callers = (ThreadPoolExecutor) Executors.newFixedThreadPool(CONCURRENT_COMMANDS);
    callers.prestartAllCoreThreads();
    SafeCmd sleep = Workloads.command(Workloads.SLEEP, SLEEP_SECONDS);
    List<String> argv = Workloads.argv(sleep);
    Callable<Integer> run = options == null
        ? () -> RawProcess.capture(argv).exitCode()
        : () -> executor.run(sleep, options).exitCode();

    Set<Long> before = liveThreadIds();
    List<Future<Integer>> runs = new ArrayList<>();
    for (int i = 0; i < CONCURRENT_COMMANDS; i++) {
      runs.add(callers.submit(run));
    }
    awaitTrue(() -> ProcessHandle.current().children().count() == CONCURRENT_COMMANDS);
    Map<String, Integer> added = settledNewThreads(before);
    for (Future<Integer> future : runs) {
      Workloads.check(future.get() == 0, name + ": sleep exits 0");
    }
    callers.shutdown();

    int total = added.values().stream().mapToInt(Integer::intValue).sum();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("check", name);
    json.put("commands", CONCURRENT_COMMANDS);
    json.put("threadsAdded", total);
    json.put("threadsPerCommand", total / (double) CONCURRENT_COMMANDS);
    json.put("threadKinds", added.entrySet().stream().map(kind -> kind.getKey() + " x" + kind.getValue())
        .collect(Collectors.joining(", ")));
    return json;
  }

  /**
   * {@value #MANY_COMMANDS} captured commands at once through {@code runAsync} on virtual threads,
   * each printing a line a second for three seconds, on the native launcher: the peak number of
   * platform threads the JVM added while they ran, from the JMX thread count.
   */
  private static Map<String, Object> manyNativeCommands(String name) throws Exception {
    // The benchmarks compile for Java 17: the JDK 21 factory is found at run time.
    ExecutorService virtualThreads =
        (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    CommandExecutor executor = CommandExecutor.builder().catalogue(Workloads.CATALOGUE)
        .launchMechanism(LaunchMechanism.NATIVE).taskExecutor(virtualThreads).build();
    Workloads.check(executor.launcher().startsWith("native:"), name + " runs on the native launcher");
    executor.run(Workloads.command(Workloads.TRUE));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int before = threads.getThreadCount();
    threads.resetPeakThreadCount();
    long start = System.nanoTime();
    List<CompletableFuture<CommandResult>> runs = new ArrayList<>(MANY_COMMANDS);
    for (int i = 0; i < MANY_COMMANDS; i++) {
      runs.add(executor.runAsync(Workloads.command(Workloads.BASH, "-c",
          "for n in 1 2 3; do echo \"$0 line $n\"; sleep 1; done", i), RunOptions.defaults()));
    }
    CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    long nanos = System.nanoTime() - start;
    int added = threads.getPeakThreadCount() - before;
    for (int i = 0; i < MANY_COMMANDS; i++) {
      CommandResult result = runs.get(i).join();
      Workloads.check(result.exitCode() == 0 && result.stdout().equals(i + " line 1\n" + i + " line 2\n" + i + " line 3\n"),
          name + ": command " + i + " prints its three lines, got " + result);
    }
    virtualThreads.shutdown();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("check", name);
    json.put("commands", MANY_COMMANDS);
    json.put("threadsAdded", added);
    json.put("threadsPerCommand", added / (double) MANY_COMMANDS);
    json.put("threadKinds", "peak of the JMX thread count over " + String.format(Locale.ROOT, "%.1f s", nanos / 1e9)
        + ", goal at most " + MANY_COMMANDS_THREAD_GOAL);
    return json;
  }

  private static Set<Long> liveThreadIds() {
    Set<Long> ids = new HashSet<>();
    for (long id : ManagementFactory.getThreadMXBean().getAllThreadIds()) {
      ids.add(id);
    }
    return ids;
  }

  /** The threads started since {@code before}, by kind, once their number has stopped changing. */
  private static Map<String, Integer> settledNewThreads(Set<Long> before) throws InterruptedException {
    Map<String, Integer> previous = Map.of();
    long stableSince = System.nanoTime();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SLEEP_SECONDS) / 2;
    while (System.nanoTime() < deadline) {
      Map<String, Integer> now = new TreeMap<>();
      long[] ids = ManagementFactory.getThreadMXBean().getAllThreadIds();
      for (ThreadInfo info : ManagementFactory.getThreadMXBean().getThreadInfo(ids)) {
        if (info != null && !before.contains(info.getThreadId())) {
          now.merge(kind(info.getThreadName()), 1, Integer::sum);
        }
      }
      if (!now.equals(previous)) {
        previous = now;
        stableSince = System.nanoTime();
      } else if (System.nanoTime() - stableSince > TimeUnit.MILLISECONDS.toNanos(300)) {
        return now;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("The thread count did not settle while the commands ran: " + previous);
  }

  private static String kind(String threadName) {
    String[] kinds = {"cuprum-io", "process reaper", "raw-drain"};
    return Arrays.stream(kinds).filter(threadName::startsWith).findFirst().orElse(threadName);
  }

  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SLEEP_SECONDS) / 2;
    while (!condition.getAsBoolean()) {
      Workloads.check(System.nanoTime() < deadline, "the commands start within " + SLEEP_SECONDS / 2.0 + " s");
      Thread.sleep(5);
    }
  }
}
