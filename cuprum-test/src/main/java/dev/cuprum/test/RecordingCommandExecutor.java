package dev.cuprum.test;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutorSettings;
import dev.cuprum.Pipeline;
import dev.cuprum.PipelineResult;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.RunOptions;
import dev.cuprum.RunningCommand;
import dev.cuprum.RunningPipeline;
import dev.cuprum.RunningProcess;
import dev.cuprum.SafeCmd;
import dev.cuprum.concurrent.ConcurrentConfig;
import dev.cuprum.concurrent.ConcurrentResult;
import dev.cuprum.internal.util.SecretValues;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs real commands and writes each one's reply to a fixture file, argv and output masked with
 * every secret the run knew, rewriting the file after every command so that it is complete
 * whenever the test stops.
 */
final class RecordingCommandExecutor implements CommandExecutor {

  private final CommandExecutor real;
  private final Path fixture;
  private final List<Fixture.Entry> entries = new ArrayList<>();

  RecordingCommandExecutor(CommandExecutor real, Path fixture) {
    this.real = real;
    this.fixture = fixture;
    Fixture.write(fixture, entries);
  }

  @Override
  public ProgramCatalogue catalogue() {
    return real.catalogue();
  }

  @Override
  public ExecutorSettings settings() {
    return real.settings();
  }

  @Override
  public String launcher() {
    return real.launcher();
  }

  @Override
  public List<RunningCommand> runningCommands() {
    return real.runningCommands();
  }

  @Override
  public CommandResult run(SafeCmd cmd) {
    return record(real.run(cmd));
  }

  @Override
  public CommandResult run(SafeCmd cmd, RunOptions options) {
    return record(real.run(cmd, options));
  }

  @Override
  public CompletableFuture<CommandResult> runAsync(SafeCmd cmd, RunOptions options) {
    CompletableFuture<CommandResult> future = real.runAsync(cmd, options);
    future.thenAccept(this::record);
    return future;
  }

  /** Starts a real process; the reply recorded is the result, which holds the output not taken. */
  @Override
  public RunningProcess start(SafeCmd cmd, RunOptions options) {
    RunningProcess process = real.start(cmd, options);
    process.onExit().thenAccept(this::record);
    return process;
  }

  /** Starts real stages; the replies recorded are the stages' results. */
  @Override
  public RunningPipeline start(Pipeline pipeline, RunOptions options) {
    RunningPipeline started = real.start(pipeline, options);
    started.onExit().thenAccept(this::record);
    return started;
  }

  @Override
  public PipelineResult run(Pipeline pipeline) {
    return record(real.run(pipeline));
  }

  @Override
  public PipelineResult run(Pipeline pipeline, RunOptions options) {
    return record(real.run(pipeline, options));
  }

  @Override
  public CompletableFuture<PipelineResult> runAsync(Pipeline pipeline, RunOptions options) {
    CompletableFuture<PipelineResult> future = real.runAsync(pipeline, options);
    future.thenAccept(this::record);
    return future;
  }

  @Override
  public ConcurrentResult runConcurrent(List<SafeCmd> commands, ConcurrentConfig config) {
    ConcurrentResult result = real.runConcurrent(commands, config);
    result.results().forEach(this::record);
    return result;
  }

  @Override
  public CompletableFuture<ConcurrentResult> runConcurrentAsync(List<SafeCmd> commands, ConcurrentConfig config) {
    CompletableFuture<ConcurrentResult> future = real.runConcurrentAsync(commands, config);
    future.thenAccept(result -> result.results().forEach(this::record));
    return future;
  }

  @Override
  public boolean shutdown(Duration awaitTermination) {
    return real.shutdown(awaitTermination);
  }

  @Override
  public boolean isShutdown() {
    return real.isShutdown();
  }

  private PipelineResult record(PipelineResult result) {
    result.stages().forEach(this::record);
    return result;
  }

  private CommandResult record(CommandResult result) {
    List<String> argv = result.argv();
    List<String> masked = new ArrayList<>(argv.size());
    argv.forEach(argument -> masked.add(SecretValues.maskIn(argv, argument)));
    Fixture.Entry entry = new Fixture.Entry(result.program().name(), masked, result.exitCode(),
        SecretValues.maskIn(argv, result.stdout() == null ? "" : result.stdout()),
        SecretValues.maskIn(argv, result.stderr() == null ? "" : result.stderr()));
    synchronized (entries) {
      entries.add(entry);
      Fixture.write(fixture, entries);
    }
    return result;
  }
}
