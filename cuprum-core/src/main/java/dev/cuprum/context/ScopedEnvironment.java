package dev.cuprum.context;

import dev.cuprum.ForbiddenEnvironmentKeyException;
import dev.cuprum.InvalidArgumentException;
import dev.cuprum.internal.util.CodeLoadingVariables;
import dev.cuprum.internal.util.EnvironmentOverlay;
import java.util.Map;
import java.util.Set;

/** The checks of a scoped environment overlay. */
final class ScopedEnvironment {

  private ScopedEnvironment() {}

  /**
   * A read-only copy of a scoped overlay. A scope's overlay reaches every run on the thread, and
   * the async work it starts, for as long as the scope is open, so it may not set a variable
   * that makes programs load or run other code: such a variable belongs in the
   * {@link dev.cuprum.ExecutionContext} of the runs that need it, which must allow it by name.
   *
   * @throws InvalidArgumentException for a name or value that cannot reach a process
   * @throws ForbiddenEnvironmentKeyException for a variable that loads code
   */
  static Map<String, String> copyOf(Map<String, String> overlay) {
    Map<String, String> copy = EnvironmentOverlay.copyOf(overlay, InvalidArgumentException::new);
    String refused = CodeLoadingVariables.firstRefused(copy.keySet(), Set.of());
    if (refused != null) {
      throw new ForbiddenEnvironmentKeyException(refused, "Environment variable '" + refused + "' makes programs "
          + "load or run other code and cannot be set in a scope; set it in the ExecutionContext of the runs that "
          + "need it, with allowEnvKeys(\"" + refused + "\")");
    }
    return copy;
  }
}
