package dev.cuprum.internal.run;

import dev.cuprum.ExecutionContext;
import dev.cuprum.ForbiddenProgramException;
import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.ProjectSettings;
import dev.cuprum.RefusalReason;
import dev.cuprum.RunOptions;
import dev.cuprum.SafeCmd;
import dev.cuprum.context.AfterHook;
import dev.cuprum.context.BeforeHook;
import dev.cuprum.context.CuprumContext;
import dev.cuprum.context.ExecHook;
import dev.cuprum.internal.observation.ExecObservations;
import dev.cuprum.internal.process.ProcessLauncher;
import dev.cuprum.internal.process.ProgramPaths;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything an executor was built with. Its hooks form the outermost scope of every run.
 *
 * @param catalogue the catalogue enforced when {@code enforceAllowlist} is set
 * @param enforceAllowlist whether only catalogue programs may run, whatever the scopes say
 * @param beforeHooks run before every scoped before hook
 * @param afterHooks run after every scoped after hook
 * @param observeHooks receive events before every scoped observe hook
 * @param defaultContext the executor's defaults, every inheritable component set; its timeout is
 *     the executor's default timeout
 * @param taskExecutor runs async runs and batch members
 * @param observationRegistry records observations; {@link ObservationRegistry#NOOP} for none
 * @param activeRuns the processes started and not yet exited
 * @param programPaths which file each program runs from
 * @param inFlight the work accepted and not finished, and whether the executor shut down
 * @param launcher starts processes and ends process trees
 * @param observations the {@code cuprum.exec} observations, or null when none are recorded
 */
public record ExecutorConfig(
    ProgramCatalogue catalogue,
    boolean enforceAllowlist,
    List<BeforeHook> beforeHooks,
    List<AfterHook> afterHooks,
    List<ExecHook> observeHooks,
    ExecutionContext defaultContext,
    Executor taskExecutor,
    ObservationRegistry observationRegistry,
    ActiveRuns activeRuns,
    ProgramPaths programPaths,
    InFlight inFlight,
    ProcessLauncher launcher,
    @Nullable ExecObservations observations) {

  private static final Logger LOG = LoggerFactory.getLogger("cuprum.context");

  public ExecutorConfig {
    beforeHooks = List.copyOf(beforeHooks);
    afterHooks = List.copyOf(afterHooks);
    observeHooks = List.copyOf(observeHooks);
  }

  /**
   * Checks a command's program against the enforced catalogue and then the given context. A
   * refusal is told to the observe hooks of the executor and of the context before it is thrown.
   *
   * @throws ForbiddenProgramException when either refuses it
   */
  public void checkAllowed(SafeCmd cmd, CuprumContext context) {
    Program program = cmd.program();
    ForbiddenProgramException refusal;
    if (enforceAllowlist && !catalogue.isAllowed(program)) {
      LOG.atWarn()
          .setMessage("Program {} denied by the executor's enforced allowlist restricted_state=true")
          .addArgument(program)
          .addKeyValue("operation", program.name())
          .addKeyValue("restricted_state", true)
          .log();
      refusal = new ForbiddenProgramException(program, RefusalReason.CATALOGUE);
    } else {
      try {
        context.checkAllowed(program);
        return;
      } catch (ForbiddenProgramException e) {
        refusal = e;
      }
    }
    if (observations != null) {
      observations.refused(cmd, refusal);
    }
    tellRefusal(observeHooks, cmd, refusal);
    tellRefusal(context.observeHooks(), cmd, refusal);
    throw refusal;
  }

  private static void tellRefusal(List<ExecHook> hooks, SafeCmd cmd, ForbiddenProgramException refusal) {
    for (ExecHook hook : hooks) {
      try {
        hook.onRefused(cmd, refusal);
      } catch (RuntimeException e) {
        LOG.atWarn()
            .setMessage("observe_hook_failed phase=refused program={} error={}")
            .addArgument(cmd.program())
            .addArgument(e.getClass().getSimpleName())
            .setCause(e)
            .log();
      }
    }
  }

  /**
   * The command as this executor runs it: with the project its catalogue assigns to the program,
   * or, for a program the catalogue does not list, the project it was built with. Its argv and
   * secrets are the command's own, so a command built against another catalogue (by the builders,
   * say) runs unchanged and reports this executor's project to hooks, events, metrics and spans.
   */
  public SafeCmd inCatalogue(SafeCmd cmd) {
    if (!catalogue.isAllowed(cmd.program())) {
      return cmd;
    }
    ProjectSettings project = catalogue.projectFor(cmd.program());
    return project.equals(cmd.project()) ? cmd : new SafeCmd(cmd.program(), cmd.argv(), project);
  }

  /** The context a run executes with: the call's context laid over the executor's defaults. */
  public RunContext contextFor(@Nullable ExecutionContext given) {
    return RunContext.of(given == null ? defaultContext : given.over(defaultContext));
  }

  /**
   * The timeout of a run: the call's, else the given context's, else the scope's, else the
   * executor's default.
   */
  public @Nullable Duration timeoutFor(@Nullable Duration callTimeout, @Nullable ExecutionContext given, RunScope scope) {
    if (callTimeout != null) {
      return callTimeout;
    }
    if (given != null && given.timeout() != null) {
      return given.timeout();
    }
    if (scope.timeout() != null) {
      return scope.timeout();
    }
    return defaultContext.timeout();
  }

  /** {@link #timeoutFor(Duration, ExecutionContext, RunScope)} for run options. */
  public @Nullable Duration timeoutFor(RunOptions options, RunScope scope) {
    return timeoutFor(options.timeout(), options.context(), scope);
  }
}
