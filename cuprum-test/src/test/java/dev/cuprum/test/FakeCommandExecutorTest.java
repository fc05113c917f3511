package dev.cuprum.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.cuprum.CommandResult;
import dev.cuprum.ForbiddenProgramException;
import dev.cuprum.Pipeline;
import dev.cuprum.PipelineResult;
import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.ProjectSettings;
import dev.cuprum.RunOptions;
import dev.cuprum.RunningPipeline;
import dev.cuprum.RunningProcess;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import dev.cuprum.TimeoutExpiredException;
import dev.cuprum.builders.Git;
import dev.cuprum.concurrent.BatchListener;
import dev.cuprum.concurrent.ConcurrentConfig;
import dev.cuprum.concurrent.ConcurrentResult;
import dev.cuprum.concurrent.RetryPolicy;
import dev.cuprum.context.Cuprum;
import dev.cuprum.context.Registration;
import dev.cuprum.context.ScopeConfig;
import dev.cuprum.events.ExecEvent;
import dev.cuprum.events.ExecPhase;
import dev.cuprum.micrometer.ExecOutcome;
import dev.cuprum.testing.RecordedEvents;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The fake keeps the real executor's contract: each test shows one part of it. */
class FakeCommandExecutorTest {

  private static final Program FFMPEG = Program.of("ffmpeg");
  private static final Program GIT = Program.of("git");
  private static final Program TAR = Program.of("tar");
  private static final ProgramCatalogue CATALOGUE = ProgramCatalogue.of(
      ProjectSettings.builder("media").programs(FFMPEG, GIT, TAR).build());

  private final FakeCommandExecutor executor = FakeCommandExecutor.create(CATALOGUE);

  private static SafeCmd cmd(Program program, Object... args) {
    return Sh.make(program, CATALOGUE).args(args);
  }

