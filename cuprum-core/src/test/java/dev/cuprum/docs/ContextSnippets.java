package dev.cuprum.docs;

import static dev.cuprum.Programs.ECHO;
import static dev.cuprum.Programs.GIT;
import static dev.cuprum.Programs.LS;
import static dev.cuprum.docs.Tools.CATALOGUE;
import static dev.cuprum.docs.Tools.SH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ForbiddenProgramException;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import dev.cuprum.context.AfterHook;
import dev.cuprum.context.BeforeHook;
import dev.cuprum.context.Cuprum;
import dev.cuprum.context.CuprumContext;
import dev.cuprum.context.Registration;
import dev.cuprum.context.ScopeConfig;
import dev.cuprum.events.ExecEvent;
import dev.cuprum.events.ExecPhase;
import dev.cuprum.logging.StructuredLoggingHook;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The guide's sections on scoped contexts, hooks, events and logging. */
class ContextSnippets {

  private final CommandExecutor executor = CommandExecutor.builder().catalogue(CATALOGUE).build();

  @Test
  void scopedAllowlist() {
    // tag::scoped[]
    try (Registration outer = Cuprum.scoped(ScopeConfig.builder().allowlist(ECHO, LS).build())) {
      executor.run(Sh.make(LS).args("/"));                       // allowed

      try (Registration inner = Cuprum.scoped(ScopeConfig.builder().allowlist(ECHO, GIT).build())) {
        // Nested scopes intersect: only echo is left; git was never allowed outside.
        CuprumContext.current().isAllowed(ECHO);                 // true
        assertThatThrownBy(() -> executor.run(Sh.make(LS).args("/")))
            .isInstanceOf(ForbiddenProgramException.class)
            .hasMessage("Program 'ls' is not allowed: the allowlist of the current scope does not list it");
      }
      CuprumContext.current().isAllowed(LS);                     // true again
    }
    // end::scoped[]
    try (Registration outer = Cuprum.scoped(ScopeConfig.builder().allowlist(ECHO, LS).build());
        Registration inner = Cuprum.scoped(ScopeConfig.builder().allowlist(ECHO, GIT).build())) {
      assertThat(CuprumContext.current().allowlist()).containsExactly(ECHO);
    }
    assertThat(CuprumContext.current()).isSameAs(CuprumContext.root());
  }

  @Test
  void allow() {
    // tag::allow[]
    try (Registration scope = Cuprum.scoped(ScopeConfig.builder().allowlist(ECHO).build())) {
      CuprumContext.current().isAllowed(LS);                     // false
      try (Registration extra = Cuprum.allow(LS)) {
        CuprumContext.current().isAllowed(LS);                   // true
      }
      CuprumContext.current().isAllowed(LS);                     // false
    }
    // In the permissive root context every program may run; allow() never restricts it.
    try (Registration extra = Cuprum.allow(LS)) {
      CuprumContext.current().isAllowed(ECHO);                   // true
    }
    // end::allow[]
    try (Registration scope = Cuprum.scoped(ScopeConfig.builder().allowlist(ECHO).build())) {
      assertThat(CuprumContext.current().isAllowed(LS)).isFalse();
      try (Registration extra = Cuprum.allow(LS)) {
        assertThat(CuprumContext.current().isAllowed(LS)).isTrue();
      }
    }
    try (Registration extra = Cuprum.allow(LS)) {
      assertThat(CuprumContext.current().isAllowed(ECHO)).isTrue();
      assertThat(CuprumContext.current().restricted()).isFalse();
    }
  }

  @Test
  void scopedTimeoutAndEnvironment() {
    // tag::scope-defaults[]
    ScopeConfig batchJob = ScopeConfig.builder()
        .timeout(Duration.ofSeconds(30))                         // for runs that set none themselves
        .envOverlay(Map.of("LC_ALL", "C"))
        .build();
    try (Registration scope = Cuprum.scoped(batchJob);
        Registration proxy = Cuprum.env(Map.of("HTTPS_PROXY", "http://proxy.internal:3128"))) {
      CommandResult result = executor.run(Sh.make(SH, CATALOGUE).args("-c", "echo \"$LC_ALL $HTTPS_PROXY\""));
      result.stdout(); // "C http://proxy.internal:3128\n"
    }
    // end::scope-defaults[]
    try (Registration scope = Cuprum.scoped(batchJob);
        Registration proxy = Cuprum.env(Map.of("HTTPS_PROXY", "http://proxy.internal:3128"))) {
      assertThat(CuprumContext.current().timeout()).isEqualTo(Duration.ofSeconds(30));
      assertThat(executor.run(Sh.make(SH, CATALOGUE).args("-c", "echo \"$LC_ALL $HTTPS_PROXY\"")).stdout())
          .isEqualTo("C http://proxy.internal:3128\n");
    }
  }

