package dev.cuprum.context;

import static dev.cuprum.Programs.ECHO;
import static dev.cuprum.Programs.GIT;
import static dev.cuprum.Programs.LS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cuprum.ForbiddenProgramException;
import dev.cuprum.InvalidArgumentException;
import dev.cuprum.Program;
import dev.cuprum.RefusalReason;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class CuprumContextTest {

  @AfterEach
  void contextIsRestored() {
    assertThat(CuprumContext.current()).isSameAs(CuprumContext.root());
  }

  private static ScopeConfig allowing(Program... programs) {
    return ScopeConfig.builder().allowlist(programs).build();
  }

  @Test
  void rootIsPermissiveButListsNothing() {
    CuprumContext root = CuprumContext.current();
    assertThat(root.restricted()).isFalse();
    assertThat(root.allowlist()).isEmpty();
    assertThat(root.isAllowed(ECHO)).isTrue();
    root.checkAllowed(Program.of("anything"));
  }

  @Test
  void scopesNarrowByIntersectionAndRestoreOnClose() {
    try (Registration outer = Cuprum.scoped(allowing(ECHO, LS))) {
      assertThat(outer.context()).isSameAs(CuprumContext.current());
      assertThat(CuprumContext.current().isAllowed(LS)).isTrue();
      try (Registration inner = Cuprum.scoped(allowing(ECHO, GIT))) {
        CuprumContext context = CuprumContext.current();
        assertThat(context.allowlist()).containsExactly(ECHO);
        assertThat(context.isAllowed(ECHO)).isTrue();
        assertThat(context.isAllowed(LS)).isFalse();
        assertThat(context.isAllowed(GIT)).isFalse();
      }
      assertThat(CuprumContext.current().isAllowed(LS)).isTrue();
    }
  }

  @Test
  void twoNarrowingsEqualOneByTheIntersection() {
    try (Registration a = Cuprum.scoped(allowing(ECHO, LS, GIT)); Registration b = Cuprum.scoped(allowing(LS, GIT))) {
      assertThat(CuprumContext.current().allowlist()).containsExactlyInAnyOrder(LS, GIT);
    }
  }

  @Test
  void scopeWithoutAllowlistInheritsAndEmptyAllowlistForbidsAll() {
    try (Registration none = Cuprum.scoped(ScopeConfig.builder().build())) {
      assertThat(CuprumContext.current().restricted()).isFalse();
    }
    try (Registration empty = Cuprum.scoped(ScopeConfig.builder().allowlist(List.of()).build())) {
      assertThat(CuprumContext.current().restricted()).isTrue();
      assertThat(CuprumContext.current().isAllowed(ECHO)).isFalse();
      try (Registration nested = Cuprum.scoped(allowing(ECHO))) {
        assertThat(CuprumContext.current().isAllowed(ECHO)).isFalse();
      }
      try (Registration inherited = Cuprum.scoped(ScopeConfig.builder().build())) {
        assertThat(CuprumContext.current().restricted()).isTrue();
      }
    }
  }

  @Test
  void allowAddsToARestrictedScopeAndNeverNarrowsAPermissiveOne() {
    try (Registration scope = Cuprum.scoped(allowing(ECHO))) {
      try (Registration allow = Cuprum.allow(LS)) {
        assertThat(CuprumContext.current().isAllowed(LS)).isTrue();
        assertThat(CuprumContext.current().isAllowed(ECHO)).isTrue();
      }
      assertThat(CuprumContext.current().isAllowed(LS)).isFalse();
    }
    try (Registration allow = Cuprum.allow(LS)) {
      assertThat(CuprumContext.current().restricted()).isFalse();
      assertThat(CuprumContext.current().isAllowed(ECHO)).isTrue();
      assertThat(CuprumContext.current().isAllowed(LS)).isTrue();
      try (Registration scope = Cuprum.scoped(allowing(ECHO))) {
        assertThat(CuprumContext.current().isAllowed(ECHO)).isTrue();
      }
    }
  }

  @Test
  void forbiddenProgramIsLoggedAndRejected() {
    Logger logger = (Logger) LoggerFactory.getLogger("cuprum.context");
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    try (Registration scope = Cuprum.scoped(allowing(ECHO))) {
      assertThatThrownBy(() -> CuprumContext.current().checkAllowed(LS))
          .isInstanceOf(ForbiddenProgramException.class)
          .hasMessage("Program 'ls' is not allowed: the allowlist of the current scope does not list it")
          .satisfies(e -> {
            assertThat(((ForbiddenProgramException) e).program()).isEqualTo(LS);
            assertThat(((ForbiddenProgramException) e).reason()).isEqualTo(RefusalReason.SCOPE);
          });
    } finally {
      logger.detachAppender(appender);
    }
    assertThat(appender.list).singleElement().satisfies(event -> {
      assertThat(event.getLevel()).hasToString("WARN");
      assertThat(event.getFormattedMessage()).isEqualTo("Program ls denied by context allowlist restricted_state=true");
      assertThat(event.getKeyValuePairs()).extracting(pair -> pair.key).containsExactly("operation", "restricted_state");
    });
  }

  @Test
  void hooksMergeInTheirOrders() {
    BeforeHook b1 = cmd -> { };
    BeforeHook b2 = cmd -> { };
    AfterHook a1 = (cmd, result) -> { };
    AfterHook a2 = (cmd, result) -> { };
    ExecHook o1 = event -> { };
    ExecHook o2 = event -> { };
    try (Registration r1 = Cuprum.before(b1); Registration r2 = Cuprum.after(a1); Registration r3 = Cuprum.observe(o1);
        Registration scope = Cuprum.scoped(ScopeConfig.builder().beforeHooks(b2).afterHooks(a2).observeHooks(o2).build())) {
      CuprumContext context = CuprumContext.current();
      assertThat(context.beforeHooks()).containsExactly(b1, b2);
      assertThat(context.afterHooks()).containsExactly(a2, a1);
      assertThat(context.observeHooks()).containsExactly(o1, o2);
    }
    try (Registration first = Cuprum.after(a1); Registration second = Cuprum.after(a2)) {
      assertThat(CuprumContext.current().afterHooks()).containsExactly(a2, a1);
    }
  }

  @Test
  void detachIsIdempotentAndRestoresTheSnapshotTakenAtRegistration() {
    BeforeHook hook = cmd -> { };
    Registration outer = Cuprum.before(hook);
    Registration inner = Cuprum.allow(LS);
    outer.detach();
    assertThat(CuprumContext.current()).isSameAs(CuprumContext.root());
    inner.detach();
    assertThat(CuprumContext.current().beforeHooks()).containsExactly(hook);
    outer.detach();
    assertThat(CuprumContext.current().beforeHooks()).containsExactly(hook);
    inner.detach();
    inner.close();
    // The inner registration's snapshot still held the outer hook: restore the root by hand.
    Cuprum.scoped(ScopeConfig.builder().build()).close();
    CuprumContext.restore(CuprumContext.root());
  }

  @Test
  void detachingOnAnotherThreadFailsAndCanBeRetried() throws Exception {
    Registration registration = Cuprum.allow(LS);
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      Future<?> attempt = other.submit(registration::detach);
      assertThatThrownBy(attempt::get).hasCauseInstanceOf(IllegalStateException.class)
          .hasMessageContaining("thread that made it");
      assertThat(CuprumContext.current().isAllowed(LS)).isTrue();
      registration.detach();
    } finally {
      other.shutdown();
    }
  }

  @Test
  void scopesAreRestoredWhenTheBlockThrows() {
    assertThatThrownBy(() -> {
      try (Registration scope = Cuprum.scoped(allowing(ECHO))) {
        throw new IllegalStateException("boom");
      }
    }).hasMessage("boom");
  }

  @Test
  void eachThreadHasItsOwnContext() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<Boolean> echoScope = () -> {
        try (Registration scope = Cuprum.scoped(allowing(ECHO))) {
          Thread.sleep(50);
          return CuprumContext.current().isAllowed(ECHO);
        }
      };
      Callable<Boolean> lsScope = () -> {
        try (Registration scope = Cuprum.scoped(allowing(LS))) {
          Thread.sleep(50);
          return CuprumContext.current().isAllowed(ECHO);
        }
      };
      Future<Boolean> echo = pool.submit(echoScope);
      Future<Boolean> ls = pool.submit(lsScope);
      assertThat(echo.get()).isTrue();
      assertThat(ls.get()).isFalse();
      try (Registration scope = Cuprum.scoped(allowing(LS))) {
        assertThat(pool.submit(() -> CuprumContext.current().restricted()).get()).isFalse();
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void wrapCarriesTheContextToAnotherThreadAndCleansUp() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Callable<Boolean> task;
      try (Registration scope = Cuprum.scoped(allowing(ECHO))) {
        task = CuprumContext.current().wrap(() -> CuprumContext.current().isAllowed(LS));
      }
      assertThat(pool.submit(task).get()).isFalse();
      assertThat(pool.submit(() -> CuprumContext.current() == CuprumContext.root()).get()).isTrue();
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void envOverlaysLayerAndAreCopied() {
    Map<String, String> overlay = new HashMap<>(Map.of("A", "1", "B", "1"));
    try (Registration outer = Cuprum.env(overlay)) {
      overlay.put("A", "changed");
      try (Registration inner = Cuprum.scoped(ScopeConfig.builder().envOverlay(Map.of("B", "2", "C", "2")).build())) {
        assertThat(CuprumContext.current().envOverlay()).containsExactlyInAnyOrderEntriesOf(Map.of("A", "1", "B", "2", "C", "2"));
      }
      assertThat(CuprumContext.current().envOverlay()).containsExactlyInAnyOrderEntriesOf(Map.of("A", "1", "B", "1"));
    }
    assertThat(CuprumContext.current().envOverlay()).isEmpty();
    assertThatThrownBy(() -> Cuprum.env(Map.of("BAD=NAME", "x"))).isInstanceOf(InvalidArgumentException.class);
  }

  @Test
  void scopedTimeoutsAreValidatedAndInherited() {
    assertThatThrownBy(() -> ScopeConfig.builder().timeout(Duration.ofSeconds(-1)).build())
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessage("ScopeConfig timeout must be non-negative, got PT-1S");
    try (Registration outer = Cuprum.scoped(ScopeConfig.builder().timeout(Duration.ofSeconds(3)).build())) {
      try (Registration inherit = Cuprum.scoped(ScopeConfig.builder().build())) {
        assertThat(CuprumContext.current().timeout()).isEqualTo(Duration.ofSeconds(3));
      }
      try (Registration override = Cuprum.scoped(ScopeConfig.builder().timeout(Duration.ZERO).build())) {
        assertThat(CuprumContext.current().timeout()).isEqualTo(Duration.ZERO);
      }
    }
  }

  @Test
  void contextPropagationLibraryCarriesTheContext() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Registration scope = Cuprum.scoped(allowing(ECHO))) {
      io.micrometer.context.ContextSnapshot snapshot = io.micrometer.context.ContextSnapshotFactory.builder().build()
          .captureAll();
      Callable<Boolean> task = snapshot.wrap(() -> CuprumContext.current().isAllowed(LS));
      assertThat(CompletableFuture.supplyAsync(() -> {
        try {
          return task.call();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }, pool).get()).isFalse();
      assertThat(pool.submit(() -> CuprumContext.current().restricted()).get()).isFalse();
    } finally {
      pool.shutdown();
    }
  }
}
