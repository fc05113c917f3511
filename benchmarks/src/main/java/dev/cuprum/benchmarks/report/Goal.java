package dev.cuprum.benchmarks.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One performance goal: a Cuprum benchmark against its baseline from the same run, compared by
 * the medians of their iteration scores (all scores are times per operation).
 *
 * @param scenario the scenario's number and name
 * @param cuprum the Cuprum side, as {@code Class.method}
 * @param baseline the other side
 * @param kind how the two are compared
 * @param limit the bound the ratio must keep
 */
record Goal(String scenario, String cuprum, String baseline, Kind kind, double limit) {

  /** How a goal compares the two medians. */
  enum Kind {
    /** Cuprum's time over the baseline's must not exceed the limit. */
    TIME_AT_MOST,
    /** Cuprum's throughput over the baseline's (the baseline's time over Cuprum's) must reach the limit. */
    THROUGHPUT_AT_LEAST
  }

  /**
   * The goals of the benchmark suite, in scenario order. The native launcher (JDK 22+) must keep
   * every bound the JDK's launcher keeps, and beat {@code ProcessBuilder} at spawning.
   */
  static final List<Goal> ALL = List.of(
      new Goal("1. spawn + wait + capture of `true`", "SpawnBenchmark.cuprum", "SpawnBenchmark.processBuilder",
          Kind.TIME_AT_MOST, 1.10),
      new Goal("1. spawn + wait + capture of `true`", "SpawnBenchmark.cuprum", "SpawnBenchmark.ztExec",
          Kind.TIME_AT_MOST, 1.00),
      new Goal("1. spawn + wait + capture of `true`", "SpawnBenchmark.cuprum", "SpawnBenchmark.commonsExec",
          Kind.TIME_AT_MOST, 1.00),
      new Goal("1. spawn + wait + capture of `true`, native launcher", "SpawnBenchmark.cuprumNative",
          "SpawnBenchmark.processBuilder", Kind.TIME_AT_MOST, 0.60),
      new Goal("2. the same, fully instrumented", "SpawnBenchmark.cuprumInstrumented", "SpawnBenchmark.processBuilder",
          Kind.TIME_AT_MOST, 1.25),
      new Goal("3. capture of 64 MiB of stdout", "CaptureBenchmark.cuprum", "CaptureBenchmark.processBuilder",
          Kind.THROUGHPUT_AT_LEAST, 0.9),
      new Goal("3. capture of 64 MiB of stdout, native launcher", "CaptureBenchmark.cuprumNative",
          "CaptureBenchmark.processBuilder", Kind.THROUGHPUT_AT_LEAST, 0.9),
      new Goal("4. 1,000,000 lines as events", "LineEventsBenchmark.cuprum", "LineEventsBenchmark.processBuilder",
          Kind.THROUGHPUT_AT_LEAST, 0.8),
      new Goal("4. 1,000,000 lines as events, native launcher", "LineEventsBenchmark.cuprumNative",
          "LineEventsBenchmark.processBuilder", Kind.THROUGHPUT_AT_LEAST, 0.8),
      new Goal("5. 1 GiB through `cat | cat | cat`", "PipelineBenchmark.cuprum", "PipelineBenchmark.bash",
          Kind.THROUGHPUT_AT_LEAST, 0.9),
      new Goal("5. 1 GiB through `cat | cat | cat`, native launcher", "PipelineBenchmark.cuprumNative",
          "PipelineBenchmark.bash", Kind.THROUGHPUT_AT_LEAST, 0.9),
      new Goal("6. batch of 400 × `true`", "BatchBenchmark.cuprum", "BatchBenchmark.threadPool",
          Kind.THROUGHPUT_AT_LEAST, 0.9),
      new Goal("6. batch of 400 × `true`, native launcher", "BatchBenchmark.cuprumNative",
          "BatchBenchmark.threadPool", Kind.THROUGHPUT_AT_LEAST, 0.9));

  /** The ratio the goal bounds, from the medians; NaN when a side is missing. */
  double ratio(Map<String, Score> scores) {
    Score ours = scores.get(cuprum);
    Score theirs = scores.get(baseline);
    if (ours == null || theirs == null || !ours.valid() || !theirs.valid()) {
      return Double.NaN;
    }
    return ratio(ours.median(), theirs.median());
  }

  /** The same ratio from the means, for comparison. */
  double meanRatio(Map<String, Score> scores) {
    Score ours = scores.get(cuprum);
    Score theirs = scores.get(baseline);
    if (ours == null || theirs == null || !ours.valid() || !theirs.valid()) {
      return Double.NaN;
    }
    return ratio(ours.mean(), theirs.mean());
  }

  /** Whether the ratio keeps the limit; null when it could not be computed. */
  @Nullable Boolean met(Map<String, Score> scores) {
    double ratio = ratio(scores);
    if (Double.isNaN(ratio)) {
      return null;
    }
    return kind == Kind.TIME_AT_MOST ? ratio <= limit : ratio >= limit;
  }

  /**
   * Whether the two sides' intervals (the 99.9% confidence interval of the mean, or the iteration
   * range) overlap: the difference between them is then within the noise of the run.
   */
  boolean overlapping(Map<String, Score> scores) {
    Score ours = scores.get(cuprum);
    Score theirs = scores.get(baseline);
    return ours != null && theirs != null && ours.low() <= theirs.high() && theirs.low() <= ours.high();
  }

  /** What the ratio is, in words, for the table heading of the goal. */
  String measure() {
    return kind == Kind.TIME_AT_MOST ? "time × baseline" : "throughput × baseline";
  }

  String bound() {
    return String.format(Locale.ROOT, kind == Kind.TIME_AT_MOST ? "≤ %.2f×" : "≥ %.2f×", limit);
  }

  private double ratio(double ours, double theirs) {
    return kind == Kind.TIME_AT_MOST ? ours / theirs : theirs / ours;
  }
}
