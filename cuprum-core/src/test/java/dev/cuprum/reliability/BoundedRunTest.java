package dev.cuprum.reliability;

import static dev.cuprum.testing.TestPrograms.CAT;
import static dev.cuprum.testing.TestPrograms.cmd;
import static dev.cuprum.testing.TestPrograms.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutionContext;
import dev.cuprum.Pipeline;
import dev.cuprum.PipelineResult;
import dev.cuprum.RunOptions;
import dev.cuprum.StdinInput;
import dev.cuprum.TimeoutExpiredException;
import dev.cuprum.context.ExecHook;
import dev.cuprum.events.ExecEvent;
import dev.cuprum.events.ExecPhase;
import dev.cuprum.testing.TestPrograms;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A run returns within its timeout, cancel grace and drain timeout, plus a small margin, whatever
 * its descendants, its stdin and its observe hooks do. The programs here would hold a run for a
 * minute; each test allows a fraction of that.
 */
class BoundedRunTest {

  /** Far below the minute the misbehaving programs last, far above the bound they are held to. */
  private static final Duration BOUND = Duration.ofSeconds(20);
  private static final ExecutionContext QUICK = ExecutionContext.builder()
      .cancelGrace(Duration.ofMillis(300)).drainTimeout(Duration.ofMillis(500)).build();
  private static final byte[] FOUR_MIB = new byte[4 * 1024 * 1024];

  private final CommandExecutor executor = TestPrograms.executor();
  private final List<Long> leftBehind = new ArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeEach
  void captureLogs() {
    logs.start();
    ((Logger) LoggerFactory.getLogger("cuprum")).addAppender(logs);
  }

  @AfterEach
  void cleanUp() {
    release.countDown();
    ((Logger) LoggerFactory.getLogger("cuprum")).detachAppender(logs);
    leftBehind.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
  }

  /**
   * The program exits at once; a grandchild it started in the background keeps the stdin pipe
   * open and never reads, so the stdin writer blocks inside the JDK's synchronised stream.
   */
  @Test
  void aGrandchildHoldingStdinWithoutReadingDoesNotHoldTheRun() {
    RunOptions options = RunOptions.builder().timeout(Duration.ofSeconds(3)).context(QUICK)
        .stdin(StdinInput.bytes(FOUR_MIB)).build();
    CommandResult result = assertTimeoutPreemptively(BOUND,
        () -> executor.run(sh("exec 3<&0; sleep 60 <&3 >/dev/null 2>&1 & echo $!"), options));
    leftBehind.add(Long.parseLong(result.stdout().strip()));
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void aGrandchildHoldingStdinWithoutReadingDoesNotHoldThePipeline() {
    RunOptions options = RunOptions.builder().timeout(Duration.ofSeconds(3)).context(QUICK)
        .stdin(StdinInput.bytes(FOUR_MIB)).build();
    PipelineResult result = assertTimeoutPreemptively(BOUND, () -> executor.run(
        Pipeline.of(sh("exec 3<&0; sleep 60 <&3 >/dev/null 2>&1 & echo $!"), cmd(CAT)), options));
    leftBehind.add(Long.parseLong(result.stdout().strip()));
    assertThat(result.ok()).isTrue();
  }

  @Test
  void anObserveHookBlockedOnAnOutputLineDoesNotHoldTheRun() {
    BlockingHook hook = new BlockingHook(release);
    CommandExecutor executor = observedBy(hook);
    RunOptions options = RunOptions.builder().timeout(Duration.ofSeconds(2)).context(QUICK).build();
    assertThatThrownBy(() -> assertTimeoutPreemptively(BOUND,
        () -> executor.run(sh("echo first; echo second; sleep 60"), options)))
        .isInstanceOf(TimeoutExpiredException.class);
    assertThat(hook.phases).containsExactly(ExecPhase.PLAN, ExecPhase.START, ExecPhase.STDOUT);
    assertThat(messages()).anySatisfy(message -> assertThat(message)
        .startsWith("cuprum.observe_hook_blocked hook=" + BlockingHook.class.getName() + " phase=stdout"));
  }

  @Test
  void anObserveHookBlockedOnAnOutputLineDoesNotHoldThePipeline() {
    BlockingHook hook = new BlockingHook(release);
    CommandExecutor executor = observedBy(hook);
    RunOptions options = RunOptions.builder().timeout(Duration.ofSeconds(2)).context(QUICK).build();
    assertThatThrownBy(() -> assertTimeoutPreemptively(BOUND,
        () -> executor.run(Pipeline.of(sh("echo first; echo second; sleep 60"), cmd(CAT)), options)))
        .isInstanceOf(TimeoutExpiredException.class);
    assertThat(messages()).anySatisfy(message -> assertThat(message)
        .startsWith("cuprum.observe_hook_blocked hook=" + BlockingHook.class.getName()));
  }

  @Test
  void whenTheBlockedHookReturnsTheDroppedEventsAreCounted() throws Exception {
    BlockingHook hook = new BlockingHook(release);
    CommandExecutor executor = observedBy(hook);
    RunOptions options = RunOptions.builder().timeout(Duration.ofSeconds(1)).context(QUICK).build();
    assertThatThrownBy(() -> assertTimeoutPreemptively(BOUND,
        () -> executor.run(sh("echo first; echo second; sleep 60"), options)))
        .isInstanceOf(TimeoutExpiredException.class);
    release.countDown();
    assertThat(hook.returned.await(BOUND.toSeconds(), TimeUnit.SECONDS)).as("the hook returned").isTrue();
    await().atMost(BOUND).untilAsserted(() -> assertThat(messages())
        .anySatisfy(message -> assertThat(message).startsWith("cuprum.observe_hook_returned hook="
            + BlockingHook.class.getName() + " phase=stdout").contains("events of this run were dropped")));
    assertThat(hook.phases).as("nothing reaches the hook after EXIT was dropped")
        .containsExactly(ExecPhase.PLAN, ExecPhase.START, ExecPhase.STDOUT);
  }

  private static CommandExecutor observedBy(ExecHook hook) {
    return CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE).observeHook(hook).build();
  }

  private List<String> messages() {
    return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  /** Takes PLAN and START, then blocks in the first STDOUT event until released. */
  private static final class BlockingHook implements ExecHook {

    final List<ExecPhase> phases = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch returned = new CountDownLatch(1);
    private final CountDownLatch release;

    BlockingHook(CountDownLatch release) {
      this.release = release;
    }

    @Override
    public boolean wantsOutput() {
      return true;
    }

    @Override
    public void onEvent(ExecEvent event) {
      phases.add(event.phase());
      if (event.phase() == ExecPhase.STDOUT) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        returned.countDown();
      }
    }
  }
}
