package dev.cuprum.reliability;

import static dev.cuprum.testing.TestPrograms.sh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutionContext;
import dev.cuprum.ForbiddenEnvironmentKeyException;
import dev.cuprum.InvalidArgumentException;
import dev.cuprum.Pipeline;
import dev.cuprum.ProgramLocator;
import dev.cuprum.Programs;
import dev.cuprum.RunOptions;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import dev.cuprum.concurrent.BatchListener;
import dev.cuprum.concurrent.ConcurrentConfig;
import dev.cuprum.context.Cuprum;
import dev.cuprum.context.CuprumContext;
import dev.cuprum.context.Registration;
import dev.cuprum.context.ScopeConfig;
import dev.cuprum.events.ExecEvent;
import dev.cuprum.internal.util.CodeLoadingVariables;
import dev.cuprum.testing.TestPrograms;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Environment overlays cannot make an allowlisted program load or run other code unless the
 * caller allows the variable by name; a refused overlay starts nothing.
 */
class CodeLoadingEnvironmentTest {

  /** git's configuration from the environment: an alias that runs a shell command. */
  private static final Map<String, String> ALIAS_THAT_RUNS_A_COMMAND = Map.of(
      "GIT_CONFIG_COUNT", "1",
      "GIT_CONFIG_KEY_0", "alias.cuprum-probe",
      "GIT_CONFIG_VALUE_0", "!touch \"$CUPRUM_MARKER\"");
  private static final String[] ALIAS_KEYS = {"GIT_CONFIG_COUNT", "GIT_CONFIG_KEY_0", "GIT_CONFIG_VALUE_0"};

