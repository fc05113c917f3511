package dev.cuprum.context;

import dev.cuprum.ForbiddenProgramException;
import dev.cuprum.Program;
import dev.cuprum.RefusalReason;
import dev.cuprum.internal.util.EnvironmentOverlay;
import dev.cuprum.internal.util.Masking;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scope in force on the current thread: which programs may run and which hooks run around
 * them. Immutable; {@link Cuprum} installs narrowed copies.
 *
 * <p>A thread starts in the permissive root context, which lets every program run. A scope with
 * an allowlist restricts: only the listed programs run, and nested scopes can only narrow
 * (intersect), never widen. {@link Cuprum#allow(Program...)} adds programs to a restricted
 * allowlist and never narrows a permissive one.
 *
 * <p>Each thread has its own context. Cuprum carries the caller's context into the threads that
 * run work for it (async runs, pipelines, batches); {@link #wrap(Runnable)} does the same for
 * other work.
 */
public final class CuprumContext {

  private static final Logger LOG = LoggerFactory.getLogger("cuprum.context");
  private static final CuprumContext ROOT =
      new CuprumContext(Set.of(), false, List.of(), List.of(), List.of(), null, Map.of());
  private static final ThreadLocal<CuprumContext> CURRENT = new ThreadLocal<>();

  private final Set<Program> allowlist;
  private final boolean restricted;
  private final List<BeforeHook> beforeHooks;
  private final List<AfterHook> afterHooks;
  private final List<ExecHook> observeHooks;
  private final @Nullable Duration timeout;
  private final Map<String, String> envOverlay;

  private CuprumContext(
      Set<Program> allowlist, boolean restricted, List<BeforeHook> beforeHooks, List<AfterHook> afterHooks,
      List<ExecHook> observeHooks, @Nullable Duration timeout, Map<String, String> envOverlay) {
    this.allowlist = allowlist;
    this.restricted = restricted;
    this.beforeHooks = beforeHooks;
    this.afterHooks = afterHooks;
    this.observeHooks = observeHooks;
    this.timeout = timeout;
    this.envOverlay = envOverlay;
  }

  /** The context in force on the calling thread. */
  public static CuprumContext current() {
    CuprumContext context = CURRENT.get();
    return context == null ? ROOT : context;
  }

  /** The permissive context every thread starts in. */
  public static CuprumContext root() {
    return ROOT;
  }

  /**
   * Whether the program may run here: the context is permissive (as the root context is), or its
   * allowlist lists the program.
   */
  public boolean isAllowed(Program program) {
    return !restricted || allowlist.contains(program);
  }

  /**
   * @throws ForbiddenProgramException when the program may not run here (logged as a warning on
   *     logger {@code cuprum.context})
   */
  public void checkAllowed(Program program) {
    if (!isAllowed(program)) {
      LOG.atWarn()
          .setMessage("Program {} denied by context allowlist restricted_state=true")
          .addArgument(program)
          .addKeyValue("operation", program.name())
          .addKeyValue("restricted_state", true)
          .log();
      throw new ForbiddenProgramException(program, RefusalReason.SCOPE);
    }
  }

  /**
   * The programs this context lists. Empty in a permissive context, where every program may run:
   * ask {@link #isAllowed(Program)} whether one may.
   */
  public Set<Program> allowlist() {
    return allowlist;
  }

  /** Whether only the programs of the allowlist may run. */
  public boolean restricted() {
    return restricted;
  }

  /** The scoped default timeout, or null. */
  public @Nullable Duration timeout() {
    return timeout;
  }

  /** Before hooks in the order they run: outer scopes first. */
  public List<BeforeHook> beforeHooks() {
    return beforeHooks;
  }

  /** After hooks in the order they run: inner scopes (and later registrations) first. */
  public List<AfterHook> afterHooks() {
    return afterHooks;
  }

  /** Observe hooks in the order they receive events: outer scopes first. */
  public List<ExecHook> observeHooks() {
    return observeHooks;
  }

  /** The environment overlay of the scope: inner values win. */
  public Map<String, String> envOverlay() {
    return envOverlay;
  }

  /** A task that runs with this context installed on whichever thread runs it. */
  public Runnable wrap(Runnable task) {
    return () -> {
      CuprumContext previous = install();
      try {
        task.run();
      } finally {
        restore(previous);
      }
    };
  }

  /** A task that runs with this context installed on whichever thread runs it. */
  public <T> Callable<T> wrap(Callable<T> task) {
    return () -> {
      CuprumContext previous = install();
      try {
        return task.call();
      } finally {
        restore(previous);
      }
    };
  }

  /** Installs this context on the calling thread and returns the one it replaced. */
  CuprumContext install() {
    CuprumContext previous = current();
    CURRENT.set(this);
    return previous;
  }

  static void restore(CuprumContext previous) {
    if (previous == ROOT) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }

  CuprumContext narrow(ScopeConfig config) {
    Set<Program> narrowedAllowlist = allowlist;
    boolean narrowedRestricted = restricted;
    if (config.allowlist() != null) {
      if (restricted) {
        Set<Program> intersection = new HashSet<>(allowlist);
        intersection.retainAll(config.allowlist());
        narrowedAllowlist = Set.copyOf(intersection);
      } else {
        narrowedAllowlist = config.allowlist();
      }
      narrowedRestricted = true;
    }
    return new CuprumContext(
        narrowedAllowlist,
        narrowedRestricted,
        concat(beforeHooks, config.beforeHooks()),
        concat(config.afterHooks(), afterHooks),
        concat(observeHooks, config.observeHooks()),
        config.timeout() != null ? config.timeout() : timeout,
        EnvironmentOverlay.merge(envOverlay, config.envOverlay()));
  }

  CuprumContext allowing(Collection<Program> programs) {
    Set<Program> union = new HashSet<>(allowlist);
    union.addAll(programs);
    return new CuprumContext(Set.copyOf(union), restricted, beforeHooks, afterHooks, observeHooks, timeout,
        envOverlay);
  }

  CuprumContext withBeforeHook(BeforeHook hook) {
    return new CuprumContext(allowlist, restricted, concat(beforeHooks, List.of(hook)), afterHooks, observeHooks,
        timeout, envOverlay);
  }

  CuprumContext withAfterHook(AfterHook hook) {
    return new CuprumContext(allowlist, restricted, beforeHooks, concat(List.of(hook), afterHooks), observeHooks,
        timeout, envOverlay);
  }

  CuprumContext withObserveHook(ExecHook hook) {
    return new CuprumContext(allowlist, restricted, beforeHooks, afterHooks, concat(observeHooks, List.of(hook)),
        timeout, envOverlay);
  }

  CuprumContext withEnvOverlay(Map<String, String> overlay) {
    return new CuprumContext(allowlist, restricted, beforeHooks, afterHooks, observeHooks, timeout,
        EnvironmentOverlay.merge(envOverlay, overlay));
  }

  @Override
  public String toString() {
    return "CuprumContext[restricted=" + restricted + ", allowlist=" + allowlist + ", beforeHooks="
        + beforeHooks.size() + ", afterHooks=" + afterHooks.size() + ", observeHooks=" + observeHooks.size()
        + ", timeout=" + timeout + ", envOverlay=" + Masking.maskEnv(envOverlay) + "]";
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
    return List.copyOf(joined);
  }
}
