package dev.cuprum.benchmarks.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The result of one benchmark as JMH wrote it, with the iteration scores of every fork.
 *
 * @param benchmark the simple name, {@code SpawnBenchmark.cuprum}
 * @param mode JMH's short mode name: {@code avgt}, {@code ss}
 * @param unit {@code us/op}, {@code ms/op}
 * @param mean JMH's score: the mean of all iterations
 * @param error JMH's error: half the 99.9% confidence interval, NaN with too few iterations
 * @param iterations every measured iteration's score, all forks together
 * @param settings the JMH settings this benchmark ran with, as one line
 */
record Score(
    String benchmark, String mode, String unit, double mean, double error, double[] iterations, String settings) {

  private static final String PACKAGE = "dev.cuprum.benchmarks.";

  /** Reads JMH's JSON result file: one object per benchmark. */
  static Map<String, Score> read(JsonNode results) {
    Map<String, Score> scores = new TreeMap<>();
    for (JsonNode result : results) {
      String name = result.path("benchmark").asString();
      String simple = name.startsWith(PACKAGE) ? name.substring(PACKAGE.length()) : name;
      JsonNode primary = result.path("primaryMetric");
      List<Double> values = new ArrayList<>();
      for (JsonNode fork : primary.path("rawData")) {
        for (JsonNode value : fork) {
          values.add(number(value));
        }
      }
      scores.put(simple, new Score(simple, result.path("mode").asString(), primary.path("scoreUnit").asString(),
          number(primary.path("score")), number(primary.path("scoreError")),
          values.stream().mapToDouble(Double::doubleValue).toArray(), settings(result)));
    }
    return scores;
  }

  /** A JSON number, or NaN for JMH's {@code "NaN"} and anything else that is not a number. */
  static double number(JsonNode node) {
    if (node.isNumber()) {
      return node.doubleValue();
    }
    try {
      return Double.parseDouble(node.asString());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static String settings(JsonNode result) {
    StringBuilder line = new StringBuilder();
    line.append(result.path("forks").asInt()).append(result.path("forks").asInt() == 1 ? " fork" : " forks");
    boolean timed = !"ss".equals(result.path("mode").asString());
    line.append(", warmup ").append(result.path("warmupIterations").asInt());
    if (timed) {
      line.append(" × ").append(result.path("warmupTime").asString());
    }
    line.append(", measurement ").append(result.path("measurementIterations").asInt());
    if (timed) {
      line.append(" × ").append(result.path("measurementTime").asString());
    }
    List<String> jvmArgs = new ArrayList<>();
    result.path("jvmArgs").forEach(arg -> jvmArgs.add(arg.asString()));
    if (!jvmArgs.isEmpty()) {
      line.append(", JVM options `").append(String.join(" ", jvmArgs)).append('`');
    }
    return line.toString();
  }

  /** The median of the iteration scores: what the goals compare. */
  double median() {
    double[] sorted = iterations.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  double min() {
    return Arrays.stream(iterations).min().orElse(Double.NaN);
  }

  double max() {
    return Arrays.stream(iterations).max().orElse(Double.NaN);
  }

  /** Whether the score is a usable time: present, finite and positive. */
  boolean valid() {
    return iterations.length > 0 && Double.isFinite(mean) && mean > 0 && Double.isFinite(median()) && median() > 0;
  }

  /** The 99.9% confidence interval of the mean, or the iteration range when JMH gave no error. */
  double low() {
    return Double.isFinite(error) ? mean - error : min();
  }

  double high() {
    return Double.isFinite(error) ? mean + error : max();
  }
}
