package dev.cuprum.spring.batch;

import static dev.cuprum.spring.batch.TestJobs.newParameters;
import static dev.cuprum.spring.batch.TestJobs.onlyStep;
import static dev.cuprum.testing.TestPrograms.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import dev.cuprum.CommandExecutor;
import dev.cuprum.RunOptions;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import dev.cuprum.StdinInput;
import dev.cuprum.TimeoutExpiredException;
import dev.cuprum.testing.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;

@SpringBootTest(classes = BatchTestApplication.class, properties = "spring.batch.job.enabled=false")
class CommandTaskletTests {

  private static final Duration WITHIN = Duration.ofSeconds(20);

  @Autowired
  private CommandSteps steps;

  @Autowired
  private JobOperator jobOperator;

  @Autowired
  private JobRepository jobRepository;

  @Autowired
  private CommandExecutor executor;

  @Test
  void aCommandThatExitsZeroCompletesItsStepAndLeavesItsOutputInTheContext() throws Exception {
    JobExecution execution = run(steps.command("greet", sh("echo hello; echo careful >&2")));

    assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    ExecutionContext context = onlyStep(execution).getExecutionContext();
    assertThat(context.getInt(CommandTasklet.EXIT_CODE_KEY)).isZero();
    assertThat(context.getString(CommandTasklet.STDOUT_KEY)).isEqualTo("hello");
    assertThat(context.getString(CommandTasklet.STDERR_KEY)).isEqualTo("careful");
    assertThat(context.getString(CommandTasklet.COMMAND_KEY)).startsWith("sh -c");
    assertThat(context.getLong(CommandTasklet.PID_KEY)).isPositive();
  }

  @Test
  void aNonZeroExitFailsTheStepAndItsMessageAndContextMaskTheSecret() throws Exception {
    String secret = "hunter2-" + System.nanoTime();
    SafeCmd cmd = sh("echo \"token $1\"; echo \"denied $1\" >&2; exit 3", Sh.secret(secret));

    JobExecution execution = run(steps.command("fail", cmd));

    StepExecution step = onlyStep(execution);
    assertThat(step.getStatus()).isEqualTo(BatchStatus.FAILED);
    assertThat(step.getExitStatus().getExitCode()).isEqualTo(ExitStatus.FAILED.getExitCode());
    assertThat(step.getFailureExceptions()).singleElement()
        .isInstanceOf(CommandStepException.class)
        .satisfies(failure -> assertThat(failure.getMessage()).contains("exited with 3", "denied").doesNotContain(secret));
    assertThat(step.getExitStatus().getExitDescription()).doesNotContain(secret);
    ExecutionContext context = step.getExecutionContext();
    assertThat(context.getInt(CommandTasklet.EXIT_CODE_KEY)).isEqualTo(3);
    assertThat(context.getString(CommandTasklet.STDOUT_KEY)).startsWith("token ").doesNotContain(secret);
    assertThat(context.getString(CommandTasklet.STDERR_KEY)).doesNotContain(secret);
    assertThat(context.getString(CommandTasklet.COMMAND_KEY)).doesNotContain(secret);
  }

