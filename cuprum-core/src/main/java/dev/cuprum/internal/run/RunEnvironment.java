package dev.cuprum.internal.run;

import dev.cuprum.ForbiddenEnvironmentKeyException;
import dev.cuprum.internal.util.CodeLoadingVariables;
import dev.cuprum.internal.util.EnvironmentOverlay;
import java.util.Map;
import java.util.Set;

/** The environment overlay of a run, assembled and checked before anything starts. */
public final class RunEnvironment {

  private RunEnvironment() {}

  /**
   * The scope's overlay with the run's context laid over it (the context's values win).
   *
   * @throws ForbiddenEnvironmentKeyException when the result sets a variable that makes programs
   *     load or run other code and the context does not allow it
   */
  public static Map<String, String> of(Map<String, String> scoped, RunContext context) {
    Map<String, String> env = EnvironmentOverlay.merge(scoped, context.env());
    check(env, context.allowedEnvKeys());
    return env;
  }

  /**
   * Refuses an overlay that sets a variable that makes programs load or run other code and that
   * {@code allowed} does not name.
   *
   * @throws ForbiddenEnvironmentKeyException naming the first such variable
   */
  public static void check(Map<String, String> env, Set<String> allowed) {
    String refused = CodeLoadingVariables.firstRefused(env.keySet(), allowed);
    if (refused != null) {
      throw new ForbiddenEnvironmentKeyException(refused, "Environment variable '" + refused + "' makes programs "
          + "load or run other code and is not allowed; allow it by name with allowEnvKeys(\"" + refused + "\") on "
          + "the run's ExecutionContext or on the executor's default context");
    }
  }
}