  @Test
  void answersAnExactCommandWithItsReplyAndStartsNoProcess() {
    executor.on(FFMPEG, "-i", "in.mp4", "out.webm").respond(Reply.exit(0).stdout("done\n").stderr("frame=1\n"));

    CommandResult result = executor.run(cmd(FFMPEG, "-i", "in.mp4", "out.webm"));

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout()).isEqualTo("done\n");
    assertThat(result.stderr()).isEqualTo("frame=1\n");
    executor.verify();
  }

  @Test
  void aCommandNoExpectationMatchesNamesTheClosest() {
    executor.on(GIT, "status", "--short").respond(Reply.exit(0));
    executor.on(FFMPEG, "-version").respond(Reply.exit(0));

    assertThatThrownBy(() -> executor.run(cmd(GIT, "status", "--long")))
        .isInstanceOf(UnexpectedCommandException.class)
        .hasMessageStartingWith("Unexpected command [git, status, --long]; the closest expectation is git [status, "
            + "--short]")
        .hasMessageContaining("ffmpeg [-version]");
  }

  @Test
  void callsAreRecordedInOrderWithSecretsMasked() {
    executor.on(cmd -> cmd.program().equals(GIT)).respond(Reply.exit(0));

    executor.run(cmd(GIT, "clone", Sh.secret("https://token@example.com/r.git")));
    executor.run(Git.status(true, false));

    assertThat(executor.calls()).extracting(CommandCall::argv)
        .containsExactly(List.of("clone", "******"), List.of("status", "--short"));
  }

  @Test
  void countsAreVerified() {
    executor.on(GIT, "fetch").times(2).respond(Reply.exit(0));
    executor.on(TAR, "--version");
    executor.run(cmd(GIT, "fetch"));

    assertThatThrownBy(executor::verify).isInstanceOf(AssertionError.class)
        .hasMessageContaining("git [fetch] (expected 2 times, called 1 times)")
        .hasMessageContaining("tar [--version] (expected at least once, called 0 times)");
    executor.run(cmd(GIT, "fetch"));
    assertThatThrownBy(() -> executor.run(cmd(GIT, "fetch"))).isInstanceOf(UnexpectedCommandException.class);
  }

  @Test
  void theAllowlistAndScopedAllowlistsRefuseAsForReal() {
    executor.on(cmd -> true).respond(Reply.exit(0));
    SafeCmd outside = Sh.make(Program.of("rm"), ProgramCatalogue.of(
        ProjectSettings.builder("other").programs(Program.of("rm")).build())).args("-rf", "/");
    assertThatThrownBy(() -> executor.run(outside)).isInstanceOf(ForbiddenProgramException.class);
    try (Registration onlyGit = Cuprum.scoped(ScopeConfig.builder().allowlist(GIT).build())) {
      assertThatThrownBy(() -> executor.run(cmd(TAR, "-cf", "/tmp/x.tar", "/tmp")))
          .isInstanceOf(ForbiddenProgramException.class);
      assertThat(executor.run(cmd(GIT, "status")).ok()).isTrue();
    }
    assertThat(executor.calls()).extracting(call -> call.command().program()).containsExactly(Program.of("rm"), TAR, GIT);
  }

  @Test
  void hooksEventsAndObservationsFire() {
    RecordedEvents events = new RecordedEvents();
    List<String> order = new CopyOnWriteArrayList<>();
    TestObservationRegistry observations = TestObservationRegistry.create();
    FakeCommandExecutor observed = FakeCommandExecutor.create(CATALOGUE, builder -> builder
        .beforeHook(cmd -> order.add("before " + cmd.program()))
        .afterHook((cmd, result) -> order.add("after " + result.exitCode()))
        .observeHook(events)
        .observationRegistry(observations));
    observed.on(GIT, "log", "-1").respond(Reply.exit(1).stdout("a\nb\n"));

    observed.run(cmd(GIT, "log", "-1"));

    assertThat(order).containsExactly("before git", "after 1");
    assertThat(events.all()).extracting(ExecEvent::phase)
        .containsExactly(ExecPhase.PLAN, ExecPhase.START, ExecPhase.STDOUT, ExecPhase.STDOUT, ExecPhase.EXIT);
    assertThat(events.of(ExecPhase.STDOUT)).extracting(ExecEvent::line).containsExactly("a", "b");
    TestObservationRegistryAssert.assertThat(observations).hasObservationWithNameEqualTo("cuprum.exec")
        .that().hasLowCardinalityKeyValue("cuprum.outcome", ExecOutcome.FAILURE.name());
  }

  @Test
  void aTimeoutEndsAReplyThatTakesLonger() {
    executor.on(FFMPEG, "-i", "big.mp4").respond(Reply.exit(0).after(Duration.ofMinutes(5)));

    long start = System.nanoTime();
    assertThatThrownBy(() -> executor.run(cmd(FFMPEG, "-i", "big.mp4"),
        RunOptions.builder().timeout(Duration.ofMillis(200)).build()))
        .isInstanceOf(TimeoutExpiredException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    assertThat(executor.runningCommands()).isEmpty();
  }

  @Test
  void cancellingTheFutureEndsTheReply() throws Exception {
    executor.on(FFMPEG, "-i", "big.mp4").respond(Reply.exit(0).after(Duration.ofMinutes(5)));

    CompletableFuture<CommandResult> running = executor.runAsync(cmd(FFMPEG, "-i", "big.mp4"), RunOptions.defaults());
    await().atMost(Duration.ofSeconds(10)).until(() -> !executor.runningCommands().isEmpty());
    running.cancel(true);

    assertThatThrownBy(running::join).isInstanceOf(CancellationException.class);
    await().atMost(Duration.ofSeconds(10)).until(() -> executor.runningCommands().isEmpty());
  }

  @Test
  void startStreamsTheRepliesStdout() {
    executor.on(FFMPEG, "-progress", "-").respond(Reply.exit(0).stdout("frame=1\nframe=2\nprogress=end\n"));

    try (RunningProcess process = executor.start(cmd(FFMPEG, "-progress", "-"), RunOptions.defaults());
        Stream<String> lines = process.stdoutLines()) {
      assertThat(lines).containsExactly("frame=1", "frame=2", "progress=end");
      assertThat(process.await().exitCode()).isZero();
    }
  }

  @Test
  void startingAPipelineStreamsTheLastStagesReply() {
    executor.on(GIT, "log", "--oneline").respond(Reply.exit(0).stdout("ignored by the fake\n"));
    executor.on(TAR, "-tf", "-").respond(Reply.exit(0).stdout("a.txt\nb.txt\n"));

    try (RunningPipeline pipeline = executor.start(Pipeline.of(cmd(GIT, "log", "--oneline"), cmd(TAR, "-tf", "-")),
        RunOptions.defaults()); Stream<String> lines = pipeline.stdoutLines()) {
      assertThat(lines).containsExactly("a.txt", "b.txt");
      assertThat(pipeline.await().ok()).isTrue();
    }
  }

  @Test
  void aReplyThatFailsToStartThrows() {
    executor.on(FFMPEG, "-version").respond(Reply.fail(new IllegalStateException("no codec")));

    assertThatThrownBy(() -> executor.run(cmd(FFMPEG, "-version"))).isInstanceOf(IllegalStateException.class)
        .hasMessage("no codec");
  }

  @Test
  void pipelinesAnswerEachStage() {
    executor.on(GIT, "ls-files").respond(Reply.exit(0).stdout("a\n"));
    executor.on(TAR, "-cf", "-", "-T", "-").respond(Reply.exit(2).stderr("tar: boom\n"));

    PipelineResult result = executor.run(Pipeline.of(cmd(GIT, "ls-files"), cmd(TAR, "-cf", "-", "-T", "-")));

    assertThat(result.stages()).extracting(CommandResult::exitCode).containsExactly(0, 2);
    assertThat(result.ok()).isFalse();
    assertThat(result.failureIndex()).isEqualTo(1);
  }

  @Test
  void batchesKeepOrderLimitsListenersAndRetries() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<Integer> started = Collections.synchronizedList(new ArrayList<>());
    BatchListener listener = new BatchListener() {
      @Override
      public void started(int index, SafeCmd cmd) {
        started.add(index);
        most.accumulateAndGet(running.incrementAndGet(), Math::max);
      }

      @Override
      public void finished(int index, CommandResult result) {
        running.decrementAndGet();
      }
    };
    for (int i = 0; i < 6; i++) {
      executor.on(FFMPEG, "-i", i + ".mp4").respond(Reply.exit(0).stdout(i + "\n").after(Duration.ofMillis(50 * (6 - i))));
    }
    executor.on(GIT, "fetch").times(1).respond(Reply.exit(1));
    executor.on(GIT, "fetch").times(1).respond(Reply.exit(0).stdout("fetched\n"));
    List<SafeCmd> commands = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      commands.add(cmd(FFMPEG, "-i", i + ".mp4"));
    }
    commands.add(cmd(GIT, "fetch"));

    ConcurrentResult result = executor.runConcurrent(commands, ConcurrentConfig.builder().concurrency(2)
        .retry(RetryPolicy.onFailure(2)).listener(listener).build());

    assertThat(result.results()).extracting(CommandResult::stdout)
        .containsExactly("0\n", "1\n", "2\n", "3\n", "4\n", "5\n", "fetched\n");
    assertThat(most.get()).isLessThanOrEqualTo(2);
    assertThat(started).hasSize(8);
    executor.verify();
  }

  @Test
  void failFastCancelsTheRest() {
    executor.on(GIT, "fetch").respond(Reply.exit(1));
    executor.on(FFMPEG, "-i", "slow.mp4").respond(Reply.exit(0).after(Duration.ofMinutes(5)));

    long start = System.nanoTime();
    Throwable failed = catchThrowable(() -> executor.runConcurrent(
        List.of(cmd(FFMPEG, "-i", "slow.mp4"), cmd(GIT, "fetch")), ConcurrentConfig.builder().failFast(true).build()));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    assertThat(failed).isNull();
    await().atMost(Duration.ofSeconds(10)).until(() -> executor.runningCommands().isEmpty());
  }
}
