package dev.cuprum.spring.batch;

import dev.cuprum.CommandExecutor;
import dev.cuprum.SafeCmd;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.core.task.TaskExecutor;

/**
 * Builds the steps that run commands: one command as a step, the worker step of a batch of
 * commands, and a batch of commands partitioned on this machine. Every step runs its commands
 * through the application's executor, reports its own observation to the application's registry
 * (so {@code cuprum.exec} observations nest in the step's, the step's in the job's), and watches the
 * job repository for a stop while a command runs.
 *
 * <p>The tasklet steps run without a database transaction around the command: a command is not
 * transactional, and a connection held for as long as it runs would starve the pool. The job
 * repository saves each step's execution in transactions of its own.
 */
public final class CommandSteps {

  private final JobRepository jobRepository;
  private final CommandExecutor executor;
  private final TaskExecutor partitionExecutor;
  private final ObservationRegistry observationRegistry;

  /**
   * @param partitionExecutor runs the partitions of {@link #partitioned} steps; its concurrency is
   *     the batch's
   */
  public CommandSteps(JobRepository jobRepository, CommandExecutor executor, TaskExecutor partitionExecutor,
      ObservationRegistry observationRegistry) {
    this.jobRepository = Objects.requireNonNull(jobRepository, "jobRepository");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.partitionExecutor = Objects.requireNonNull(partitionExecutor, "partitionExecutor");
    this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry");
  }

  /** A tasklet builder with the application's executor, watching the job repository for a stop. */
  public CommandTasklet.Builder tasklet() {
    return CommandTasklet.builder(executor).jobRepository(jobRepository);
  }

  /** A step that runs {@code command}, with the tasklet's defaults. */
  public Step command(String name, SafeCmd command) {
    return step(name, tasklet().command(command).build());
  }

  /** A step that runs {@code tasklet}. */
  public Step step(String name, CommandTasklet tasklet) {
    return new StepBuilder(name, jobRepository).observationRegistry(observationRegistry).tasklet(tasklet).build();
  }

  /**
   * The step each partition of a batch of commands runs: the command {@code command} makes of the
   * partition's item ({@link CommandPartitioner}). In remote partitioning, the worker JVMs build
   * it with the same name as the manager's.
   */
  public Step worker(String name, Function<String, SafeCmd> command) {
    Objects.requireNonNull(command, "command");
    return step(name, tasklet().command(stepExecution -> command.apply(CommandPartitioner.item(stepExecution))).build());
  }

  /**
   * A batch of commands on this machine: one partition per item, run on the partition executor,
   * each partition a step execution of {@code worker}. A restart runs only the partitions that did
   * not complete.
   */
  public Step partitioned(String name, List<String> items, Step worker) {
    Objects.requireNonNull(worker, "worker");
    return new StepBuilder(name, jobRepository).observationRegistry(observationRegistry)
        .partitioner(worker.getName(), CommandPartitioner.of(items))
        .step(worker)
        .taskExecutor(partitionExecutor)
        .build();
  }

  /**
   * {@link #partitioned(String, List, Step)} with the {@link #worker} step named
   * {@code name + ".command"}: a batch of the commands {@code command} makes of {@code items}.
   */
  public Step partitionedCommands(String name, List<String> items, Function<String, SafeCmd> command) {
    return partitioned(name, items, worker(name + ".command", command));
  }
}