  @Test
  void anExitCodeMappedToAnotherStatusCompletesTheStepWithThatStatus() throws Exception {
    CommandTasklet tasklet = steps.tasklet().command(sh("exit 1"))
        .exitStatus(CommandExitStatusMapper.byExitCode(Map.of(0, ExitStatus.COMPLETED, 1, ExitStatus.NOOP)))
        .build();

    JobExecution execution = run(steps.step("no-match", tasklet));

    assertThat(onlyStep(execution).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(onlyStep(execution).getExitStatus().getExitCode()).isEqualTo(ExitStatus.NOOP.getExitCode());
  }

  @Test
  void aChattyCommandNeverBlocksAndOnlyTheEndOfItsOutputIsKept() throws Exception {
    CommandTasklet tasklet = steps.tasklet().command(sh("yes 0123456789 | head -c 8000000; echo; echo last"))
        .outputLimit(100).build();

    JobExecution execution = run(steps.step("chatty", tasklet));

    assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    String kept = onlyStep(execution).getExecutionContext().getString(CommandTasklet.STDOUT_KEY);
    assertThat(kept).hasSizeLessThanOrEqualTo(101).endsWith("last");
  }

  @Test
  void outputBeyondTheCaptureLimitNeitherBlocksTheCommandNorIsHeld() throws Exception {
    dev.cuprum.ExecutionContext small = dev.cuprum.ExecutionContext.builder().maxCaptureBytes(64 * 1024).build();
    CommandTasklet tasklet = steps.tasklet().command(sh("head -c 4000000 /dev/zero | tr '\\0' x; echo; echo last"))
        .options(RunOptions.builder().context(small).timeout(Duration.ofSeconds(20)).build())
        .outputLimit(10).build();

    JobExecution execution = run(steps.step("beyond-limit", tasklet));

    assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(onlyStep(execution).getExecutionContext().getString(CommandTasklet.STDOUT_KEY)).isEqualTo("…xxxxx\nlast");
  }

  @Test
  void optionsThatKeepOutputFromTheJvmOrCaptureNothingStillCompleteTheStep(@TempDir Path dir) throws Exception {
    for (RunOptions options : List.of(RunOptions.builder().capture(false).echo(false).build(),
        RunOptions.builder().mergeStderr(true).build(),
        RunOptions.builder().stdoutFile(dir.resolve("out")).stderrFile(dir.resolve("err")).build())) {
      CommandTasklet tasklet = steps.tasklet().command(sh("echo out; echo err >&2")).options(options).build();

      JobExecution execution = run(steps.step("options", tasklet));

      assertThat(execution.getStatus()).as(options.toString()).isEqualTo(BatchStatus.COMPLETED);
    }
    assertThat(dir.resolve("out")).hasContent("out");
  }

  @Test
  void stdinWrittenWhileTheCommandRunsIsRefusedWhenTheTaskletIsBuilt() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> steps.tasklet().options(RunOptions.builder().stdin(StdinInput.pipe()).build()))
        .withMessageContaining("StdinInput.pipe()");
  }

  @Test
  void aStepExecutionRecoveredForARestartEndsItsCommand() throws Exception {
    String marker = Processes.marker();
    CommandTasklet tasklet = steps.tasklet().command(sh("sleep 600 & wait", marker))
        .stopCheckInterval(Duration.ofMillis(100)).build();
    Background running = startInBackground("recovered", tasklet, marker);

    // What JobOperator.recover does to the step of a run whose manager died; the tasklet saves the
    // step as it looks for a stop, so a save from a copy loaded just before can lose and is retried.
    await().atMost(WITHIN).until(() -> {
      StepExecution step = onlyStep(lastExecution(running));
      step.setStatus(BatchStatus.FAILED);
      try {
        jobRepository.update(step);
        return true;
      } catch (OptimisticLockingFailureException lostTheRace) {
        return false;
      }
    });

    running.awaitEnd();
    assertThat(Processes.runningWith(marker)).isEmpty();
  }

  @Test
  void aRestartedStepKeepsNothingOfTheEarlierRunsCommand() throws Exception {
    Path flag = Files.createTempFile("cuprum-restart", ".flag");
    CommandTasklet tasklet = steps.tasklet()
        .command(sh("if [ -e \"$1\" ]; then echo first; exit 3; fi; sleep 600", flag))
        .options(RunOptions.builder().timeout(Duration.ofMillis(500)).build()).build();
    Job job = TestJobs.of("restarted", steps.step("restarted", tasklet), jobRepository);
    JobParameters parameters = newParameters();
    assertThat(onlyStep(start(job, parameters)).getExecutionContext().getInt(CommandTasklet.EXIT_CODE_KEY)).isEqualTo(3);

    Files.delete(flag);
    ExecutionContext context = onlyStep(start(job, parameters)).getExecutionContext();

    assertThat(context.getString(CommandTasklet.TERMINATION_KEY)).isEqualTo("TIMEOUT");
    assertThat(context.containsKey(CommandTasklet.EXIT_CODE_KEY)).isFalse();
    assertThat(context.containsKey(CommandTasklet.STDOUT_KEY)).isFalse();
  }

  @Test
  void aTimeoutFailsTheStepAndEndsTheTree() throws Exception {
    String marker = Processes.marker();
    CommandTasklet tasklet = steps.tasklet().command(sh("sleep 600 & wait", marker))
        .options(RunOptions.builder().timeout(Duration.ofMillis(300)).build()).build();

    JobExecution execution = run(steps.step("slow", tasklet));

    assertThat(onlyStep(execution).getStatus()).isEqualTo(BatchStatus.FAILED);
    assertThat(onlyStep(execution).getFailureExceptions()).singleElement().isInstanceOf(TimeoutExpiredException.class);
    Processes.awaitNoneRunningWith(marker);
  }

  @Test
  void theTaskletsStopEndsTheTreeAtOnceAndStopsTheStep() throws Exception {
    String marker = Processes.marker();
    // A long check interval: only the call JobOperator makes to a tasklet it can reach ends it in time.
    CommandTasklet tasklet = steps.tasklet().command(sh("sleep 600 & wait", marker))
        .stopCheckInterval(Duration.ofMinutes(5)).build();
    Background running = startInBackground("stop-direct", tasklet, marker);
    JobExecution execution = lastExecution(running);

    tasklet.stop(onlyStep(execution));

    JobExecution ended = running.awaitEnd();
    assertThat(onlyStep(ended).getStatus()).isEqualTo(BatchStatus.STOPPED);
    assertThat(Processes.runningWith(marker)).isEmpty();
  }

  @Test
  void aStopRecordedInTheJobRepositoryByAnotherJvmEndsTheTree() throws Exception {
    String marker = Processes.marker();
    CommandTasklet tasklet = steps.tasklet().command(sh("sleep 600 & wait", marker))
        .stopCheckInterval(Duration.ofMillis(100)).build();
    Background running = startInBackground("stop-remote", tasklet, marker);

    // What JobOperator.stop does for a job it cannot reach: it only marks the execution STOPPING.
    JobExecution seen = lastExecution(running);
    seen.setStatus(BatchStatus.STOPPING);
    jobRepository.update(seen);

    JobExecution ended = running.awaitEnd();
    assertThat(ended.getStatus()).isEqualTo(BatchStatus.STOPPED);
    assertThat(onlyStep(ended).getStatus()).isEqualTo(BatchStatus.STOPPED);
    assertThat(Processes.runningWith(marker)).isEmpty();
  }

  private JobExecution run(Step step) {
    return start(TestJobs.of(step.getName(), step, jobRepository), newParameters());
  }

  private JobExecution start(Job job, JobParameters parameters) {
    try {
      return jobOperator.start(job, parameters);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A job of the tasklet's step started on another thread, once its command runs. */
  private Background startInBackground(String name, CommandTasklet tasklet, String marker) {
    Job job = TestJobs.of(name, steps.step(name, tasklet), jobRepository);
    JobParameters parameters = newParameters();
    CompletableFuture<JobExecution> execution = CompletableFuture.supplyAsync(() -> start(job, parameters));
    await().atMost(WITHIN).until(() -> !Processes.runningWith(marker).isEmpty());
    return new Background(job, parameters, execution);
  }

  private JobExecution lastExecution(Background running) {
    return jobRepository.getLastJobExecution(running.job().getName(), running.parameters());
  }

  private record Background(Job job, JobParameters parameters, CompletableFuture<JobExecution> execution) {

    JobExecution awaitEnd() throws Exception {
      return execution.get(WITHIN.toSeconds(), TimeUnit.SECONDS);
    }
  }
}
