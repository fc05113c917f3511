package dev.cuprum.benchmarks.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import dev.cuprum.benchmarks.ResourceCheck;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the JSON that JMH and {@code ResourceCheck} wrote for one run of {@code scripts/bench.sh}.
 *
 * <ul>
 *   <li>{@code Report check --jmh FILE --resources FILE}: fails unless every benchmark and every
 *       resource check produced a result (the smoke run);
 *   <li>{@code Report write --jmh FILE --resources FILE --out FILE [--mode M] [--started DATE]
 *       [--finished DATE] [--commit SHA] [--load FILE] [--notes FILE]}: the same check, then
 *       writes the Markdown report. {@code --load} names a file of load-average samples, one
 *       {@code time 1min 5min 15min} line each, the first taken before the run and the last after.
 * </ul>
 */
public final class Report {

  /** Every benchmark of the suite; a run that lacks one is incomplete. */
  static final List<String> BENCHMARKS = List.of(
      "SpawnBenchmark.cuprum", "SpawnBenchmark.processBuilder", "SpawnBenchmark.ztExec", "SpawnBenchmark.commonsExec",
      "SpawnBenchmark.cuprumNative", "SpawnBenchmark.cuprumInstrumented", "CaptureBenchmark.cuprum",
      "CaptureBenchmark.cuprumNative", "CaptureBenchmark.processBuilder", "LineEventsBenchmark.cuprum",
      "LineEventsBenchmark.cuprumNative", "LineEventsBenchmark.processBuilder", "PipelineBenchmark.cuprum",
      "PipelineBenchmark.cuprumNative", "PipelineBenchmark.bash", "BatchBenchmark.cuprum",
      "BatchBenchmark.cuprumNative", "BatchBenchmark.threadPool");

  /** Scenario 1 on the native launcher, which {@code scripts/bench.sh} (like every {@code cuprumNative}) runs on JDK 22+ only. */
  static final String NATIVE = "SpawnBenchmark.cuprumNative";
  private static final String NOT_MEASURED = "not measured, the native launcher needs JDK 22 or later";
  /** The native launcher's bound against the C baseline of scenario 1. */
  static final double NATIVE_OVER_C_LIMIT = 1.30;

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final double MIB = 1024 * 1024;

  private final Map<String, Score> scores;
  private final List<JsonNode> resources;
  private final Map<String, String> options;
  /** Microseconds per command of each round of the C baseline of scenario 1, or null without one. */
  private final double @Nullable [] cSpawn;

  private Report(Map<String, Score> scores, List<JsonNode> resources, Map<String, String> options,
      double @Nullable [] cSpawn) {
    this.scores = scores;
    this.resources = resources;
    this.options = options;
    this.cSpawn = cSpawn;
  }

  public static void main(String[] args) throws IOException {
    if (args.length == 0 || args.length % 2 == 0 || !Set.of("check", "write").contains(args[0])) {
      System.err.println("usage: Report check|write --jmh FILE --resources FILE [--out FILE] [--mode M] "
          + "[--c-spawn FILE] [--started DATE] [--finished DATE] [--commit SHA] [--load FILE] [--notes FILE]");
      System.exit(2);
    }
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    Map<String, Score> scores = Score.read(JSON.readTree(Files.readString(Path.of(require(options, "jmh")))));
    List<JsonNode> resources = new ArrayList<>();
    JSON.readTree(Files.readString(Path.of(require(options, "resources")))).forEach(resources::add);
    double[] cSpawn = null;
    if (options.containsKey("c-spawn")) {
      cSpawn = Files.readAllLines(Path.of(options.get("c-spawn"))).stream().map(String::strip)
          .filter(line -> !line.isEmpty()).mapToDouble(Double::parseDouble).toArray();
    }
    Report report = new Report(scores, resources, options, cSpawn);

    List<String> problems = report.problems();
    System.out.print(report.summary());
    int checks = report.expected().size() + report.expectedChecks().size();
    System.out.println(args[0] + ": " + (checks - problems.size()) + " passed, " + problems.size() + " failed");
    if (!problems.isEmpty()) {
      problems.forEach(problem -> System.err.println("FAIL: " + problem));
      System.exit(1);
    }
    if (args[0].equals("write")) {
      Path out = Path.of(require(options, "out"));
      Files.writeString(out, report.markdown(), StandardCharsets.UTF_8);
      System.out.println("Wrote " + out);
    }
  }

