package dev.cuprum.reliability;

import static dev.cuprum.testing.TestPrograms.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cuprum.CommandCancelledException;
import dev.cuprum.CommandExecutor;
import dev.cuprum.ExecutionContext;
import dev.cuprum.RunOptions;
import dev.cuprum.StdinInput;
import dev.cuprum.concurrent.ConcurrentConfig;
import dev.cuprum.context.Cuprum;
import dev.cuprum.context.Registration;
import dev.cuprum.events.ExecPhase;
import dev.cuprum.testing.Processes;
import dev.cuprum.testing.TestPrograms;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Failing hooks, refusing executors and interrupts leave no process and no busy thread behind. */
class HookFailuresTest {

  private static final RunOptions OPTIONS = RunOptions.builder()
      .stdin(StdinInput.text("input\n"))
      .context(ExecutionContext.builder().cancelGrace(Duration.ofMillis(100)).build())
      .build();

  private final CommandExecutor executor = TestPrograms.executor();
  private final String marker = Processes.marker();

  @AfterEach
  void nothingLeftBehind() {
    Processes.awaitNoneRunningWith(marker);
    Processes.awaitIoThreadsIdle();
    assertThat(executor.runningCommands()).isEmpty();
    assertThat(Thread.interrupted()).as("the test thread's interrupt flag").isFalse();
  }

  private String script() {
    return "cat; echo out; echo err >&2; sleep 0.2; : " + marker;
  }

  @ParameterizedTest
  @EnumSource(value = ExecPhase.class, names = {"PLAN", "START", "STDOUT", "STDERR", "STDIN", "EXIT"})
  void anObserveHookThrowingInAnyPhaseFailsTheRunWithItsException(ExecPhase failing) {
    IllegalStateException boom = new IllegalStateException("hook failed in " + failing);
    try (Registration hook = Cuprum.observe(event -> {
      if (event.phase() == failing) {
        throw boom;
      }
    })) {
      assertThat(catchThrowable(() -> executor.run(sh(script()), OPTIONS))).isSameAs(boom);
    }
  }

  @Test
  void throwingBeforeAndAfterHooksFailTheRun() {
    try (Registration hook = Cuprum.before(cmd -> {
      throw new IllegalStateException("before");
    })) {
      assertThatThrownBy(() -> executor.run(sh(script()), OPTIONS)).hasMessage("before");
    }
    try (Registration hook = Cuprum.after((cmd, result) -> {
      throw new IllegalStateException("after");
    })) {
      assertThatThrownBy(() -> executor.run(sh(script()), OPTIONS)).hasMessage("after");
    }
  }

  @ParameterizedTest
  @EnumSource(value = ExecPhase.class, names = {"PLAN", "START", "EXIT"})
  void anInterruptAtAnyStageOfASynchronousRunEndsItCleanly(ExecPhase stage) {
    Throwable thrown;
    try (Registration hook = Cuprum.observe(event -> {
      if (event.phase() == stage) {
        Thread.currentThread().interrupt();
      }
    })) {
      thrown = catchThrowable(() -> executor.run(sh(script()), OPTIONS));
    }
    assertThat(Thread.interrupted()).isTrue();
    if (stage == ExecPhase.EXIT) {
      assertThat(thrown).isNull();
    } else {
      assertThat(thrown).isInstanceOf(CommandCancelledException.class);
    }
  }

  @Test
  void anInterruptFromABeforeHookStartsNothing() {
    try (Registration hook = Cuprum.before(cmd -> Thread.currentThread().interrupt())) {
      assertThatThrownBy(() -> executor.run(sh(script()), OPTIONS)).isInstanceOf(CommandCancelledException.class);
    }
    assertThat(Thread.interrupted()).isTrue();
  }

  @Test
  void anExecutorThatRefusesWorkFailsTheCallWithoutStartingAnything() {
    CommandExecutor refusing = CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE)
        .taskExecutor(task -> {
          throw new RejectedExecutionException("full");
        })
        .build();
    assertThatThrownBy(() -> refusing.runAsync(sh(script()), OPTIONS).join())
        .hasCauseInstanceOf(RejectedExecutionException.class);
    assertThatThrownBy(() -> refusing.runConcurrent(List.of(sh(script()), sh(script())), ConcurrentConfig.defaults()))
        .isInstanceOf(RejectedExecutionException.class);
  }
}
