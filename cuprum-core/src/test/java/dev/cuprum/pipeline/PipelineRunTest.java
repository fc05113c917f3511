package dev.cuprum.pipeline;

import static dev.cuprum.testing.TestPrograms.CAT;
import static dev.cuprum.testing.TestPrograms.cmd;
import static dev.cuprum.testing.TestPrograms.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutionContext;
import dev.cuprum.ForbiddenProgramException;
import dev.cuprum.Pipeline;
import dev.cuprum.PipelineResult;
import dev.cuprum.ProcessStartException;
import dev.cuprum.Programs;
import dev.cuprum.RunOptions;
import dev.cuprum.Sh;
import dev.cuprum.StdinInput;
import dev.cuprum.Termination;
import dev.cuprum.TimeoutExpiredException;
import dev.cuprum.context.Cuprum;
import dev.cuprum.context.ExecHook;
import dev.cuprum.context.Registration;
import dev.cuprum.context.ScopeConfig;
import dev.cuprum.events.ExecEvent;
import dev.cuprum.events.ExecPhase;
import dev.cuprum.testing.Processes;
import dev.cuprum.testing.TestPrograms;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineRunTest {

  private static final ExecutionContext SHORT_GRACE = ExecutionContext.builder().cancelGrace(Duration.ofMillis(200)).build();

  private final CommandExecutor executor = TestPrograms.executor();

  private static List<Integer> exitCodes(PipelineResult result) {
    return result.stages().stream().map(CommandResult::exitCode).toList();
  }

  @Test
  void streamsBetweenTwoStages() {
    PipelineResult result = executor.run(Sh.make(Programs.ECHO).args("-n", "behaviour").pipe(cmd(TestPrograms.TR, "a-z", "A-Z")));
    assertThat(result.stdout()).isEqualTo("BEHAVIOUR");
    assertThat(result.ok()).isTrue();
    assertThat(result.failureIndex()).isNull();
    assertThat(result.failure()).isNull();
    assertThat(result.stages()).hasSize(2).allSatisfy(stage -> {
      assertThat(stage.exitCode()).isZero();
      assertThat(stage.pid()).isPositive();
      assertThat(stage.stderr()).isEmpty();
    });
    assertThat(result.stages().get(0).stdout()).isNull();
    assertThat(result.finalStage().stdout()).isEqualTo("BEHAVIOUR");
  }

  @Test
  void fourStagesWithStderrCapturedPerStage() {
    PipelineResult result = executor.run(Pipeline.of(
        sh("printf 'b\\na\\nc\\n'; echo s0 >&2"),
        sh("sort; echo s1 >&2"),
        sh("tr a-z A-Z"),
        sh("cat; echo s3 >&2")));
    assertThat(result.stdout()).isEqualTo("A\nB\nC\n");
    assertThat(result.stages()).extracting(CommandResult::stderr).containsExactly("s0\n", "s1\n", "", "s3\n");
    assertThat(exitCodes(result)).containsExactly(0, 0, 0, 0);
  }

  @Test
  void sixtyFourMebibytesCrossThreeStagesByteForByte(@TempDir Path dir) throws Exception {
    byte[] payload = new byte[64 * 1024 * 1024];
    new Random(20260101).nextBytes(payload);
    Path file = Files.write(dir.resolve("payload"), payload);
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));

    PipelineResult hashed = executor.run(Pipeline.of(cmd(CAT, file), cmd(CAT), sh("sha256sum | cut -d' ' -f1")));
    assertThat(hashed.stdout().strip()).isEqualTo(expected);

    ExecutionContext latin1 = ExecutionContext.builder().charset(StandardCharsets.ISO_8859_1).build();
    PipelineResult captured = executor.run(Pipeline.of(cmd(CAT, file), cmd(CAT), cmd(CAT)),
        RunOptions.builder().context(latin1).build());
    assertThat(captured.stdout().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(payload);
  }

  @Test
  void multibyteTextAndEmptyOutputSurvive() {
    String text = "é".repeat(5000) + "☃".repeat(3000) + "😀".repeat(2500);
    PipelineResult result = executor.run(cmd(CAT).pipe(cmd(CAT)), RunOptions.builder().stdin(StdinInput.text(text)).build());
    assertThat(result.stdout()).isEqualTo(text);
    assertThat(executor.run(sh("true").pipe(cmd(CAT))).stdout()).isEmpty();
  }

  @Test
  void stageZeroReadsAnEmptyStdinByDefault() {
    assertThat(executor.run(cmd(CAT).pipe(cmd(TestPrograms.WC, "-c"))).stdout().strip()).isEqualTo("0");
  }

  @Test
  void brokenPipeUpstreamIsNotAFailure() {
    PipelineResult result = executor.run(cmd(TestPrograms.YES).pipe(cmd(TestPrograms.HEAD, "-n", "3")));
    assertThat(result.stdout()).isEqualTo("y\ny\ny\n");
    assertThat(result.stages().get(0).exitCode()).isIn(0, 141);
    assertThat(result.failureIndex()).isNull();
    assertThat(result.ok()).isTrue();

    PipelineResult reader = executor.run(sh("i=0; while [ $i -lt 4096 ]; do echo line $i; i=$((i+1)); done")
        .pipe(sh("head -c 1 >/dev/null; echo done")), RunOptions.builder().timeout(Duration.ofSeconds(5)).build());
    assertThat(reader.stdout()).isEqualTo("done\n");
    assertThat(reader.ok()).isTrue();
  }

  @Test
  void firstStageFailureEndsTheOthers() {
    PipelineResult result = executor.run(Pipeline.of(sh("exit 7"), sh("sleep 30"), sh("sleep 30")),
        RunOptions.builder().context(SHORT_GRACE).build());
    assertThat(exitCodes(result)).containsExactly(7, 143, 143);
    assertThat(result.failureIndex()).isZero();
    assertThat(result.failure()).isSameAs(result.stages().get(0));
    assertThat(result.ok()).isFalse();
    assertThat(result.stages()).extracting(CommandResult::termination)
        .containsExactly(Termination.NONE, Termination.FAIL_FAST, Termination.FAIL_FAST);
  }

  @Test
  void middleStageFailureEndsTheOthers() {
    PipelineResult result = executor.run(Pipeline.of(sh("sleep 30"), sh("exit 3"), sh("sleep 30")),
        RunOptions.builder().context(SHORT_GRACE).build());
    assertThat(exitCodes(result)).containsExactly(143, 3, 143);
    assertThat(result.failureIndex()).isEqualTo(1);
  }

  @Test
  void lastStageFailureEndsNothing() {
    PipelineResult result = executor.run(Pipeline.of(sh("echo x"), cmd(CAT), sh("cat >/dev/null; exit 5")));
    assertThat(exitCodes(result)).containsExactly(0, 0, 5);
    assertThat(result.failureIndex()).isEqualTo(2);
    assertThat(result.stages()).extracting(CommandResult::termination).containsOnly(Termination.NONE);
    PipelineResult twoStages = executor.run(sh("true").pipe(sh("exit 1")));
    assertThat(twoStages.failureIndex()).isEqualTo(1);
    assertThat(twoStages.finalStage().exitCode()).isEqualTo(1);
  }

  @Test
  void oneTimeoutForTheWholePipelineWithPartialOutput() {
    String marker = Processes.marker();
    TimeoutExpiredException timeout = catchThrowableOfType(TimeoutExpiredException.class, () -> executor.run(
        Pipeline.of(sh("echo partial; echo e0 >&2; sleep 30; : " + marker), cmd(CAT), sh("echo e2 >&2; cat")),
        RunOptions.builder().timeout(Duration.ofMillis(400)).context(SHORT_GRACE).build()));
    assertThat(timeout.stdout()).isEqualTo("partial\n");
    assertThat(timeout.stderr()).isEqualTo("e0\ne2\n");
    assertThat(timeout.command()).hasSize(3);
    assertThat(timeout.command().get(1)).isEqualTo(List.of("cat"));
    assertThat(Processes.runningWith(marker)).isEmpty();
  }

  @Test
  void nonPositiveTimeoutEndsEveryStage() {
    assertThatThrownBy(() -> executor.run(sh("true").pipe(cmd(CAT)),
        RunOptions.builder().timeout(Duration.ZERO).context(SHORT_GRACE).build()))
        .isInstanceOf(TimeoutExpiredException.class);
  }

  @Test
  void cancellationEndsEveryStage() {
    String marker = Processes.marker();
    CompletableFuture<PipelineResult> future = executor.runAsync(
        Pipeline.of(sh("sleep 30; : " + marker), sh("cat; sleep 30; : " + marker)), RunOptions.builder().context(SHORT_GRACE).build());
    await().atMost(Duration.ofSeconds(5)).until(() -> Processes.runningWith(marker).size() >= 2);
    future.cancel(true);
    assertThatThrownBy(future::join).isInstanceOf(CancellationException.class);
    Processes.awaitNoneRunningWith(marker);
  }

  @Test
  void everyStageIsCheckedBeforeAnythingStarts() {
    String marker = Processes.marker();
    try (Registration scope = Cuprum.scoped(ScopeConfig.builder().allowlist(TestPrograms.SH).build())) {
      assertThatThrownBy(() -> executor.run(sh("sleep 5; : " + marker).pipe(cmd(CAT))))
          .isInstanceOf(ForbiddenProgramException.class)
          .hasMessageContaining("'cat'");
    }
    assertThat(Processes.runningWith(marker)).isEmpty();
  }

  @Test
  void aStageThatCannotStartEndsTheStartedOnes() {
    String marker = Processes.marker();
    assertThatThrownBy(() -> executor.run(sh("sleep 30; : " + marker).pipe(TestPrograms.cmd(TestPrograms.MISSING))))
        .isInstanceOf(ProcessStartException.class)
        .hasMessageContaining("cuprum-no-such-program");
    Processes.awaitNoneRunningWith(marker);
  }

  @Test
  void hooksAndEventsRunPerStageInOrder() {
    List<String> calls = new CopyOnWriteArrayList<>();
    List<ExecEvent> events = new CopyOnWriteArrayList<>();
    ExecHook hook = event -> {
      events.add(event);
      if (event.phase() == ExecPhase.PLAN || event.phase() == ExecPhase.EXIT) {
        calls.add(event.phase() + ":" + event.tags().get("pipeline_stage_index"));
      }
    };
    try (Registration observe = Cuprum.observe(hook);
        Registration before = Cuprum.before(cmd -> calls.add("before:" + cmd.argv().get(1)));
        Registration after = Cuprum.after((cmd, result) -> calls.add("after:" + cmd.argv().get(1)))) {
      executor.run(sh("echo out; echo e0 >&2").pipe(sh("cat; echo e1 >&2")));
    }
    assertThat(calls).containsExactly("PLAN:0", "before:echo out; echo e0 >&2", "PLAN:1", "before:cat; echo e1 >&2",
        "EXIT:0", "EXIT:1", "after:echo out; echo e0 >&2", "after:cat; echo e1 >&2");
    assertThat(events).filteredOn(event -> event.phase() == ExecPhase.STDOUT)
        .extracting(event -> event.tags().get("pipeline_stage_index")).containsExactly(1);
    assertThat(events).filteredOn(event -> event.phase() == ExecPhase.STDERR)
        .extracting(ExecEvent::line).containsExactlyInAnyOrder("e0", "e1");
    assertThat(events).filteredOn(event -> event.phase() == ExecPhase.EXIT)
        .allSatisfy(event -> assertThat(event.tags()).containsEntry("pipeline_stages", 2));
    assertThat(events.stream().map(ExecEvent::execId).distinct()).hasSize(2);
  }

  @Test
  void timeoutAndCancellationGiveEachStageAnExit() {
    List<ExecEvent> exits = new CopyOnWriteArrayList<>();
    try (Registration observe = Cuprum.observe(event -> {
      if (event.phase() == ExecPhase.EXIT) {
        exits.add(event);
      }
    })) {
      assertThatThrownBy(() -> executor.run(sh("sleep 30").pipe(cmd(CAT)),
          RunOptions.builder().timeout(Duration.ofMillis(200)).context(SHORT_GRACE).build()))
          .isInstanceOf(TimeoutExpiredException.class);
    }
    assertThat(exits).hasSize(2).allSatisfy(exit -> assertThat(exit.tags()).containsEntry("termination", "timeout"));
  }

  @Test
  void echoTeesFinalStdoutAndEveryStderr() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PipelineResult result = executor.run(sh("printf echoed; printf a >&2").pipe(sh("cat; sleep 0.1; printf b >&2")),
        RunOptions.builder().echo(true).context(ExecutionContext.builder().stdoutSink(out).stderrSink(err).build()).build());
    assertThat(result.stdout()).isEqualTo("echoed");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("echoed");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("ab");
  }

  @Test
  void withoutCaptureNoStageHasOutput() {
    PipelineResult result = executor.run(sh("echo x; echo y >&2").pipe(cmd(CAT)), RunOptions.builder().capture(false).build());
    assertThat(result.stages()).allSatisfy(stage -> {
      assertThat(stage.stdout()).isNull();
      assertThat(stage.stderr()).isNull();
    });
  }

  @Test
  void contextEnvAndCwdApplyToEveryStage(@TempDir Path dir) throws Exception {
    try (Registration env = Cuprum.env(Map.of("SCOPED", "s"))) {
      PipelineResult result = executor.run(sh("printf \"$SCOPED$CALL $(pwd)|\"").pipe(sh("cat; printf \"$SCOPED$CALL $(pwd)\"")),
          RunOptions.builder().context(ExecutionContext.builder().cwd(dir).env(Map.of("CALL", "c")).build()).build());
      String real = dir.toRealPath().toString();
      assertThat(result.stdout()).isEqualTo("sc " + real + "|sc " + real);
    }
  }

  @Test
  void runsAsynchronously() throws Exception {
    assertThat(executor.runAsync(Sh.make(Programs.ECHO).args("-n", "async").pipe(cmd(CAT)), RunOptions.defaults())
        .get().stdout()).isEqualTo("async");
  }
}