  @Test
  void carryTheContext() throws Exception {
    // tag::wrap[]
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Registration scope = Cuprum.scoped(ScopeConfig.builder().allowlist(ECHO).build())) {
      // A plain thread starts in the permissive root context; wrap() carries this scope over.
      Future<Boolean> lsAllowed = pool.submit(CuprumContext.current().wrap(
          () -> CuprumContext.current().isAllowed(LS)));
      lsAllowed.get(); // false, as on this thread
    } finally {
      pool.shutdown();
    }
    // end::wrap[]
    ExecutorService check = Executors.newSingleThreadExecutor();
    try (Registration scope = Cuprum.scoped(ScopeConfig.builder().allowlist(ECHO).build())) {
      assertThat(check.submit(CuprumContext.current().wrap(() -> CuprumContext.current().isAllowed(LS))).get())
          .isFalse();
      assertThat(check.submit(() -> CuprumContext.current().isAllowed(LS)).get()).isTrue();
    } finally {
      check.shutdown();
    }
  }

  @Test
  void hooks() {
    // tag::hooks[]
    List<String> calls = new CopyOnWriteArrayList<>();
    BeforeHook outerBefore = cmd -> calls.add("outer before " + cmd.program());
    AfterHook outerAfter = (cmd, result) -> calls.add("outer after " + result.exitCode());
    try (Registration outer = Cuprum.scoped(ScopeConfig.builder()
            .beforeHooks(outerBefore).afterHooks(outerAfter).build());
        Registration innerBefore = Cuprum.before(cmd -> calls.add("inner before"));
        Registration innerAfter = Cuprum.after((cmd, result) -> calls.add("inner after"))) {
      executor.run(Sh.make(ECHO).args("hooked"));
    }
    // Before hooks run outermost first, after hooks innermost first:
    // [outer before echo, inner before, inner after, outer after 0]
    // end::hooks[]
    assertThat(calls).containsExactly("outer before echo", "inner before", "inner after", "outer after 0");
  }

  @Test
  void policyHook() {
    // tag::before-hook-policy[]
    BeforeHook noForcePush = cmd -> {
      if (cmd.program().equals(GIT) && cmd.argv().contains("--force")) {
        throw new SecurityException("force pushes are not allowed");
      }
    };
    try (Registration policy = Cuprum.before(noForcePush)) {
      // The exception reaches the caller unchanged; nothing was started.
      assertThatThrownBy(() -> executor.run(Sh.make(GIT).args("push", "--force")))
          .isInstanceOf(SecurityException.class);
    }
    // end::before-hook-policy[]
  }

  @Test
  void executorHooks() {
    Logger log = LoggerFactory.getLogger("audit");
    // tag::executor-hooks[]
    CommandExecutor audited = CommandExecutor.builder()
        .catalogue(CATALOGUE)
        // Root hooks: the outermost scope of every run, on every thread. An observe hook sees the
        // EXIT of every started process, timed-out and cancelled ones included.
        .observeHook(event -> {
          if (event.phase() == ExecPhase.EXIT) {
            log.info("ran {} exit={} termination={}", event.argv(), event.exitCode(), event.termination());
          }
        })
        .build();
    // end::executor-hooks[]
    assertThat(audited.run(Sh.make(ECHO).args("audited")).ok()).isTrue();
  }

  @Test
  void events() {
    // tag::events[]
    List<ExecEvent> events = new CopyOnWriteArrayList<>();
    SafeCmd cmd = Sh.make(SH, CATALOGUE).args("-c", "echo out; echo err >&2");
    try (Registration observer = Cuprum.observe(events::add)) {
      executor.run(cmd);
    }
    // PLAN, START, then STDOUT "out" and STDERR "err" (in either order), then EXIT.
    ExecEvent exit = events.get(events.size() - 1);
    exit.phase();     // EXIT
    exit.exitCode();  // 0
    exit.duration();  // spawn to exit
    exit.tags();      // {project=tools, capture=true, echo=false}
    exit.execId();    // the same UUID on every event of this run
    // end::events[]
    assertThat(events).extracting(ExecEvent::phase).startsWith(ExecPhase.PLAN, ExecPhase.START)
        .endsWith(ExecPhase.EXIT).contains(ExecPhase.STDOUT, ExecPhase.STDERR).hasSize(5);
    assertThat(events).filteredOn(e -> e.phase() == ExecPhase.STDOUT).extracting(ExecEvent::line)
        .containsExactly("out");
    assertThat(events).extracting(ExecEvent::execId).containsOnly(exit.execId());
    assertThat(events.get(0).pid()).isNull();
    assertThat(exit.tags()).isEqualTo(Map.of("project", "tools", "capture", true, "echo", false));
    assertThat(exit.argv()).containsExactly("sh", "-c", "echo out; echo err >&2");
  }

  @Test
  void loggingHook() {
    ListAppender<ILoggingEvent> records = capture("myapp.commands");
    // tag::logging-hook[]
    Logger log = LoggerFactory.getLogger("myapp.commands");
    try (Registration logging = Cuprum.loggingHook(log)) {
      executor.run(Sh.make(ECHO).args("-n", "hello logs"));
    }
    // INFO cuprum.start program=echo argv=[echo, -n, hello logs]
    // INFO cuprum.exit program=echo pid=4242 exit_code=0 duration_s=0.001873 stdout_len=10 stderr_len=0
    // end::logging-hook[]
    assertThat(records.list).extracting(ILoggingEvent::getFormattedMessage).satisfiesExactly(
        start -> assertThat(start).isEqualTo("cuprum.start program=echo argv=[echo, -n, hello logs]"),
        exit -> assertThat(exit).matches(
            "cuprum\\.exit program=echo pid=\\d+ exit_code=0 duration_s=\\d+\\.\\d{6} stdout_len=10 stderr_len=0"));
  }

  @Test
  void structuredLogging() {
    ListAppender<ILoggingEvent> records = capture(StructuredLoggingHook.DEFAULT_LOGGER);
    // tag::structured-logging[]
    // One record per event on logger "cuprum.exec": PLAN and output at DEBUG, START and EXIT at INFO.
    try (Registration logging = Cuprum.observe(new StructuredLoggingHook())) {
      executor.run(Sh.make(ECHO).args("hello"));
    }
    // DEBUG cuprum.plan program=echo argv=[echo, hello]
    // INFO  cuprum.start program=echo pid=4242
    // DEBUG cuprum.stdout pid=4242 line='hello'
    // INFO  cuprum.exit program=echo pid=4242 exit_code=0 duration_s=0.001204
    // end::structured-logging[]
    assertThat(records.list).extracting(ILoggingEvent::getFormattedMessage).satisfiesExactly(
        plan -> assertThat(plan).isEqualTo("cuprum.plan program=echo argv=[echo, hello]"),
        start -> assertThat(start).matches("cuprum\\.start program=echo pid=\\d+"),
        line -> assertThat(line).matches("cuprum\\.stdout pid=\\d+ line='hello'"),
        exit -> assertThat(exit).matches("cuprum\\.exit program=echo pid=\\d+ exit_code=0 duration_s=\\d+\\.\\d{6}"));
    assertThat(records.list.get(3).getKeyValuePairs()).extracting(pair -> pair.key)
        .containsExactly("cuprum.phase", "cuprum.program", "cuprum.argv", "cuprum.pid", "cuprum.exit_code",
            "cuprum.duration_s", "cuprum.tags");
  }

  /** Records what a logger writes, at every level, for the rest of the test. */
  private static ListAppender<ILoggingEvent> capture(String name) {
    ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(name);
    logger.setLevel(Level.DEBUG);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    return appender;
  }
}