  private static String require(Map<String, String> options, String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  /** The benchmarks this run must have: all of them, but the native launcher's before JDK 22. */
  List<String> expected() {
    return BENCHMARKS.stream().filter(benchmark -> nativeLauncher() || !benchmark.endsWith(".cuprumNative")).toList();
  }

  /** The resource checks this run must have: all of them, but the native launcher's before JDK 22. */
  List<String> expectedChecks() {
    return ResourceCheck.CHECKS.stream()
        .filter(check -> nativeLauncher() || !ResourceCheck.NATIVE_CHECKS.contains(check)).toList();
  }

  /** Whether the run's JDK has the native launcher: 22 or later. */
  private boolean nativeLauncher() {
    JsonNode first = JSON.readTree(readJmh()).path(0);
    return Integer.parseInt(first.path("jdkVersion").asString("0").split("[.+-]")[0]) >= 22;
  }

  private String readJmh() {
    try {
      return Files.readString(Path.of(require(options, "jmh")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What keeps the run from counting: a missing or unusable benchmark or resource check. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (String benchmark : expected()) {
      Score score = scores.get(benchmark);
      if (score == null) {
        problems.add(benchmark + " has no result");
      } else if (!score.valid()) {
        problems.add(benchmark + " has no usable score: " + score.mean());
      }
    }
    if (cSpawn != null && (cSpawn.length == 0 || Arrays.stream(cSpawn).anyMatch(us -> !(us > 0)))) {
      problems.add("the C baseline of scenario 1 has no usable result");
    }
    Set<String> found = resources.stream().map(check -> check.path("check").asString())
        .collect(Collectors.toCollection(LinkedHashSet::new));
    for (String check : expectedChecks()) {
      if (!found.contains(check)) {
        problems.add("resource check " + check + " has no result");
      }
    }
    return problems;
  }

  /** The scores and ratios as plain text, for the console. */
  String summary() {
    StringBuilder text = new StringBuilder();
    for (String benchmark : BENCHMARKS) {
      Score score = scores.get(benchmark);
      if (score != null) {
        text.append(String.format(Locale.ROOT, "%-36s %12s ± %-10s median %12s %s%n", benchmark, number(score.mean()),
            number(score.error()), number(score.median()), score.unit()));
      }
    }
    for (Goal goal : Goal.ALL) {
      Boolean met = goal.met(scores);
      text.append(String.format(Locale.ROOT, "%-36s vs %-32s %s %s: %s%n", goal.cuprum(), goal.baseline(),
          ratio(goal.ratio(scores)), goal.bound(), met == null ? "n/a" : met ? "met" : "MISSED"));
    }
    for (JsonNode check : resources) {
      text.append(check.path("check").asString()).append(": ");
      if (check.has("peakHeapBytes")) {
        text.append(String.format(Locale.ROOT, "peak heap %.1f MiB, retained %.1f MiB, %.1f s%n",
            check.path("peakHeapBytes").asLong() / MIB, check.path("peakRetainedHeapBytes").asLong() / MIB,
            check.path("seconds").asDouble()));
      } else {
        text.append(String.format(Locale.ROOT, "%.2f threads per running command (%s)%n",
            check.path("threadsPerCommand").asDouble(), check.path("threadKinds").asString()));
      }
    }
    return text.toString();
  }

  String markdown() throws IOException {
    Machine machine = Machine.current();
    JsonNode jmh = JSON.readTree(Files.readString(Path.of(require(options, "jmh")))).path(0);
    StringBuilder md = new StringBuilder();
    md.append("# Benchmarks\n\n");
    md.append("Cuprum against hand-written `ProcessBuilder` code, zt-exec, Apache Commons Exec and the shell. ")
        .append("Every figure below comes from one run of `scripts/bench.sh ").append(options.getOrDefault("mode", "full"))
        .append("`, which wrote this file; rerun it to update the file, and do not edit it by hand. ")
        .append("Both sides of every comparison ran in the same JMH run, one after the other, ")
        .append("each in JVMs of its own.\n\n");

    md.append("## Machine and run\n\n");
    md.append("| | |\n| --- | --- |\n");
    row(md, "CPU", machine.cpu() + ", " + machine.cores() + " cores available to the JVM"
        + (machine.virtual() ? ", in a virtual machine" : ""));
    row(md, "Memory", machine.memory());
    row(md, "OS", machine.os());
    row(md, "Kernel", machine.kernel());
    row(md, "JDK", jmh.path("vmName").asString() + " " + jmh.path("vmVersion").asString() + " (Java "
        + jmh.path("jdkVersion").asString() + ")");
    row(md, "JMH", jmh.path("jmhVersion").asString());
    row(md, "Date", options.getOrDefault("started", "unknown") + " to " + options.getOrDefault("finished", "unknown"));
    if (options.containsKey("commit")) {
      row(md, "Commit measured", "`" + options.get("commit") + "`");
    }
    row(md, "Load average", loadAverage());
    Map<String, List<String>> settings = new LinkedHashMap<>();
    for (String benchmark : BENCHMARKS) {
      Score score = scores.get(benchmark);
      if (score != null) {
        String kind = (score.mode().equals("ss") ? "single shot" : "average time") + ", " + score.settings();
        settings.computeIfAbsent(kind, key -> new ArrayList<>()).add(benchmark.substring(0, benchmark.indexOf('.')));
      }
    }
    settings.forEach((kind, classes) -> row(md, "JMH settings",
        kind + " (" + String.join(", ", new LinkedHashSet<>(classes)) + ")"));
    md.append('\n');
    md.append("The machine is shared: other work running at the same time shows in the load average and widens ")
        .append("the errors. The JMH fork itself keeps about one core busy, and more while processes run.\n\n");

    md.append("## Goals\n\n");
    md.append("Ratios of the medians of the iteration scores. For scenarios 1 and 2 the ratio is Cuprum's time ")
        .append("over the baseline's (lower is better); for 3 to 6 it is Cuprum's throughput over the baseline's, ")
        .append("that is the baseline's time over Cuprum's (higher is better). \"Within noise\" means the two ")
        .append("sides' 99.9% confidence intervals overlap.\n\n");
    md.append("| Scenario | Cuprum | Baseline | Cuprum median | Baseline median | Ratio | Ratio of means | Goal | Result |\n");
    md.append("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
    List<String> expected = expected();
    for (Goal goal : Goal.ALL) {
      if (!expected.contains(goal.cuprum())) {
        continue;
      }
      Score ours = scores.get(goal.cuprum());
      Score theirs = scores.get(goal.baseline());
      Boolean met = goal.met(scores);
      String result = met == null ? "no result" : met ? "met" : "**missed**";
      if (met != null && goal.overlapping(scores)) {
        result += " (within noise)";
      }
      md.append("| ").append(goal.scenario().replace("|", "\\|"))
          .append(" | `").append(goal.cuprum()).append("` | `").append(goal.baseline())
          .append("` | ").append(ours == null ? "" : number(ours.median()) + " " + ours.unit())
          .append(" | ").append(theirs == null ? "" : number(theirs.median()) + " " + theirs.unit())
          .append(" | ").append(ratio(goal.ratio(scores)))
          .append(" | ").append(ratio(goal.meanRatio(scores)))
          .append(" | ").append(goal.measure()).append(' ').append(goal.bound())
          .append(" | ").append(result).append(" |\n");
    }
    md.append('\n');
    cBaseline(md);
    memoryGoal(md);

    md.append("## Scores\n\n");
    md.append("Time per operation. Error is half the 99.9% confidence interval of the mean, as JMH reports it.\n\n");
    md.append("| Benchmark | Mode | Iterations | Mean | Error | Median | Min | Max | Unit |\n");
    md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
    for (String benchmark : expected) {
      Score score = scores.get(benchmark);
      if (score == null) {
        md.append("| `").append(benchmark).append("` | | | no result | | | | | |\n");
        continue;
      }
      md.append("| `").append(benchmark).append("` | ").append(score.mode())
          .append(" | ").append(score.iterations().length)
          .append(" | ").append(number(score.mean()))
          .append(" | ± ").append(number(score.error()))
          .append(" | ").append(number(score.median()))
          .append(" | ").append(number(score.min()))
          .append(" | ").append(number(score.max()))
          .append(" | ").append(score.unit()).append(" |\n");
    }
    md.append('\n');

    resourcesSection(md);
    md.append(Descriptions.TEXT);
    String notes = options.get("notes");
    if (notes != null && Files.exists(Path.of(notes))) {
      md.append('\n').append(Files.readString(Path.of(notes), StandardCharsets.UTF_8).strip()).append('\n');
    }
    return md.toString();
  }

  /** Scenario 1's floor on this machine: the same work in C, and how far the JVM's spawns are above it. */
  private void cBaseline(StringBuilder md) {
    if (cSpawn == null || cSpawn.length == 0) {
      return;
    }
    double[] sorted = cSpawn.clone();
    Arrays.sort(sorted);
    double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    md.append("Scenario 1 in C, the floor on this machine: `posix_spawn` of `/bin/true` with stdout on a pipe ")
        .append("read to its end, then `waitpid` (`benchmarks/src/main/c/spawn-true.c`, built by `scripts/bench.sh` ")
        .append("with the system `cc -O2`, run right after JMH): median ").append(number(median)).append(" us per ")
        .append("command over ").append(sorted.length).append(" rounds (").append(number(sorted[0])).append(" to ")
        .append(number(sorted[sorted.length - 1])).append(" us).");
    for (String benchmark : List.of("SpawnBenchmark.processBuilder", "SpawnBenchmark.cuprum", NATIVE)) {
      Score score = scores.get(benchmark);
      if (score != null && score.unit().equals("us/op")) {
        md.append(" `").append(benchmark).append("` takes ").append(ratio(score.median() / median)).append(" that.");
      }
    }
    Score nativeScore = scores.get(NATIVE);
    md.append(String.format(Locale.ROOT, " Goal of the native launcher: at most %.2f× the C figure: ", NATIVE_OVER_C_LIMIT));
    if (!nativeLauncher()) {
      md.append(NOT_MEASURED).append('.');
    } else if (nativeScore == null || !nativeScore.unit().equals("us/op")) {
      md.append("no result.");
    } else {
      md.append(nativeScore.median() / median <= NATIVE_OVER_C_LIMIT ? "met." : "**missed**.");
    }
    md.append("\n\n");
  }

  private void memoryGoal(StringBuilder md) {
    md.append("Scenario 7, memory: 1 GiB of stdout with `capture=false` under `-Xmx64m` must complete with the ")
        .append("peak heap use below 32 MiB.\n\n");
    md.append("| Check | Output | Completed | Peak heap | Retained peak | Goal | Result |\n")
        .append("| --- | --- | --- | ---: | ---: | ---: | --- |\n");
    for (JsonNode check : resources) {
      if (!check.has("peakHeapBytes")) {
        continue;
      }
      long peak = check.path("peakHeapBytes").asLong();
      long goal = check.path("heapGoalBytes").asLong();
      boolean lines = check.path("lineEvents").asBoolean();
      md.append("| `").append(check.path("check").asString()).append("` | ").append(output(check))
          .append(" | yes, ").append(String.format(Locale.ROOT, "%.2f s", check.path("seconds").asDouble()))
          .append(" | ").append(mib(peak))
          .append(" | ").append(mib(check.path("peakRetainedHeapBytes").asLong()))
          .append(" | ").append(lines ? "none" : "peak < " + mib(goal))
          .append(" | ").append(lines ? "reported only" : peak < goal ? "met" : "**missed**").append(" |\n");
    }
    md.append('\n');
    md.append("The line-event check goes beyond the scenario: 13.4 million lines become 13.4 million strings, ")
        .append("so its peak before a collection measures how much garbage G1 lets the young generation ")
        .append("hold under a 64 MiB heap rather than what Cuprum keeps; what Cuprum keeps is the retained ")
        .append("peak (the largest heap use after a collection).\n\n");
  }

  private static String output(JsonNode check) {
    return check.path("lineEvents").asBoolean() ? "line events to one hook, echo into a null sink"
        : check.path("echo").asBoolean() ? "echo through the JVM into a null sink" : "null device, no pipe";
  }

  private void resourcesSection(StringBuilder md) {
    md.append("## Memory and threads\n\n");
    md.append("Each check runs in a JVM of its own (`ResourceCheck`). Heap figures come from GC notifications: ")
        .append("the peak is the largest heap use before any collection (or at the end, when larger), the ")
        .append("retained peak the largest use after one. The JVM's own baseline is included.\n\n");
    md.append("| Check | Output | Heap limit | Streamed | Time | Baseline heap | Peak heap | Retained peak | ")
        .append("Collections | Collectors |\n");
    md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
    for (JsonNode check : resources) {
      if (!check.has("peakHeapBytes")) {
        continue;
      }
      md.append("| `").append(check.path("check").asString()).append("` | ").append(output(check))
          .append(" | ").append(mib(check.path("heapLimitBytes").asLong()))
          .append(" | ").append(mib(check.path("streamedBytes").asLong()))
          .append(" | ").append(String.format(Locale.ROOT, "%.2f s", check.path("seconds").asDouble()))
          .append(" | ").append(mib(check.path("baselineHeapBytes").asLong()))
          .append(" | ").append(mib(check.path("peakHeapBytes").asLong()))
          .append(" | ").append(mib(check.path("peakRetainedHeapBytes").asLong()))
          .append(" | ").append(check.path("collections").asLong())
          .append(" | ").append(check.path("collectors").asString()).append(" |\n");
    }
    md.append('\n');
    md.append("Platform threads per running command: commands running at once on caller threads that existed ")
        .append("before, counting every thread that appeared while they ran. The JDK starts one `process reaper` ")
        .append("thread per running process whatever the library.\n\n");
    md.append("| Check | Side | Commands | Threads added | Per command | Threads |\n");
    md.append("| --- | --- | ---: | ---: | ---: | --- |\n");
    for (JsonNode check : resources) {
      if (!check.has("threadsPerCommand")) {
        continue;
      }
      String name = check.path("check").asString();
      String side = switch (name) {
        case "threads-capture" -> "Cuprum, capture on (the default)";
        case "threads-no-capture" -> "Cuprum, `capture=false`";
        case "threads-raw" -> "`ProcessBuilder`, stdout read on the caller, stderr drained on a pooled thread";
        case "threads-native" -> "Cuprum on the native launcher, capture on";
        case "threads-native-1000" -> "Cuprum on the native launcher, capture on, `runAsync` on virtual threads, "
            + "each command printing a line a second for 3 s";
        default -> name;
      };
      md.append("| `").append(name).append("` | ").append(side)
          .append(" | ").append(check.path("commands").asInt())
          .append(" | ").append(check.path("threadsAdded").asInt())
          .append(" | ").append(String.format(Locale.ROOT, "%.2f", check.path("threadsPerCommand").asDouble()))
          .append(" | ").append(check.path("threadKinds").asString()).append(" |\n");
    }
    md.append('\n');
    md.append(String.format(Locale.ROOT, "Goal of the native launcher: %,d commands at once through `runAsync` on ",
        1_000)).append("virtual threads add at most ").append(ResourceCheck.MANY_COMMANDS_THREAD_GOAL)
        .append(" platform threads in all: ");
    JsonNode many = resources.stream().filter(check -> check.path("check").asString().equals("threads-native-1000"))
        .findFirst().orElse(null);
    if (!nativeLauncher()) {
      md.append(NOT_MEASURED).append(".\n\n");
    } else if (many == null) {
      md.append("no result.\n\n");
    } else {
      int added = many.path("threadsAdded").asInt();
      md.append(added <= ResourceCheck.MANY_COMMANDS_THREAD_GOAL ? "met" : "**missed**").append(" (")
          .append(added).append(" added).\n\n");
    }
  }

  private String loadAverage() throws IOException {
    String file = options.get("load");
    if (file == null || !Files.exists(Path.of(file))) {
      return "not recorded";
    }
    List<double[]> samples = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
      String[] fields = line.strip().split("\\s+");
      if (fields.length >= 4) {
        samples.add(new double[] {
            Double.parseDouble(fields[1]), Double.parseDouble(fields[2]), Double.parseDouble(fields[3])});
      }
    }
    if (samples.isEmpty()) {
      return "not recorded";
    }
    double[] first = samples.get(0);
    double[] last = samples.get(samples.size() - 1);
    double max = samples.stream().mapToDouble(sample -> sample[0]).max().orElse(Double.NaN);
    double mean = samples.stream().mapToDouble(sample -> sample[0]).average().orElse(Double.NaN);
    return String.format(Locale.ROOT, "before the run %.2f, %.2f, %.2f (1, 5, 15 min); during it (1 min, %d samples) "
        + "mean %.2f, max %.2f; after it %.2f, %.2f, %.2f", first[0], first[1], first[2], samples.size(), mean, max,
        last[0], last[1], last[2]);
  }

  private static void row(StringBuilder md, String name, String value) {
    md.append("| ").append(name).append(" | ").append(value).append(" |\n");
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / MIB);
  }

  static String ratio(double ratio) {
    return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.3f×", ratio);
  }

  /** Four significant digits at most, no exponent. */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      return "n/a";
    }
    double magnitude = Math.abs(value);
    int decimals = magnitude >= 1000 ? 0 : magnitude >= 100 ? 1 : magnitude >= 10 ? 2 : 3;
    return String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }
}
