package dev.cuprum.context;

import dev.cuprum.InvalidArgumentException;
import dev.cuprum.Program;
import dev.cuprum.internal.util.Masking;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Cuprum#scoped(ScopeConfig) scope} changes.
 *
 * @param allowlist programs the scope permits, intersected with the enclosing scope's; null to
 *     inherit the enclosing allowlist (an empty set permits nothing)
 * @param beforeHooks run after the enclosing scope's before hooks
 * @param afterHooks run before the enclosing scope's after hooks
 * @param observeHooks receive events after the enclosing scope's observe hooks
 * @param timeout the default timeout of runs in the scope; null to inherit
 * @param envOverlay variables laid over the enclosing overlay (inner values win); a variable that
 *     makes programs load or run other code ({@code LD_PRELOAD}, {@code GIT_SSH_COMMAND}, ...) is
 *     refused with {@link dev.cuprum.ForbiddenEnvironmentKeyException}: set it in the
 *     {@link dev.cuprum.ExecutionContext} of the runs that need it, which must allow it
 */
public record ScopeConfig(
    @Nullable Set<Program> allowlist,
    List<BeforeHook> beforeHooks,
    List<AfterHook> afterHooks,
    List<ExecHook> observeHooks,
    @Nullable Duration timeout,
    Map<String, String> envOverlay) {

  public ScopeConfig {
    allowlist = allowlist == null ? null : Set.copyOf(allowlist);
    beforeHooks = List.copyOf(beforeHooks);
    afterHooks = List.copyOf(afterHooks);
    observeHooks = List.copyOf(observeHooks);
    if (timeout != null && timeout.isNegative()) {
      throw new InvalidArgumentException("ScopeConfig timeout must be non-negative, got " + timeout);
    }
    envOverlay = ScopedEnvironment.copyOf(envOverlay);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return "ScopeConfig[allowlist=" + allowlist + ", beforeHooks=" + beforeHooks.size()
        + ", afterHooks=" + afterHooks.size() + ", observeHooks=" + observeHooks.size()
        + ", timeout=" + timeout + ", envOverlay=" + Masking.maskEnv(envOverlay) + "]";
  }

  /** Builds a {@link ScopeConfig}; by default it changes nothing. */
  public static final class Builder {

    private @Nullable Set<Program> allowlist;
    private final List<BeforeHook> beforeHooks = new ArrayList<>();
    private final List<AfterHook> afterHooks = new ArrayList<>();
    private final List<ExecHook> observeHooks = new ArrayList<>();
    private @Nullable Duration timeout;
    private final Map<String, String> envOverlay = new LinkedHashMap<>();

    private Builder() {}

    public Builder allowlist(@Nullable Collection<Program> allowlist) {
      this.allowlist = allowlist == null ? null : new LinkedHashSet<>(allowlist);
      return this;
    }

    public Builder allowlist(Program... allowlist) {
      return allowlist(Arrays.asList(allowlist));
    }

    public Builder beforeHooks(List<BeforeHook> hooks) {
      replace(beforeHooks, hooks);
      return this;
    }

    public Builder beforeHooks(BeforeHook... hooks) {
      return beforeHooks(Arrays.asList(hooks));
    }

    public Builder afterHooks(List<AfterHook> hooks) {
      replace(afterHooks, hooks);
      return this;
    }

    public Builder afterHooks(AfterHook... hooks) {
      return afterHooks(Arrays.asList(hooks));
    }

    public Builder observeHooks(List<ExecHook> hooks) {
      replace(observeHooks, hooks);
      return this;
    }

    public Builder observeHooks(ExecHook... hooks) {
      return observeHooks(Arrays.asList(hooks));
    }

    public Builder timeout(@Nullable Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    public Builder envOverlay(Map<String, String> envOverlay) {
      this.envOverlay.clear();
      this.envOverlay.putAll(envOverlay);
      return this;
    }

    public ScopeConfig build() {
      return new ScopeConfig(allowlist, beforeHooks, afterHooks, observeHooks, timeout, envOverlay);
    }

    private static <T> void replace(List<T> target, List<T> values) {
      target.clear();
      values.forEach(value -> target.add(Objects.requireNonNull(value, "hook")));
    }
  }
}
