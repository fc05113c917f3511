package dev.cuprum.events;

import static dev.cuprum.testing.TestPrograms.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.cuprum.CommandCancelledException;
import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutionContext;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.Programs;
import dev.cuprum.ProjectSettings;
import dev.cuprum.RunOptions;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import dev.cuprum.StdinInput;
import dev.cuprum.TimeoutExpiredException;
import dev.cuprum.context.Cuprum;
import dev.cuprum.context.Registration;
import dev.cuprum.testing.Processes;
import dev.cuprum.testing.TestPrograms;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExecEventsTest {

  private static final ExecutionContext SHORT_GRACE = ExecutionContext.builder().cancelGrace(Duration.ofMillis(100)).build();

  private final CommandExecutor executor = TestPrograms.executor();
  private final RecordingHook hook = new RecordingHook();

  @Test
  void successfulRunHasPlanStartLinesAndExit() {
    CommandResult result;
    try (Registration observe = Cuprum.observe(hook)) {
      result = executor.run(sh("printf 'out1\\nout2'; echo err1 >&2"));
    }
    assertThat(hook.phases().get(0)).isEqualTo(ExecPhase.PLAN);
    assertThat(hook.phases().get(1)).isEqualTo(ExecPhase.START);
    assertThat(hook.last().phase()).isEqualTo(ExecPhase.EXIT);
    assertThat(hook.lines(ExecPhase.STDOUT)).containsExactly("out1", "out2");
    assertThat(hook.lines(ExecPhase.STDERR)).containsExactly("err1");

    ExecEvent plan = hook.events.get(0);
    assertThat(plan.pid()).isNull();
    assertThat(plan.argv()).containsExactly("sh", "-c", "printf 'out1\\nout2'; echo err1 >&2", "sh");
    assertThat(plan.program()).isEqualTo(TestPrograms.SH);
    ExecEvent exit = hook.last();
    assertThat(exit.pid()).isEqualTo(result.pid());
    assertThat(exit.exitCode()).isZero();
    assertThat(exit.duration()).isEqualTo(result.duration());
    assertThat(hook.events).extracting(ExecEvent::execId).containsOnly(plan.execId());
    assertThat(hook.events.subList(1, hook.events.size())).extracting(ExecEvent::pid).containsOnly(result.pid());
  }

  @Test
  void everyExecutionHasItsOwnId() {
    try (Registration observe = Cuprum.observe(hook)) {
      executor.run(sh("true"));
      executor.run(sh("true"));
    }
    assertThat(hook.events.stream().map(ExecEvent::execId).distinct()).hasSize(2);
  }

  @Test
  void theCallersTagsJoinTheTagsCuprumSets() {
    ExecutionContext tagged = ExecutionContext.builder().tags(Map.of("run_id", "bdd")).build();
    try (Registration observe = Cuprum.observe(hook)) {
      executor.run(sh("true"), RunOptions.builder().echo(false).context(tagged).build());
      executor.run(Sh.make(Programs.ECHO).args("x"), RunOptions.builder().capture(false).build());
    }
    assertThat(hook.events.get(0).tags())
        .containsExactlyInAnyOrderEntriesOf(Map.of("project", "test-tools", "capture", true, "echo", false, "run_id", "bdd"));
    assertThat(hook.last().tags()).containsExactlyInAnyOrderEntriesOf(Map.of("project", "core-ops", "capture", false, "echo", false));
    assertThat(hook.last().project()).isEqualTo("core-ops");
  }

  @Test
  void theExecutorsCatalogueDecidesTheProjectOfACommandBuiltAgainstAnother() {
    ProgramCatalogue elsewhere = ProgramCatalogue.of(ProjectSettings.builder("elsewhere").programs(TestPrograms.CAT)
        .build());
    SafeCmd built = Sh.make(TestPrograms.CAT, elsewhere).args(Sh.secret("kept-secret"));
    List<String> hooksSaw = new CopyOnWriteArrayList<>();
    try (Registration observe = Cuprum.observe(hook);
        Registration before = Cuprum.before(cmd -> hooksSaw.add(cmd.project().name() + " " + cmd.isSecret(0)));
        Registration after = Cuprum.after((cmd, result) -> hooksSaw.add(cmd.project().name() + " " + cmd))) {
      executor.run(built);
    }
    assertThat(built.project().name()).isEqualTo("elsewhere");
    assertThat(hooksSaw).containsExactly(TestPrograms.PROJECT + " true",
        TestPrograms.PROJECT + " SafeCmd[program=cat, argv=[******], project=" + TestPrograms.PROJECT + "]");
    assertThat(hook.events).extracting(ExecEvent::project).containsOnly(TestPrograms.PROJECT);
    assertThat(hook.events.get(0).argv()).containsExactly("cat", "******");
  }

  @Test
  void noLineEventsWithoutCaptureOrEcho() {
    try (Registration observe = Cuprum.observe(hook)) {
      executor.run(sh("echo hidden"), RunOptions.builder().capture(false).build());
    }
    assertThat(hook.phases()).containsExactly(ExecPhase.PLAN, ExecPhase.START, ExecPhase.EXIT);
  }

  @Test
  void failingRunStillEndsWithOneExit() {
    try (Registration observe = Cuprum.observe(hook)) {
      executor.run(sh("exit 4"));
    }
    assertThat(hook.phases()).containsExactly(ExecPhase.PLAN, ExecPhase.START, ExecPhase.EXIT);
    assertThat(hook.last().exitCode()).isEqualTo(4);
    assertThat(hook.last().tags()).doesNotContainKey("termination");
  }

  @Test
  void timeoutGetsAnExitSayingSo() {
    try (Registration observe = Cuprum.observe(hook)) {
      assertThatThrownBy(() -> executor.run(sh("sleep 30"),
          RunOptions.builder().timeout(Duration.ofMillis(100)).context(SHORT_GRACE).build()))
          .isInstanceOf(TimeoutExpiredException.class);
    }
    assertThat(hook.phases()).containsExactly(ExecPhase.PLAN, ExecPhase.START, ExecPhase.EXIT);
    assertThat(hook.last().tags()).containsEntry("termination", "timeout");
    assertThat(hook.last().exitCode()).isEqualTo(143);
  }

  @Test
  void cancellationGetsAnExitSayingSo() {
    String marker = Processes.marker();
    CompletableFuture<CommandResult> future;
    try (Registration observe = Cuprum.observe(hook)) {
      future = executor.runAsync(sh("sleep 30; : " + marker), RunOptions.builder().context(SHORT_GRACE).build());
    }
    await().atMost(Duration.ofSeconds(5)).until(() -> hook.phases().contains(ExecPhase.START));
    future.cancel(true);
    await().atMost(Duration.ofSeconds(5)).until(() -> hook.phases().contains(ExecPhase.EXIT));
    assertThat(hook.phases()).containsExactly(ExecPhase.PLAN, ExecPhase.START, ExecPhase.EXIT);
    assertThat(hook.last().tags()).containsEntry("termination", "cancelled");
    Processes.awaitNoneRunningWith(marker);
  }

  @Test
  void stdinEventCountsTheBytesWritten() {
    try (Registration observe = Cuprum.observe(hook)) {
      executor.run(TestPrograms.cmd(TestPrograms.CAT), RunOptions.builder().stdin(StdinInput.text("héllo\n")).build());
    }
    assertThat(hook.events).filteredOn(event -> event.phase() == ExecPhase.STDIN).singleElement()
        .satisfies(event -> assertThat(event.byteCount()).isEqualTo(7L));
    assertThat(hook.last().phase()).isEqualTo(ExecPhase.EXIT);
  }

  @Test
  void earlyStdinCloseIsAnEventNotAFailure() {
    byte[] large = new byte[8 * 1024 * 1024];
    CommandResult result;
    try (Registration observe = Cuprum.observe(hook)) {
      result = executor.run(sh("head -c 10 >/dev/null; echo done"), RunOptions.builder().stdin(StdinInput.bytes(large)).build());
    }
    assertThat(result.ok()).isTrue();
    assertThat(result.stdout()).isEqualTo("done\n");
    assertThat(hook.events).filteredOn(event -> event.phase() == ExecPhase.STDIN_ERROR).singleElement()
        .satisfies(event -> {
          assertThat(event.operation()).isEqualTo("write");
          assertThat(event.errorType()).isEqualTo("IOException");
          assertThat(event.note()).startsWith("IOException: ");
          assertThat(event.pid()).isEqualTo(result.pid());
        });
  }

  @Test
  void secretsAndSensitiveEnvValuesAreMasked(@org.junit.jupiter.api.io.TempDir Path dir) {
    ExecutionContext context = ExecutionContext.builder().cwd(dir)
        .env(Map.of("API_TOKEN", "tok-123", "DB_Password", "pw-456", "MODE", "fast")).build();
    try (Registration env = Cuprum.env(Map.of("SECRET_KEY", "key-789")); Registration observe = Cuprum.observe(hook)) {
      executor.run(Sh.make(Programs.ECHO).args("-n", Sh.secret("hunter2")), RunOptions.builder().context(context).build());
    }
    for (ExecEvent event : hook.events) {
      assertThat(event.argv()).containsExactly("echo", "-n", "******");
      assertThat(event.env()).containsExactlyInAnyOrderEntriesOf(
          Map.of("API_TOKEN", "******", "DB_Password", "******", "SECRET_KEY", "******", "MODE", "fast"));
      assertThat(event.cwd()).isEqualTo(dir);
      assertThat(event.toString()).doesNotContain("hunter2", "tok-123", "pw-456", "key-789");
    }
    assertThat(hook.lines(ExecPhase.STDOUT)).containsExactly("******");
  }

  @Test
  void secretValuesPrintedByTheProcessAreMaskedInLineEventsButNotInTheResult() {
    CommandResult result;
    try (Registration observe = Cuprum.observe(hook)) {
      result = executor.run(sh("echo \"user=$1 token=$API_TOKEN ab\"", Sh.secret("s3cr3t-value"), Sh.secret("ab")),
          RunOptions.builder().context(ExecutionContext.builder().env(Map.of("API_TOKEN", "tok-123")).build()).build());
    }
    assertThat(hook.lines(ExecPhase.STDOUT)).containsExactly("user=****** token=****** ab");
    assertThat(result.stdout()).isEqualTo("user=s3cr3t-value token=tok-123 ab\n");
  }

  @Test
  void aThrowingObserveHookFailsTheCommandAfterEndingIt() {
    String marker = Processes.marker();
    RuntimeException boom = new IllegalStateException("hook broke");
    AtomicInteger laterHookEvents = new AtomicInteger();
    try (Registration failing = Cuprum.observe(event -> {
          if (event.phase() == ExecPhase.STDOUT) {
            throw boom;
          }
        });
        Registration later = Cuprum.observe(event -> laterHookEvents.incrementAndGet());
        Registration observe = Cuprum.observe(hook)) {
      assertThatThrownBy(() -> executor.run(sh("echo first; sleep 30; : " + marker),
          RunOptions.builder().context(SHORT_GRACE).build())).isSameAs(boom);
    }
    assertThat(Processes.runningWith(marker)).isEmpty();
    assertThat(hook.phases()).containsExactly(ExecPhase.PLAN, ExecPhase.START, ExecPhase.STDOUT, ExecPhase.EXIT);
    assertThat(hook.last().tags()).containsEntry("termination", "cancelled");
    assertThat(hook.last().note()).contains("hook broke");
    assertThat(laterHookEvents.get()).isEqualTo(4);
  }

  @Test
  void aThrowingPlanHookStartsNothing() {
    String marker = Processes.marker();
    try (Registration failing = Cuprum.observe(event -> {
      throw new IllegalStateException("no");
    })) {
      assertThatThrownBy(() -> executor.run(sh("sleep 5; : " + marker))).hasMessage("no");
    }
    assertThat(Processes.runningWith(marker)).isEmpty();
  }

  @Test
  void noEventsWithoutHooks() {
    CommandExecutor bare = TestPrograms.executor();
    assertThat(bare.run(sh("echo x")).stdout()).isEqualTo("x\n");
    assertThat(hook.events).isEmpty();
  }

  @Test
  void eventsOfOneExecutionNeverOverlap() {
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    try (Registration observe = Cuprum.observe(event -> {
      if (inside.incrementAndGet() > 1) {
        overlaps.incrementAndGet();
      }
      Thread.onSpinWait();
      inside.decrementAndGet();
    })) {
      executor.run(sh("i=0; while [ $i -lt 2000 ]; do echo out; echo err >&2; i=$((i+1)); done"));
    }
    assertThat(overlaps.get()).isZero();
  }
}
