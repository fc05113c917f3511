package dev.cuprum.internal.run;

import dev.cuprum.context.AfterHook;
import dev.cuprum.context.BeforeHook;
import dev.cuprum.context.CuprumContext;
import dev.cuprum.context.ExecHook;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The hooks, overlay and timeout in force for one run: the executor's as the outermost scope,
 * then the calling thread's context.
 *
 * @param beforeHooks in running order: the executor's, then outer scopes' before inner ones'
 * @param afterHooks in running order: inner scopes' first, the executor's last
 * @param observeHooks in delivery order: the executor's, then outer scopes' before inner ones'
 * @param envOverlay the scoped environment overlay
 * @param timeout the innermost scoped timeout, or null
 */
public record RunScope(
    List<BeforeHook> beforeHooks, List<AfterHook> afterHooks, List<ExecHook> observeHooks,
    Map<String, String> envOverlay, @Nullable Duration timeout) {

  /** The scope of a run started now on this thread. */
  public static RunScope of(ExecutorConfig config, CuprumContext context) {
    return new RunScope(
        concat(config.beforeHooks(), context.beforeHooks()),
        concat(context.afterHooks(), config.afterHooks()),
        concat(config.observeHooks(), context.observeHooks()),
        context.envOverlay(),
        context.timeout());
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    if (second.isEmpty()) {
      return first;
    }
    if (first.isEmpty()) {
      return second;
    }
    List<T> joined = new ArrayList<>(first.size() + second.size());
    joined.addAll(first);
    joined.addAll(second);
    return joined;
  }
}
