package dev.cuprum.concurrent;

import static dev.cuprum.concurrent.Batches.GATED_BATCH_LIMIT;
import static dev.cuprum.concurrent.Batches.config;
import static dev.cuprum.concurrent.Batches.exit;
import static dev.cuprum.testing.TestPrograms.cmd;
import static dev.cuprum.testing.TestPrograms.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutionContext;
import dev.cuprum.ForbiddenProgramException;
import dev.cuprum.InvalidArgumentException;
import dev.cuprum.ProcessStartException;
import dev.cuprum.Programs;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import dev.cuprum.TimeoutExpiredException;
import dev.cuprum.concurrent.Batches.Gate;
import dev.cuprum.context.Cuprum;
import dev.cuprum.context.CuprumContext;
import dev.cuprum.context.Registration;
import dev.cuprum.context.ScopeConfig;
import dev.cuprum.events.ExecPhase;
import dev.cuprum.testing.TestPrograms;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchRunTest {

  private final CommandExecutor executor = Batches.executor();

  @Test
  void resultsComeInSubmissionOrderWhateverTheCompletionOrder() {
    List<Integer> finishOrder = new CopyOnWriteArrayList<>();
    BatchListener listener = new BatchListener() {
      @Override
      public void finished(int submissionIndex, CommandResult result) {
        finishOrder.add(submissionIndex);
      }
    };
    List<SafeCmd> commands = List.of(
        sh("sleep 0.9; printf a"), sh("sleep 0.3; printf b"), sh("printf c"), sh("sleep 0.6; printf d"));

    ConcurrentResult result = executor.runConcurrent(commands, config().listener(listener).build());

    assertThat(finishOrder).as("completion order").containsExactly(2, 1, 3, 0);
    assertThat(result.results()).extracting(CommandResult::stdout).containsExactly("a", "b", "c", "d");
    assertThat(result.results()).extracting(CommandResult::argv)
        .containsExactlyElementsOf(commands.stream().map(SafeCmd::argv).toList());
    assertThat(result.submissionIndices()).containsExactly(0, 1, 2, 3);
    assertThat(result.failures()).isEmpty();
    assertThat(result.ok()).isTrue();
    assertThat(result.firstFailure()).isNull();
  }

  @Test
  void collectAllKeepsEveryResultAndListsTheFailures() {
    ConcurrentResult result = executor.runConcurrent(
        List.of(exit(0), exit(1), exit(0), exit(2)), ConcurrentConfig.defaults());
    assertThat(result.results()).extracting(CommandResult::exitCode).containsExactly(0, 1, 0, 2);
    assertThat(result.failures()).containsExactly(1, 3);
    assertThat(result.failureSubmissionIndices()).containsExactly(1, 3);
    assertThat(result.submissionIndices()).containsExactly(0, 1, 2, 3);
    assertThat(result.firstFailure()).isSameAs(result.results().get(1));
    assertThat(result.ok()).isFalse();
  }

  @Test
  void asyncAndSynchronousRunsAgree() {
    List<SafeCmd> commands = List.of(sh("printf one"), exit(3), sh("printf three"));
    ConcurrentResult sync = executor.runConcurrent(commands, ConcurrentConfig.defaults());
    ConcurrentResult async = executor.runConcurrentAsync(commands, ConcurrentConfig.defaults()).join();
    for (ConcurrentResult result : List.of(sync, async)) {
      assertThat(result.results()).extracting(CommandResult::stdout).containsExactly("one", "", "three");
      assertThat(result.failures()).containsExactly(1);
      assertThat(result.submissionIndices()).containsExactly(0, 1, 2);
    }
  }

  @Test
  void argumentsAreValidated() {
    assertThatThrownBy(() -> executor.runConcurrent(List.of(), ConcurrentConfig.defaults()))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage("At least one command must be provided");
    assertThatThrownBy(() -> executor.runConcurrentAsync(List.of(), ConcurrentConfig.defaults()))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage("At least one command must be provided");
    assertThatThrownBy(() -> executor.runConcurrent(null, ConcurrentConfig.defaults()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> executor.runConcurrent(List.of(exit(0)), null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void oneForbiddenCommandStopsTheBatchBeforeAnythingRuns(@TempDir Path dir) {
    AtomicInteger before = new AtomicInteger();
    List<SafeCmd> commands = List.of(
        sh("touch \"$1\"", dir.resolve("first").toString()),
        cmd(TestPrograms.CAT, "/dev/null"),
        sh("touch \"$1\"", dir.resolve("third").toString()));
    try (Registration hook = Cuprum.before(cmd -> before.incrementAndGet());
        Registration scope = Cuprum.scoped(ScopeConfig.builder().allowlist(TestPrograms.SH).build())) {
      ForbiddenProgramException forbidden = catchThrowableOfType(ForbiddenProgramException.class,
          () -> executor.runConcurrentAsync(commands, config().build()));
      assertThat(forbidden.program()).isEqualTo(TestPrograms.CAT);
      assertThat(forbidden.restrictedState()).isTrue();
      assertThatThrownBy(() -> executor.runConcurrent(commands, config().build()))
          .isInstanceOf(ForbiddenProgramException.class);
    }
    assertThat(before.get()).isZero();
    assertThat(dir.resolve("first")).doesNotExist();
    assertThat(dir.resolve("third")).doesNotExist();
  }

  @Test
  void theExecutorsEnforcedAllowlistIsCheckedBeforeAnythingRuns(@TempDir Path dir) {
    CommandExecutor enforcing = CommandExecutor.builder().enforceAllowlist(true).build();
    SafeCmd outsideCatalogue = TestPrograms.sh("touch \"$1\"", dir.resolve("ran").toString());
    assertThatThrownBy(() -> enforcing.runConcurrent(List.of(Sh.make(Programs.ECHO).args("hi"), outsideCatalogue),
        ConcurrentConfig.defaults()))
        .isInstanceOf(ForbiddenProgramException.class);
    assertThat(dir.resolve("ran")).doesNotExist();
  }

  @Test
  void captureAndEchoApplyToEveryCommand() {
    ConcurrentResult uncaptured = executor.runConcurrent(List.of(sh("echo out; echo err >&2"), exit(4)),
        config().capture(false).build());
    assertThat(uncaptured.results()).extracting(CommandResult::stdout).containsOnlyNulls();
    assertThat(uncaptured.results()).extracting(CommandResult::stderr).containsOnlyNulls();
    assertThat(uncaptured.failures()).containsExactly(1);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ExecutionContext sinks = ExecutionContext.builder().stdoutSink(out).stderrSink(err).build();
    ConcurrentResult echoed = executor.runConcurrent(List.of(sh("echo one"), sh("echo two >&2"), sh("echo three")),
        ConcurrentConfig.builder().echo(true).context(sinks).build());
    assertThat(echoed.results()).extracting(CommandResult::stdout).containsExactly("one\n", "", "three\n");
    assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactlyInAnyOrder("one", "three");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("two\n");
  }

  @Test
  void theSharedContextAppliesToEveryCommand(@TempDir Path dir) throws Exception {
    ExecutionContext context = ExecutionContext.builder().cwd(dir).env(Map.of("BATCH_VALUE", "shared"))
        .tags(Map.of("job", "nightly")).build();
    List<Object> tags = new CopyOnWriteArrayList<>();
    try (Registration hook = Cuprum.observe(event -> {
      if (event.phase() == ExecPhase.START) {
        tags.add(event.tags().get("job"));
      }
    })) {
      ConcurrentResult result = executor.runConcurrent(List.of(sh("pwd"), sh("printf %s \"$BATCH_VALUE\"")),
          ConcurrentConfig.builder().context(context).build());
      assertThat(result.results().get(0).stdout()).isEqualTo(dir.toRealPath() + "\n");
      assertThat(result.results().get(1).stdout()).isEqualTo("shared");
    }
    assertThat(tags).containsExactly("nightly", "nightly");
  }

  @Test
  void hooksFirePerCommandFromWorkerThreads() {
    List<String> beforeThreads = new CopyOnWriteArrayList<>();
    List<CommandResult> afterResults = new CopyOnWriteArrayList<>();
    Map<ExecPhase, AtomicInteger> phases = new ConcurrentHashMap<>();
    List<SafeCmd> commands = List.of(sh("printf 1"), sh("printf 2"), exit(3));
    ConcurrentResult result;
    try (Registration before = Cuprum.before(cmd -> beforeThreads.add(Thread.currentThread().getName()));
        Registration after = Cuprum.after((cmd, r) -> afterResults.add(r));
        Registration observe = Cuprum.observe(
            event -> phases.computeIfAbsent(event.phase(), phase -> new AtomicInteger()).incrementAndGet())) {
      result = executor.runConcurrent(commands, ConcurrentConfig.defaults());
    }
    assertThat(beforeThreads).hasSize(3).allSatisfy(name -> assertThat(name).startsWith("cuprum-exec-"));
    assertThat(afterResults).containsExactlyInAnyOrderElementsOf(result.results());
    assertThat(phases.get(ExecPhase.PLAN)).hasValue(3);
    assertThat(phases.get(ExecPhase.START)).hasValue(3);
    assertThat(phases.get(ExecPhase.EXIT)).hasValue(3);
    assertThat(phases.get(ExecPhase.STDOUT)).hasValue(2);
  }

  @Test
  void theCallersContextIsCarriedIntoTheExecutorsThreads(@TempDir Path dir) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2, task -> new Thread(task, "custom-worker"));
    try {
      CommandExecutor custom = Batches.executor(pool);
      List<String> hookThreads = new CopyOnWriteArrayList<>();
      List<Boolean> restrictedInHook = new CopyOnWriteArrayList<>();
      try (Registration scope = Cuprum.scoped(ScopeConfig.builder().allowlist(TestPrograms.SH)
          .envOverlay(Map.of("SCOPED_VALUE", "from-scope")).build());
          Registration hook = Cuprum.before(cmd -> {
            hookThreads.add(Thread.currentThread().getName());
            restrictedInHook.add(CuprumContext.current().restricted());
          })) {
        ConcurrentResult result = custom.runConcurrent(List.of(sh("printf %s \"$SCOPED_VALUE\""),
            sh("printf %s \"$SCOPED_VALUE\"")), ConcurrentConfig.defaults());
        assertThat(result.results()).extracting(CommandResult::stdout).containsExactly("from-scope", "from-scope");
      }
      assertThat(hookThreads).hasSize(2).containsOnly("custom-worker");
      assertThat(restrictedInHook).containsOnly(true);

      // The workers' threads are back in the root context once the batch is done.
      assertThat(pool.submit(() -> CuprumContext.current().restricted()).get()).isFalse();
      assertThat(pool.submit(() -> CuprumContext.current().beforeHooks().size()).get()).isZero();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void exceptionsInCollectAllModeLoseNothing() {
    AtomicInteger started = new AtomicInteger();
    SafeCmd missing = TestPrograms.cmd(TestPrograms.MISSING);
    SafeCmd refusedByHook = sh("printf refused");
    List<SafeCmd> commands = List.of(sh("printf first"), sh("sleep 30"), missing, exit(5), refusedByHook,
        sh("printf last"));
    ExecutionContext shortTimeout = Batches.SHORT_GRACE.toBuilder().timeout(Duration.ofMillis(300)).build();
    List<Integer> failedIndices = new CopyOnWriteArrayList<>();
    BatchListener listener = new BatchListener() {
      @Override
      public void started(int submissionIndex, SafeCmd cmd) {
        started.incrementAndGet();
      }

      @Override
      public void failed(int submissionIndex, Throwable error) {
        failedIndices.add(submissionIndex);
      }
    };
    ConcurrentExecutionException failure;
    try (Registration hook = Cuprum.before(cmd -> {
      if (cmd.equals(refusedByHook)) {
        throw new IllegalStateException("refused by a hook");
      }
    })) {
      failure = catchThrowableOfType(ConcurrentExecutionException.class, () -> executor.runConcurrent(commands,
          ConcurrentConfig.builder().context(shortTimeout).concurrency(2).listener(listener).build()));
    }

    assertThat(started.get()).isEqualTo(6);
    assertThat(failure.errors().keySet()).containsExactly(1, 2, 4);
    assertThat(failure.errors().get(1)).isInstanceOf(TimeoutExpiredException.class);
    assertThat(((TimeoutExpiredException) failure.errors().get(1)).timeout()).isEqualTo(Duration.ofMillis(300));
    assertThat(failure.errors().get(2)).isInstanceOf(ProcessStartException.class);
    assertThat(failure.errors().get(4)).isInstanceOf(IllegalStateException.class).hasMessage("refused by a hook");
    assertThat(failure.getCause()).isSameAs(failure.errors().get(1));
    assertThat(failure.getSuppressed()).containsExactly(failure.errors().get(2), failure.errors().get(4));
    assertThat(failedIndices).containsExactlyInAnyOrder(1, 2, 4);

    ConcurrentResult partial = failure.partialResult();
    assertThat(partial.submissionIndices()).containsExactly(0, 3, 5);
    assertThat(partial.results()).extracting(CommandResult::exitCode).containsExactly(0, 5, 0);
    assertThat(partial.results().get(0).stdout()).isEqualTo("first");
    assertThat(partial.results().get(2).stdout()).isEqualTo("last");
    assertThat(partial.failures()).containsExactly(1);
    assertThat(partial.failureSubmissionIndices()).containsExactly(3);
  }

  @Test
  void aScopedTimeoutAppliesToEachCommand() {
    ConcurrentExecutionException failure;
    try (Registration scope = Cuprum.scoped(ScopeConfig.builder().timeout(Duration.ofMillis(250)).build())) {
      failure = catchThrowableOfType(ConcurrentExecutionException.class,
          () -> executor.runConcurrent(List.of(sh("sleep 30"), sh("sleep 30"), exit(0)), config().build()));
    }
    assertThat(failure.errors()).hasSize(2).allSatisfy((index, error) -> assertThat(error)
        .isInstanceOfSatisfying(TimeoutExpiredException.class,
            timeout -> assertThat(timeout.timeout()).isEqualTo(Duration.ofMillis(250))));
    assertThat(failure.partialResult().submissionIndices()).containsExactly(2);
    assertThat(failure).hasMessageContaining("2 of 3 commands");
  }

  @Test
  void listenersHearEveryStartAndEndFromWorkerThreads() {
    List<String> calls = Collections.synchronizedList(new ArrayList<>());
    List<String> threads = new CopyOnWriteArrayList<>();
    BatchListener listener = new BatchListener() {
      @Override
      public void started(int submissionIndex, SafeCmd cmd) {
        threads.add(Thread.currentThread().getName());
        calls.add("started " + submissionIndex + " " + cmd.argv().get(1));
      }

      @Override
      public void finished(int submissionIndex, CommandResult result) {
        calls.add("finished " + submissionIndex + " " + result.exitCode());
      }
    };
    executor.runConcurrent(List.of(exit(0), exit(6), exit(0)), ConcurrentConfig.builder().listener(listener).build());
    assertThat(calls).containsExactlyInAnyOrder("started 0 exit 0", "started 1 exit 6", "started 2 exit 0",
        "finished 0 0", "finished 1 6", "finished 2 0");
    assertThat(threads).hasSize(3).allSatisfy(name -> assertThat(name).isNotEqualTo(Thread.currentThread().getName()));
    for (int i = 0; i < 3; i++) {
      assertThat(calls.indexOf("started " + i + " exit " + (i == 1 ? 6 : 0)))
          .isLessThan(calls.indexOf("finished " + i + " " + (i == 1 ? 6 : 0)));
    }
  }

  @Test
  void aThrowingListenerIsIgnored() {
    AtomicInteger calls = new AtomicInteger();
    BatchListener throwing = new BatchListener() {
      @Override
      public void started(int submissionIndex, SafeCmd cmd) {
        calls.incrementAndGet();
        throw new IllegalStateException("listener broke on start");
      }

      @Override
      public void finished(int submissionIndex, CommandResult result) {
        calls.incrementAndGet();
        throw new AssertionError("listener broke on finish");
      }
    };
    ConcurrentResult result = executor.runConcurrent(List.of(sh("printf a"), exit(2), sh("printf c")),
        ConcurrentConfig.builder().listener(throwing).build());
    assertThat(calls.get()).isEqualTo(6);
    assertThat(result.results()).extracting(CommandResult::exitCode).containsExactly(0, 2, 0);
    assertThat(result.failures()).containsExactly(1);
  }

  @Test
  void aThrowingListenerIsIgnoredWhenACommandFails() {
    BatchListener throwing = new BatchListener() {
      @Override
      public void failed(int submissionIndex, Throwable error) {
        throw new IllegalStateException("listener broke on failure");
      }
    };
    SafeCmd missing = TestPrograms.cmd(TestPrograms.MISSING);
    ConcurrentExecutionException failure = catchThrowableOfType(ConcurrentExecutionException.class,
        () -> executor.runConcurrent(List.of(exit(0), missing), ConcurrentConfig.builder().listener(throwing).build()));
    assertThat(failure.errors().keySet()).containsExactly(1);
    assertThat(failure.partialResult().submissionIndices()).containsExactly(0);
  }

  @Test
  void manyCommandsKeepTheirSlots() {
    List<SafeCmd> commands = IntStream.range(0, 40).mapToObj(i -> i % 5 == 0 ? exit(i % 3 + 1)
        : cmd(TestPrograms.PRINTF, "%s", i)).toList();
    ConcurrentResult result = executor.runConcurrent(commands, config().concurrency(6).build());
    for (int i = 0; i < commands.size(); i++) {
      CommandResult each = result.results().get(i);
      if (i % 5 == 0) {
        assertThat(each.exitCode()).isEqualTo(i % 3 + 1);
      } else {
        assertThat(each.stdout()).isEqualTo(Integer.toString(i));
      }
    }
    assertThat(result.failures()).containsExactly(0, 5, 10, 15, 20, 25, 30, 35);
  }

  @Test
  void aSlowCommandDoesNotHoldBackTheOthersBehindTheLimit(@TempDir Path dir) {
    // The slow command ends only once the five others have: the batch finishes only if they ran
    // beside it through the one free slot.
    Gate othersFinished = new Gate(dir);
    List<Integer> finishOrder = new CopyOnWriteArrayList<>();
    BatchListener listener = new BatchListener() {
      @Override
      public void finished(int submissionIndex, CommandResult result) {
        finishOrder.add(submissionIndex);
        if (finishOrder.size() == 5) {
          othersFinished.open();
        }
      }
    };
    ConcurrentResult result = executor.runConcurrent(
        List.of(othersFinished.waiter(), exit(0), exit(0), exit(0), exit(0), exit(0)),
        config().concurrency(2).listener(listener).timeout(GATED_BATCH_LIMIT).build());
    assertThat(result.ok()).isTrue();
    assertThat(finishOrder).hasSize(6).endsWith(0);
  }
}
