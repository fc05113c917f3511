package dev.cuprum;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Two or more commands whose stdout feeds the next one's stdin through kernel pipes, like
 * {@code a | b | c} in a shell (without the shell). Composition flattens and is associative:
 * {@code a.pipe(b).pipe(c)} equals {@code a.pipe(b.pipe(c))}.
 */
public final class Pipeline {

  private final List<SafeCmd> stages;

  private Pipeline(List<SafeCmd> stages) {
    if (stages.size() < 2) {
      throw new InvalidArgumentException("Pipeline must contain at least two stages");
    }
    this.stages = stages;
  }

  /**
   * @throws InvalidArgumentException when fewer than two stages are given
   */
  public static Pipeline of(SafeCmd... stages) {
    return of(Arrays.asList(stages));
  }

  /**
   * @throws InvalidArgumentException when fewer than two stages are given
   */
  public static Pipeline of(List<SafeCmd> stages) {
    return new Pipeline(List.copyOf(stages));
  }

  static Pipeline join(List<SafeCmd> left, List<SafeCmd> right) {
    List<SafeCmd> joined = new ArrayList<>(left.size() + right.size());
    joined.addAll(left);
    joined.addAll(right);
    return new Pipeline(List.copyOf(joined));
  }

  /** The commands, left to right. */
  public List<SafeCmd> stages() {
    return stages;
  }

  /** This pipeline followed by {@code next}. */
  public Pipeline pipe(SafeCmd next) {
    return join(stages, List.of(Objects.requireNonNull(next, "next")));
  }

  /** This pipeline followed by every stage of {@code next}. */
  public Pipeline pipe(Pipeline next) {
    return join(stages, next.stages);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Pipeline pipeline && stages.equals(pipeline.stages);
  }

  @Override
  public int hashCode() {
    return stages.hashCode();
  }

  @Override
  public String toString() {
    return stages.stream()
        .map(stage -> String.join(" ", stage.maskedArgvWithProgram()))
        .collect(Collectors.joining(" | ", "Pipeline[", "]"));
  }
}
