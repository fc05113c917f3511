package dev.cuprum.context;

import static dev.cuprum.testing.TestPrograms.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutionContext;
import dev.cuprum.ForbiddenProgramException;
import dev.cuprum.Program;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.ProjectSettings;
import dev.cuprum.Programs;
import dev.cuprum.RefusalReason;
import dev.cuprum.RunOptions;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import dev.cuprum.TimeoutExpiredException;
import dev.cuprum.events.ExecPhase;
import dev.cuprum.testing.Processes;
import dev.cuprum.testing.TestPrograms;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HooksTest {

  private final List<String> calls = new CopyOnWriteArrayList<>();

  private BeforeHook before(String name) {
    return cmd -> calls.add("before:" + name);
  }

  private AfterHook after(String name) {
    return (cmd, result) -> calls.add("after:" + name);
  }

  private ExecHook observe(String name) {
    return event -> {
      if (event.phase() == ExecPhase.START) {
        calls.add("observe:" + name);
      }
    };
  }

  @Test
  void executorHooksAreTheOutermostScope() {
    CommandExecutor executor = CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE)
        .beforeHook(before("root1")).beforeHook(before("root2"))
        .afterHook(after("root1")).afterHook(after("root2"))
        .observeHook(observe("root1")).observeHook(observe("root2"))
        .build();
    try (Registration outer = Cuprum.scoped(ScopeConfig.builder()
            .beforeHooks(before("outer")).afterHooks(after("outer")).observeHooks(observe("outer")).build());
        Registration inner = Cuprum.scoped(ScopeConfig.builder()
            .beforeHooks(before("inner")).afterHooks(after("inner")).observeHooks(observe("inner")).build())) {
      executor.run(sh("true"));
    }
    assertThat(calls).containsExactly(
        "before:root1", "before:root2", "before:outer", "before:inner",
        "observe:root1", "observe:root2", "observe:outer", "observe:inner",
        "after:inner", "after:outer", "after:root2", "after:root1");
  }

  @Test
  void registeredHooksRunBeforeFifoAndAfterLifo() {
    try (Registration b1 = Cuprum.before(before("1")); Registration b2 = Cuprum.before(before("2"));
        Registration a1 = Cuprum.after(after("1")); Registration a2 = Cuprum.after(after("2"))) {
      TestPrograms.executor().run(sh("true"));
    }
    assertThat(calls).containsExactly("before:1", "before:2", "after:2", "after:1");
  }

  @Test
  void hooksReceiveTheExactCommandAndResult() {
    AtomicReference<SafeCmd> seenBefore = new AtomicReference<>();
    AtomicReference<SafeCmd> seenAfter = new AtomicReference<>();
    AtomicReference<CommandResult> seenResult = new AtomicReference<>();
    SafeCmd cmd = sh("echo hi");
    CommandResult result;
    try (Registration b = Cuprum.before(seenBefore::set);
        Registration a = Cuprum.after((c, r) -> {
          seenAfter.set(c);
          seenResult.set(r);
        })) {
      result = TestPrograms.executor().run(cmd);
    }
    assertThat(seenBefore.get()).isSameAs(cmd);
    assertThat(seenAfter.get()).isSameAs(cmd);
    assertThat(seenResult.get()).isSameAs(result);
  }

  @Test
  void allowlistIsCheckedBeforeAnyHookAndNothingRuns() {
    try (Registration scope = Cuprum.scoped(ScopeConfig.builder().allowlist(Programs.ECHO).build());
        Registration hook = Cuprum.before(before("x")); Registration events = Cuprum.observe(observe("x"))) {
      assertThatThrownBy(() -> TestPrograms.executor().run(sh("true")))
          .isInstanceOf(ForbiddenProgramException.class)
          .hasMessage("Program 'sh' is not allowed: the allowlist of the current scope does not list it");
      assertThat(TestPrograms.executor().run(Sh.make(Programs.ECHO).args("ok")).ok()).isTrue();
    }
    assertThat(calls).containsExactly("before:x", "observe:x");
  }

  @Test
  void aThrowingBeforeHookStartsNothing() {
    String marker = Processes.marker();
    try (Registration hook = Cuprum.before(cmd -> {
      throw new IllegalStateException("policy says no");
    })) {
      assertThatThrownBy(() -> TestPrograms.executor().run(sh("sleep 5; : " + marker))).hasMessage("policy says no");
    }
    assertThat(Processes.runningWith(marker)).isEmpty();
  }

  @Test
  void afterHooksDoNotRunForTimedOutRuns() {
    try (Registration hook = Cuprum.after(after("x"))) {
      assertThatThrownBy(() -> TestPrograms.executor().run(sh("sleep 30"), RunOptions.builder()
          .timeout(Duration.ofMillis(100)).context(ExecutionContext.builder().cancelGrace(Duration.ofMillis(100)).build())
          .build())).isInstanceOf(TimeoutExpiredException.class);
    }
    assertThat(calls).isEmpty();
  }

  @Test
  void enforcedAllowlistRefusesWhatTheCatalogueDoesNotListWhateverTheScopeSays() {
    Program outsider = Program.of("printf");
    ProgramCatalogue other = ProgramCatalogue.of(ProjectSettings.builder("other").programs(outsider).build());
    CommandExecutor enforcing = CommandExecutor.builder().catalogue(ProgramCatalogue.defaults()).enforceAllowlist(true).build();
    try (Registration allow = Cuprum.allow(outsider)) {
      assertThatThrownBy(() -> enforcing.run(Sh.make(outsider, other).args("x")))
          .isInstanceOf(ForbiddenProgramException.class)
          .hasMessage("Program 'printf' is not allowed: the executor enforces its catalogue's allowlist, which does not "
              + "list it")
          .satisfies(e -> assertThat(((ForbiddenProgramException) e).reason()).isEqualTo(RefusalReason.CATALOGUE));
    }
    assertThat(enforcing.run(Sh.make(Programs.ECHO).args("-n", "ok")).stdout()).isEqualTo("ok");
    try (Registration scope = Cuprum.scoped(ScopeConfig.builder().allowlist(Programs.LS).build())) {
      assertThatThrownBy(() -> enforcing.run(Sh.make(Programs.ECHO).args("x"))).isInstanceOf(ForbiddenProgramException.class);
    }
    assertThat(TestPrograms.executor().run(Sh.make(outsider, other).args("x")).stdout()).isEqualTo("x");
  }

  @Test
  void asyncRunsCarryTheCallersContext() throws Exception {
    CommandExecutor executor = TestPrograms.executor();
    try (Registration scope = Cuprum.scoped(ScopeConfig.builder().allowlist(Programs.ECHO)
            .envOverlay(Map.of("CUPRUM_SCOPED", "yes")).build());
        Registration hook = Cuprum.before(before("scoped"))) {
      assertThatThrownBy(() -> executor.runAsync(sh("true"), RunOptions.defaults()).get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(ForbiddenProgramException.class);
      try (Registration allow = Cuprum.allow(TestPrograms.SH)) {
        CommandResult result = executor.runAsync(sh("printf %s \"$CUPRUM_SCOPED\""), RunOptions.defaults())
            .get(10, TimeUnit.SECONDS);
        assertThat(result.stdout()).isEqualTo("yes");
      }
    }
    assertThat(calls).containsExactly("before:scoped");
    assertThat(executor.runAsync(sh("true"), RunOptions.defaults()).get(10, TimeUnit.SECONDS).ok()).isTrue();
    assertThat(calls).containsExactly("before:scoped");
  }
}