  private final CommandExecutor executor = TestPrograms.executor();

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"LD_PRELOAD", "LD_LIBRARY_PATH", "LD_AUDIT", "LD_DEBUG_OUTPUT", "ld_preload",
      "DYLD_INSERT_LIBRARIES", "GLIBC_TUNABLES", "GCONV_PATH", "GIT_CONFIG_COUNT", "GIT_CONFIG_KEY_0",
      "GIT_CONFIG_VALUE_7", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_GLOBAL", "GIT_SSH", "GIT_SSH_COMMAND", "GIT_EXEC_PATH", "GIT_ASKPASS",
      "SSH_ASKPASS", "RSYNC_RSH", "RSYNC_CONNECT_PROG", "TAR_OPTIONS", "BASH_ENV", "ENV", "BASH_FUNC_ls%%",
      "SHELLOPTS", "PS4", "PERL5OPT", "PYTHONSTARTUP", "PYTHONPATH", "RUBYOPT", "NODE_OPTIONS", "JAVA_TOOL_OPTIONS",
      "LUA_INIT_5_4", "OPENSSL_CONF", "EDITOR", "PAGER"})
  void aRunRefusesTheVariableBeforeAnythingHappens(String key) {
    List<ExecEvent> events = new CopyOnWriteArrayList<>();
    AtomicInteger beforeHooks = new AtomicInteger();
    Path marker = dir.resolve("ran");
    RunOptions options = RunOptions.builder().context(ExecutionContext.builder().env(Map.of(key, "x")).build()).build();

    try (Registration observe = Cuprum.observe(events::add);
        Registration before = Cuprum.before(cmd -> beforeHooks.incrementAndGet())) {
      assertThatThrownBy(() -> executor.run(touch(marker), options))
          .isInstanceOfSatisfying(ForbiddenEnvironmentKeyException.class, e -> assertThat(e.key()).isEqualTo(key))
          .isInstanceOf(InvalidArgumentException.class)
          .hasMessage("Environment variable '" + key + "' makes programs load or run other code and is not allowed; "
              + "allow it by name with allowEnvKeys(\"" + key + "\") on the run's ExecutionContext or on the "
              + "executor's default context");
    }
    assertThat(marker).doesNotExist();
    assertThat(events).isEmpty();
    assertThat(beforeHooks).hasValue(0);
  }

  @Test
  void gitRunsTheCommandOfAnEnvironmentAliasOnlyWhenTheKeysAreAllowed() {
    assumeGit();
    Path marker = dir.resolve("alias-ran");
    SafeCmd probe = Sh.make(Programs.GIT).args("cuprum-probe");
    Map<String, String> env = withMarker(ALIAS_THAT_RUNS_A_COMMAND, marker);

    ExecutionContext refused = ExecutionContext.builder().cwd(dir).env(env).build();
    ForbiddenEnvironmentKeyException error = catchThrowableOfType(ForbiddenEnvironmentKeyException.class,
        () -> executor.run(probe, RunOptions.builder().context(refused).build()));
    assertThat(error.key()).isIn((Object[]) ALIAS_KEYS);
    assertThat(marker).doesNotExist();

    ExecutionContext allowed = refused.toBuilder().allowEnvKeys(ALIAS_KEYS).build();
    CommandResult result = executor.run(probe, RunOptions.builder().context(allowed).build());
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(marker).exists();
  }

  @Test
  void theExecutorsDefaultContextCanAllowWhatACallSets() {
    assumeGit();
    Path marker = dir.resolve("alias-ran");
    CommandExecutor allowing = CommandExecutor.builder().catalogue(TestPrograms.CATALOGUE)
        .defaultContext(ExecutionContext.builder().allowEnvKeys(ALIAS_KEYS).build()).build();
    ExecutionContext call = ExecutionContext.builder().cwd(dir)
        .env(withMarker(ALIAS_THAT_RUNS_A_COMMAND, marker)).build();

    CommandResult result = allowing.run(Sh.make(Programs.GIT).args("cuprum-probe"),
        RunOptions.builder().context(call).build());

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(marker).exists();
  }

  @Test
  void anAllowedKeyDoesNotAllowTheOthers() {
    ExecutionContext context = ExecutionContext.builder()
        .env(Map.of("LD_LIBRARY_PATH", "/opt/lib", "LD_PRELOAD", "/tmp/evil.so"))
        .allowEnvKeys("LD_LIBRARY_PATH")
        .build();

    assertThatThrownBy(() -> executor.run(sh("exit 0"), RunOptions.builder().context(context).build()))
        .isInstanceOfSatisfying(ForbiddenEnvironmentKeyException.class,
            e -> assertThat(e.key()).isEqualTo("LD_PRELOAD"));
  }

  @Test
  void anExecutorWhoseDefaultContextSetsARefusedVariableIsNotBuilt() {
    ExecutionContext defaults = ExecutionContext.builder().env(Map.of("BASH_ENV", "/tmp/startup.sh")).build();

    assertThatThrownBy(() -> CommandExecutor.builder().defaultContext(defaults).build())
        .isInstanceOfSatisfying(ForbiddenEnvironmentKeyException.class,
            e -> assertThat(e.key()).isEqualTo("BASH_ENV"));
    assertThat(CommandExecutor.builder().defaultContext(defaults.toBuilder().allowEnvKeys("BASH_ENV").build()).build())
        .isNotNull();
  }

  @Test
  void scopesCannotSetTheVariablesAtAll() {
    String message = "Environment variable 'GIT_SSH_COMMAND' makes programs load or run other code and cannot be "
        + "set in a scope; set it in the ExecutionContext of the runs that need it, with "
        + "allowEnvKeys(\"GIT_SSH_COMMAND\")";
    Map<String, String> overlay = Map.of("GIT_SSH_COMMAND", "touch /tmp/x");
    CuprumContext before = CuprumContext.current();

    assertThatThrownBy(() -> ScopeConfig.builder().envOverlay(overlay).build())
        .isInstanceOfSatisfying(ForbiddenEnvironmentKeyException.class,
            e -> assertThat(e.key()).isEqualTo("GIT_SSH_COMMAND"))
        .hasMessage(message);
    assertThatThrownBy(() -> Cuprum.env(overlay)).isInstanceOf(ForbiddenEnvironmentKeyException.class)
        .hasMessage(message);
    assertThat(CuprumContext.current()).isSameAs(before);
  }

  @Test
  void pipelinesAndBatchesAreRefusedBeforeAnyStageOrMemberStarts() {
    Path marker = dir.resolve("ran");
    ExecutionContext context = ExecutionContext.builder().env(Map.of("LD_PRELOAD", "/tmp/evil.so")).build();
    AtomicInteger started = new AtomicInteger();
    BatchListener listener = new BatchListener() {
      @Override
      public void started(int submissionIndex, SafeCmd cmd) {
        started.incrementAndGet();
      }
    };

    assertThatThrownBy(() -> executor.run(Pipeline.of(touch(marker), sh("cat")),
        RunOptions.builder().context(context).build()))
        .isInstanceOf(ForbiddenEnvironmentKeyException.class);
    assertThatThrownBy(() -> executor.runConcurrent(List.of(touch(marker), touch(marker)),
        ConcurrentConfig.builder().context(context).listener(listener).build()))
        .isInstanceOf(ForbiddenEnvironmentKeyException.class);
    assertThatThrownBy(() -> executor.runAsync(touch(marker), RunOptions.builder().context(context).build()).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(ForbiddenEnvironmentKeyException.class);
    assertThat(marker).doesNotExist();
    assertThat(started).hasValue(0);
  }

  @Test
  void pathHomeAndOrdinaryVariablesPass() {
    Map<String, String> env = Map.of("PATH", "/usr/bin:/bin", "HOME", dir.toString(), "LC_ALL", "C",
        "GIT_CONFIG_NOSYSTEM", "1", "APP_ENV", "test");
    try (Registration scoped = Cuprum.env(Map.of("PATH", "/usr/bin:/bin", "LANG", "C"))) {
      CommandResult result = executor.run(sh("printf '%s' \"$APP_ENV\""),
          RunOptions.builder().context(ExecutionContext.builder().env(env).build()).build());
      assertThat(result.stdout()).isEqualTo("test");
    }
    for (String name : env.keySet()) {
      assertThat(CodeLoadingVariables.loadsCode(name)).as(name).isFalse();
    }
  }

  private static SafeCmd touch(Path marker) {
    return sh(": > \"$1\"", marker.toString());
  }

  private static Map<String, String> withMarker(Map<String, String> env, Path marker) {
    Map<String, String> withMarker = new HashMap<>(env);
    withMarker.put("CUPRUM_MARKER", marker.toString());
    return withMarker;
  }

  private static void assumeGit() {
    assumeTrue(ProgramLocator.fromEnvironment().locate(Programs.GIT).isPresent(), "git is not installed");
  }
}
