package dev.cuprum;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a finished pipeline did: one result per stage, in stage order. A failing stage is a
 * result, never an exception.
 *
 * @param stages the stage results, left to right; only the last has captured stdout
 * @param failureIndex the first stage seen to exit non-zero, or null when every stage succeeded
 */
public record PipelineResult(List<CommandResult> stages, @Nullable Integer failureIndex) {

  public PipelineResult {
    stages = List.copyOf(stages);
    if (stages.isEmpty()) {
      throw new InvalidArgumentException("PipelineResult needs at least one stage");
    }
    if (failureIndex != null && (failureIndex < 0 || failureIndex >= stages.size())) {
      throw new InvalidArgumentException(
          "failureIndex " + failureIndex + " is outside the " + stages.size() + " stages");
    }
  }

  /** The last stage. */
  public CommandResult finalStage() {
    return stages.get(stages.size() - 1);
  }

  /** The stage at {@link #failureIndex()}, or null. */
  public @Nullable CommandResult failure() {
    return failureIndex == null ? null : stages.get(failureIndex);
  }

  /** Whether every stage exited with status 0. */
  public boolean ok() {
    return stages.stream().allMatch(CommandResult::ok);
  }

  /** The final stage's captured stdout. */
  public @Nullable String stdout() {
    return finalStage().stdout();
  }
}
