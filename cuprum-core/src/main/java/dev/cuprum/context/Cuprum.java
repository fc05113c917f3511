package dev.cuprum.context;

import dev.cuprum.Program;
import dev.cuprum.logging.LoggingHook;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * Changes the current thread's {@link CuprumContext}. Every method installs the change at once
 * and returns a {@link Registration} that undoes it:
 *
 * <pre>{@code
 * try (Registration scope = Cuprum.scoped(ScopeConfig.builder().allowlist(ECHO).build());
 *      Registration audit = Cuprum.after((cmd, result) -> log.info("{} -> {}", cmd, result.exitCode()))) {
 *   executor.run(Sh.make(ECHO).args("hello"));
 * }
 * }</pre>
 */
public final class Cuprum {

  private Cuprum() {}

  /**
   * Enters a scope: the allowlist is intersected with the current one (or established, in a
   * permissive context), hooks join the current ones, the timeout and environment overlay layer
   * over the current ones.
   */
  public static Registration scoped(ScopeConfig config) {
    return new ContextRegistration(CuprumContext.current().narrow(Objects.requireNonNull(config, "config")));
  }

  /**
   * Adds programs to the current allowlist. In a restricted scope they may now run; in a
   * permissive context every program may run already, and this never restricts it.
   */
  public static Registration allow(Program... programs) {
    return new ContextRegistration(CuprumContext.current().allowing(Arrays.asList(programs)));
  }

  /** Adds a before hook; it runs after the before hooks already registered. */
  public static Registration before(BeforeHook hook) {
    return new ContextRegistration(CuprumContext.current().withBeforeHook(Objects.requireNonNull(hook, "hook")));
  }

  /** Adds an after hook; it runs before the after hooks already registered. */
  public static Registration after(AfterHook hook) {
    return new ContextRegistration(CuprumContext.current().withAfterHook(Objects.requireNonNull(hook, "hook")));
  }

  /** Adds an observe hook; it receives events after the observe hooks already registered. */
  public static Registration observe(ExecHook hook) {
    return new ContextRegistration(CuprumContext.current().withObserveHook(Objects.requireNonNull(hook, "hook")));
  }

  /**
   * Lays environment variables over the current overlay (the new values win). The map is copied
   * now; the JVM's own environment is never changed.
   *
   * @throws dev.cuprum.ForbiddenEnvironmentKeyException for a variable that makes programs load or
   *     run other code, as for {@link ScopeConfig#envOverlay()}
   */
  public static Registration env(Map<String, String> overlay) {
    return new ContextRegistration(CuprumContext.current().withEnvOverlay(ScopedEnvironment.copyOf(overlay)));
  }

  /**
   * Logs a start record before and an exit record after every command, at INFO:
   * {@code cuprum.start program=echo argv=[echo, -n, hi]} and {@code cuprum.exit program=echo
   * pid=42 exit_code=0 duration_s=0.001234 stdout_len=2 stderr_len=0}, with the same values as
   * SLF4J key-value pairs. Timed-out and cancelled runs get no exit record.
   */
  public static Registration loggingHook(Logger logger) {
    return loggingHook(logger, Level.INFO, Level.INFO);
  }

  /** {@link #loggingHook(Logger)} with the levels of the start and exit records. */
  public static Registration loggingHook(Logger logger, Level startLevel, Level exitLevel) {
    LoggingHook hook = new LoggingHook(logger, startLevel, exitLevel);
    return new ContextRegistration(CuprumContext.current().withBeforeHook(hook).withAfterHook(hook));
  }
}
