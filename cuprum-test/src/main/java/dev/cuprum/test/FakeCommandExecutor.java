package dev.cuprum.test;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutorSettings;
import dev.cuprum.Pipeline;
import dev.cuprum.PipelineResult;
import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.RunOptions;
import dev.cuprum.RunningCommand;
import dev.cuprum.RunningPipeline;
import dev.cuprum.RunningProcess;
import dev.cuprum.SafeCmd;
import dev.cuprum.concurrent.ConcurrentConfig;
import dev.cuprum.concurrent.ConcurrentResult;
import dev.cuprum.internal.DefaultCommandExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A {@link CommandExecutor} that starts no process: each command is answered with the
 * {@link Reply} of the first {@link Expectation} that matches it, and a command no expectation
 * matches throws {@link UnexpectedCommandException}.
 *
 * <p>Everything else is Cuprum's real executor, which plays the replies as processes: the
 * allowlist and scoped allowlists refuse as for real, before, after and observe hooks and events
 * fire, observations and metrics record, timeouts and cancellation end a reply that
 * {@linkplain Reply#after(Duration) takes time}, and pipelines and batches keep their order,
 * limits, fail-fast, retries and listeners. The stages of a pipeline answer independently: no
 * output flows from one fake process to the next.
 *
 * <pre>{@code
 * FakeCommandExecutor executor = FakeCommandExecutor.create();
 * executor.on(Programs.GIT, "status", "--short").respond(Reply.exit(0).stdout(" M README.md\n"));
 * ... code under test runs Git.status(true, false) ...
 * executor.verify();
 * }</pre>
 */
public final class FakeCommandExecutor implements CommandExecutor {

  private final CommandExecutor delegate;
  private final FakeLauncher launcher;
  private final Expectations expectations;
  private final List<CommandCall> calls = new CopyOnWriteArrayList<>();

  private FakeCommandExecutor(CommandExecutor delegate, FakeLauncher launcher, Expectations expectations) {
    this.delegate = delegate;
    this.launcher = launcher;
    this.expectations = expectations;
  }

  /** A fake for the default catalogue. */
  public static FakeCommandExecutor create() {
    return create(ProgramCatalogue.defaults());
  }

  /** A fake that allows the catalogue's programs, as {@code CommandExecutor.builder()} does. */
  public static FakeCommandExecutor create(ProgramCatalogue catalogue) {
    return create(catalogue, builder -> {});
  }

  /**
   * A fake configured like a real executor: {@code configure} gets a builder with the catalogue
   * set and adds hooks, an observation registry, a default context and so on.
   */
  public static FakeCommandExecutor create(ProgramCatalogue catalogue, Consumer<CommandExecutor.Builder> configure) {
    Objects.requireNonNull(catalogue, "catalogue");
    Expectations expectations = new Expectations();
    FakeLauncher launcher = new FakeLauncher(expectations);
    CommandExecutor.Builder builder = DefaultCommandExecutor.builder(launcher).catalogue(catalogue);
    configure.accept(builder);
    builder.pinPrograms(false);
    return new FakeCommandExecutor(builder.build(), launcher, expectations);
  }

  /**
   * An executor that runs real commands through {@code real} and writes each one's reply (exit
   * code, stdout, stderr) to {@code fixture}, the arguments and the output masked with every secret
   * the run knew; {@link #replaying} serves them back. The file is rewritten after every command.
   */
  public static CommandExecutor recording(CommandExecutor real, Path fixture) {
    return new RecordingCommandExecutor(Objects.requireNonNull(real, "real"), Objects.requireNonNull(fixture, "fixture"));
  }

  /**
   * A fake that answers the commands {@link #recording} wrote to {@code fixture}, each recorded
   * reply once and in order, matching a command by its program and its masked arguments.
   *
   * @throws IllegalArgumentException naming the line when the file is not a fixture
   */
  public static FakeCommandExecutor replaying(Path fixture, ProgramCatalogue catalogue) {
    FakeCommandExecutor fake = create(catalogue);
    for (Fixture.Entry entry : Fixture.read(fixture)) {
      fake.expectations.add(Program.of(entry.program()), entry.argv(), cmd -> cmd.program().name().equals(entry.program())
          && cmd.maskedArgvWithProgram().subList(1, cmd.argv().size() + 1).equals(entry.argv()),
          entry.program() + " " + entry.argv() + " from " + fixture.getFileName())
          .times(1).respond(Reply.exit(entry.exitCode()).stdout(entry.stdout()).stderr(entry.stderr()));
    }
    return fake;
  }

  /** A fake around an executor that starts its processes with {@code launcher}. */
  static FakeCommandExecutor around(CommandExecutor executor, FakeLauncher launcher, Expectations expectations) {
    return new FakeCommandExecutor(executor, launcher, expectations);
  }

  /** Forgets every expectation and call. */
  void reset() {
    expectations.clear();
    calls.clear();
  }

  /** Expects {@code program} with exactly these arguments (without the program). */
  public Expectation on(Program program, String... argv) {
    Objects.requireNonNull(program, "program");
    List<String> arguments = List.of(argv);
    return expectations.add(program, arguments,
        cmd -> cmd.program().equals(program) && cmd.argv().equals(arguments),
        program.name() + " " + arguments);
  }

  /** Expects the commands {@code matcher} accepts. */
  public Expectation on(Predicate<SafeCmd> matcher) {
    Objects.requireNonNull(matcher, "matcher");
    return expectations.add(null, null, matcher, "a command matching " + matcher);
  }

  /** Every command asked for, in order, refused ones included, with secrets masked. */
  public List<CommandCall> calls() {
    return List.copyOf(calls);
  }

  /**
   * Checks that every expectation was called as often as it expected.
   *
   * @throws AssertionError naming each expectation that was not
   */
  public void verify() {
    List<String> unmet = expectations.unmet();
    if (!unmet.isEmpty()) {
      throw new AssertionError("Expectations not met: " + String.join("; ", unmet));
    }
  }

  @Override
  public ProgramCatalogue catalogue() {
    return delegate.catalogue();
  }

  @Override
  public ExecutorSettings settings() {
    return delegate.settings();
  }

  @Override
  public String launcher() {
    return delegate.launcher();
  }

  @Override
  public List<RunningCommand> runningCommands() {
    return delegate.runningCommands();
  }

  @Override
  public CommandResult run(SafeCmd cmd) {
    return run(cmd, RunOptions.defaults());
  }

  @Override
  public CommandResult run(SafeCmd cmd, RunOptions options) {
    announce(List.of(cmd), options);
    try {
      return delegate.run(cmd, options);
    } finally {
      launcher.forget(cmd);
    }
  }

  @Override
  public CompletableFuture<CommandResult> runAsync(SafeCmd cmd, RunOptions options) {
    announce(List.of(cmd), options);
    CompletableFuture<CommandResult> future;
    try {
      future = delegate.runAsync(cmd, options);
    } catch (RuntimeException | Error e) {
      launcher.forget(cmd);
      throw e;
    }
    future.whenComplete((result, failure) -> launcher.forget(cmd));
    return future;
  }

  /** Starts a fake process: its reply's stdout and stderr are there to read at once. */
  @Override
  public RunningProcess start(SafeCmd cmd, RunOptions options) {
    announce(List.of(cmd), options);
    RunningProcess process;
    try {
      process = delegate.start(cmd, options);
    } catch (RuntimeException | Error e) {
      launcher.forget(cmd);
      throw e;
    }
    process.onExit().whenComplete((result, failure) -> launcher.forget(cmd));
    return process;
  }

  /** Starts fake stages: the last stage's reply stdout is there to read at once. */
  @Override
  public RunningPipeline start(Pipeline pipeline, RunOptions options) {
    announce(pipeline.stages(), options);
    RunningPipeline started;
    try {
      started = delegate.start(pipeline, options);
    } catch (RuntimeException | Error e) {
      pipeline.stages().forEach(launcher::forget);
      throw e;
    }
    started.onExit().whenComplete((result, failure) -> pipeline.stages().forEach(launcher::forget));
    return started;
  }

  @Override
  public PipelineResult run(Pipeline pipeline) {
    return run(pipeline, RunOptions.defaults());
  }

  @Override
  public PipelineResult run(Pipeline pipeline, RunOptions options) {
    announce(pipeline.stages(), options);
    try {
      return delegate.run(pipeline, options);
    } finally {
      pipeline.stages().forEach(launcher::forget);
    }
  }

  @Override
  public CompletableFuture<PipelineResult> runAsync(Pipeline pipeline, RunOptions options) {
    announce(pipeline.stages(), options);
    CompletableFuture<PipelineResult> future;
    try {
      future = delegate.runAsync(pipeline, options);
    } catch (RuntimeException | Error e) {
      pipeline.stages().forEach(launcher::forget);
      throw e;
    }
    future.whenComplete((result, failure) -> pipeline.stages().forEach(launcher::forget));
    return future;
  }

  @Override
  public ConcurrentResult runConcurrent(List<SafeCmd> commands, ConcurrentConfig config) {
    announce(commands, memberOptions(config));
    try {
      return delegate.runConcurrent(commands, config);
    } finally {
      commands.forEach(launcher::forget);
    }
  }

  @Override
  public CompletableFuture<ConcurrentResult> runConcurrentAsync(List<SafeCmd> commands, ConcurrentConfig config) {
    announce(commands, memberOptions(config));
    CompletableFuture<ConcurrentResult> future;
    try {
      future = delegate.runConcurrentAsync(commands, config);
    } catch (RuntimeException | Error e) {
      commands.forEach(launcher::forget);
      throw e;
    }
    future.whenComplete((result, failure) -> commands.forEach(launcher::forget));
    return future;
  }

  @Override
  public boolean shutdown(Duration awaitTermination) {
    return delegate.shutdown(awaitTermination);
  }

  @Override
  public boolean isShutdown() {
    return delegate.isShutdown();
  }

  private void announce(List<SafeCmd> commands, RunOptions options) {
    Instant now = Instant.now();
    for (SafeCmd cmd : commands) {
      Objects.requireNonNull(cmd, "command");
      List<String> masked = cmd.maskedArgvWithProgram();
      calls.add(new CommandCall(cmd, masked.subList(1, masked.size()), options, now));
      launcher.announce(cmd);
    }
  }

  private static RunOptions memberOptions(ConcurrentConfig config) {
    return RunOptions.builder().capture(config.capture()).echo(config.echo()).context(config.context()).build();
  }
}
