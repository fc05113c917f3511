package dev.cuprum.internal;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutionContext;
import dev.cuprum.ExecutorSettings;
import dev.cuprum.LaunchMechanism;
import dev.cuprum.Pipeline;
import dev.cuprum.PipelineResult;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.ProgramLocator;
import dev.cuprum.RunOptions;
import dev.cuprum.RunningCommand;
import dev.cuprum.RunningPipeline;
import dev.cuprum.RunningProcess;
import dev.cuprum.SafeCmd;
import dev.cuprum.Termination;
import dev.cuprum.concurrent.ConcurrentConfig;
import dev.cuprum.concurrent.ConcurrentResult;
import dev.cuprum.context.AfterHook;
import dev.cuprum.context.BeforeHook;
import dev.cuprum.context.ExecHook;
import dev.cuprum.internal.batch.BatchRun;
import dev.cuprum.internal.observation.ExecObservations;
import dev.cuprum.internal.pipeline.PipelineRun;
import dev.cuprum.internal.process.Launchers;
import dev.cuprum.internal.process.ProcessLauncher;
import dev.cuprum.internal.process.ProgramPaths;
import dev.cuprum.internal.run.ActiveRuns;
import dev.cuprum.internal.run.AsyncRuns;
import dev.cuprum.internal.run.CommandRun;
import dev.cuprum.internal.run.ExecutorConfig;
import dev.cuprum.internal.run.InFlight;
import dev.cuprum.internal.run.RunControl;
import dev.cuprum.internal.run.RunEnvironment;
import dev.cuprum.micrometer.ObservationOptions;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link CommandExecutor} built by {@link CommandExecutor#builder()}. */
public final class DefaultCommandExecutor implements CommandExecutor {

  private static final Logger LOG = LoggerFactory.getLogger("cuprum.runtime");
  private static final Duration ENDING_MARGIN = Duration.ofSeconds(5);

  private final ExecutorConfig config;
  private final ExecutorSettings settings;

  private DefaultCommandExecutor(ExecutorConfig config) {
    this.config = config;
    this.settings = new ExecutorSettings(config.catalogue(), config.enforceAllowlist(), config.defaultContext(),
        config.programPaths().pinned());
  }

  /** A builder of executors whose launcher the {@value LaunchMechanism#PROPERTY} system property chooses. */
  public static CommandExecutor.Builder builder() {
    return new Builder(Launchers.fromSystemProperty());
  }

  /**
   * A builder of executors that start their processes with the given launcher. For Cuprum's own
   * modules, such as the test support, whose fake starts no process.
   */
  public static CommandExecutor.Builder builder(ProcessLauncher launcher) {
    return new Builder(Objects.requireNonNull(launcher, "launcher"));
  }

  /**
   * Makes a builder of this executor start its processes with {@code launcher}: for Cuprum's test
   * support, which swaps the launcher of a builder an application has configured.
   *
   * @throws IllegalArgumentException when the builder is not one of this executor's
   */
  public static void useLauncher(CommandExecutor.Builder builder, ProcessLauncher launcher) {
    if (!(builder instanceof Builder own)) {
      throw new IllegalArgumentException("Not a builder of Cuprum's executor: " + builder.getClass().getName());
    }
    own.launcher = Objects.requireNonNull(launcher, "launcher");
  }

  @Override
  public ProgramCatalogue catalogue() {
    return config.catalogue();
  }

  @Override
  public ExecutorSettings settings() {
    return settings;
  }

  @Override
  public String launcher() {
    return config.launcher().description();
  }

  @Override
  public List<RunningCommand> runningCommands() {
    return config.activeRuns().snapshot();
  }

  @Override
  public CommandResult run(SafeCmd cmd) {
    return run(cmd, RunOptions.defaults());
  }

  @Override
  public CommandResult run(SafeCmd cmd, RunOptions options) {
    RunControl control = new RunControl();
    InFlight.Entry entry = enter(() -> "Command " + cmd.maskedArgvWithProgram(), control);
    try {
      return command(cmd, options, control).execute();
    } finally {
      entry.close();
    }
  }

  @Override
  public RunningProcess start(SafeCmd cmd, RunOptions options) {
    RunControl control = new RunControl();
    InFlight.Entry entry = enter(() -> "Command " + cmd.maskedArgvWithProgram(), control);
    RunningProcess process;
    try {
      process = command(cmd, options, control).start();
    } catch (RuntimeException | Error e) {
      entry.close();
      throw e;
    }
    process.onExit().whenComplete((result, failure) -> entry.close());
    return process;
  }

  @Override
  public CompletableFuture<CommandResult> runAsync(SafeCmd cmd, RunOptions options) {
    Objects.requireNonNull(cmd, "cmd");
    Objects.requireNonNull(options, "options");
    return AsyncRuns.submit(config, () -> "Command " + cmd.maskedArgvWithProgram(),
        control -> command(cmd, options, control).execute());
  }

  @Override
  public PipelineResult run(Pipeline pipeline) {
    return run(pipeline, RunOptions.defaults());
  }

  @Override
  public PipelineResult run(Pipeline pipeline, RunOptions options) {
    RunControl control = new RunControl();
    InFlight.Entry entry = enter(() -> describe(pipeline), control);
    try {
      return new PipelineRun(config, pipeline, options, control).execute();
    } finally {
      entry.close();
    }
  }

  @Override
  public RunningPipeline start(Pipeline pipeline, RunOptions options) {
    RunControl control = new RunControl();
    InFlight.Entry entry = enter(() -> describe(pipeline), control);
    RunningPipeline started;
    try {
      started = new PipelineRun(config, pipeline, options, control).start();
    } catch (RuntimeException | Error e) {
      entry.close();
      throw e;
    }
    started.onExit().whenComplete((result, failure) -> entry.close());
    return started;
  }

  @Override
  public CompletableFuture<PipelineResult> runAsync(Pipeline pipeline, RunOptions options) {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(options, "options");
    return AsyncRuns.submit(config, () -> describe(pipeline),
        control -> new PipelineRun(config, pipeline, options, control).execute());
  }

  @Override
  public ConcurrentResult runConcurrent(List<SafeCmd> commands, ConcurrentConfig batch) {
    return BatchRun.run(config, commands, batch);
  }

  @Override
  public CompletableFuture<ConcurrentResult> runConcurrentAsync(List<SafeCmd> commands, ConcurrentConfig batch) {
    return BatchRun.start(config, commands, batch);
  }

  @Override
  public boolean shutdown(Duration awaitTermination) {
    Objects.requireNonNull(awaitTermination, "awaitTermination");
    ExecutionContext defaults = config.defaultContext();
    // Ended work needs its grace period, its drain time, and a margin for reaping and after hooks.
    Duration endingTime = Objects.requireNonNull(defaults.cancelGrace())
        .plus(Objects.requireNonNull(defaults.drainTimeout())).plus(ENDING_MARGIN);
    return config.inFlight().shutdown(awaitTermination, endingTime);
  }

  @Override
  public boolean isShutdown() {
    return config.inFlight().isShutdown();
  }

  private InFlight.Entry enter(Supplier<String> what, RunControl control) {
    return config.inFlight().enter(what, cause -> control.stop(Termination.CANCELLED, cause));
  }

  private static String describe(Pipeline pipeline) {
    return "Pipeline " + pipeline.stages().stream().map(SafeCmd::maskedArgvWithProgram).toList();
  }

  private CommandRun command(SafeCmd cmd, RunOptions options, RunControl control) {
    return new CommandRun(config, Objects.requireNonNull(cmd, "cmd"), Objects.requireNonNull(options, "options"),
        control);
  }

  @Override
  public String toString() {
    return "CommandExecutor[catalogue=" + config.catalogue() + ", enforceAllowlist=" + config.enforceAllowlist() + "]";
  }

  private static final class Builder implements CommandExecutor.Builder {

    private ProgramCatalogue catalogue = ProgramCatalogue.defaults();
    private boolean enforceAllowlist = true;
    private final List<BeforeHook> beforeHooks = new ArrayList<>();
    private final List<AfterHook> afterHooks = new ArrayList<>();
    private final List<ExecHook> observeHooks = new ArrayList<>();
    private @Nullable Duration defaultTimeout;
    private @Nullable Duration cancelGrace;
    private ExecutionContext defaultContext = ExecutionContext.defaults();
    private @Nullable Executor taskExecutor;
    private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;
    private ObservationOptions observationOptions = ObservationOptions.defaults();
    private boolean pinPrograms;
    private boolean shutdownHook;
    private ProcessLauncher launcher;

    private Builder(ProcessLauncher launcher) {
      this.launcher = launcher;
    }

    @Override
    public Builder catalogue(ProgramCatalogue catalogue) {
      this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
      return this;
    }

    @Override
    public Builder enforceAllowlist(boolean enforce) {
      this.enforceAllowlist = enforce;
      return this;
    }

    @Override
    public Builder beforeHook(BeforeHook hook) {
      beforeHooks.add(Objects.requireNonNull(hook, "hook"));
      return this;
    }

    @Override
    public Builder afterHook(AfterHook hook) {
      afterHooks.add(0, Objects.requireNonNull(hook, "hook"));
      return this;
    }

    @Override
    public Builder observeHook(ExecHook hook) {
      observeHooks.add(Objects.requireNonNull(hook, "hook"));
      return this;
    }

    @Override
    public Builder defaultTimeout(@Nullable Duration timeout) {
      this.defaultTimeout = timeout;
      return this;
    }

    @Override
    public Builder cancelGrace(Duration grace) {
      this.cancelGrace = Objects.requireNonNull(grace, "grace");
      return this;
    }

    @Override
    public Builder defaultContext(ExecutionContext context) {
      this.defaultContext = Objects.requireNonNull(context, "context");
      return this;
    }

    @Override
    public Builder taskExecutor(Executor executor) {
      this.taskExecutor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    @Override
    public Builder observationRegistry(ObservationRegistry registry) {
      this.observationRegistry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    @Override
    public Builder observationOptions(ObservationOptions options) {
      this.observationOptions = Objects.requireNonNull(options, "options");
      return this;
    }

    @Override
    public Builder pinPrograms(boolean pin) {
      this.pinPrograms = pin;
      return this;
    }

    @Override
    public Builder shutdownHook(boolean register) {
      this.shutdownHook = register;
      return this;
    }

    @Override
    public Builder launchMechanism(LaunchMechanism mechanism) {
      this.launcher = Launchers.choose(Objects.requireNonNull(mechanism, "mechanism"));
      return this;
    }

    @Override
    public CommandExecutor build() {
      RunEnvironment.check(defaultContext.env(), defaultContext.allowedEnvKeys());
      if (!enforceAllowlist) {
        LOG.warn("cuprum.allowlist_not_enforced catalogue={}: this executor runs programs outside its catalogue "
            + "unless a scoped allowlist refuses them", catalogue);
      }
      ExecutionContext.Builder context = defaultContext.over(ExecutionContext.defaults()).toBuilder();
      if (cancelGrace != null) {
        context.cancelGrace(cancelGrace);
      }
      if (defaultTimeout != null) {
        context.timeout(defaultTimeout);
      }
      DefaultCommandExecutor executor = new DefaultCommandExecutor(new ExecutorConfig(catalogue, enforceAllowlist,
          beforeHooks, afterHooks, observeHooks, context.build(),
          taskExecutor != null ? taskExecutor : DefaultTaskExecutor.get(), observationRegistry, new ActiveRuns(),
          programPaths(), new InFlight(), launcher,
          ExecObservations.of(observationRegistry, observationOptions)));
      if (shutdownHook) {
        // The JVM is going away: every process tree still running is ended at once.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> executor.shutdown(Duration.ZERO), "cuprum-shutdown"));
      }
      return executor;
    }

    private ProgramPaths programPaths() {
      if (!pinPrograms) {
        return ProgramPaths.unpinned();
      }
      ProgramPaths paths = ProgramPaths.pin(catalogue, ProgramLocator.fromEnvironment());
      if (!paths.missing().isEmpty()) {
        LOG.warn("cuprum.pin_missing programs={}: not found in the JVM's PATH; running them will fail", paths.missing());
      }
      return paths;
    }
  }
}
