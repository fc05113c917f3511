package dev.cuprum.docs;

import static dev.cuprum.docs.Tools.CATALOGUE;
import static dev.cuprum.docs.Tools.SH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cuprum.CommandExecutor;
import dev.cuprum.CommandResult;
import dev.cuprum.ExecutionContext;
import dev.cuprum.RunOptions;
import dev.cuprum.SafeCmd;
import dev.cuprum.Sh;
import dev.cuprum.context.Cuprum;
import dev.cuprum.context.Registration;
import dev.cuprum.events.ExecEvent;
import dev.cuprum.events.ExecPhase;
import dev.cuprum.internal.util.Masking;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The guide's section on secrets. */
class SecuritySnippets {

  private final CommandExecutor executor = CommandExecutor.builder().catalogue(CATALOGUE).build();

  @Test
  void secrets() {
    List<ExecEvent> events = new CopyOnWriteArrayList<>();
    // tag::secrets[]
    SafeCmd login = Sh.make(SH, CATALOGUE).args("-c", "echo \"logging in with $1\"", "sh",
        Sh.secret("hunter2-token"));
    login.argv();                     // the process gets the real value...
    login.toString();                 // SafeCmd[program=sh, argv=[-c, echo "logging in with $1", sh, ******], ...]
    login.maskedArgvWithProgram();    // [sh, -c, echo "logging in with $1", sh, ******]

    // Values of variables named like *password*, *secret*, *token*, *key*, *credential* are masked too.
    ExecutionContext withToken = ExecutionContext.builder().env(Map.of("API_TOKEN", "t0k3n-value")).build();
    try (Registration observer = Cuprum.observe(events::add)) {
      CommandResult result = executor.run(login, RunOptions.builder().context(withToken).build());
      result.stdout();                // "logging in with hunter2-token\n": results are not masked
    }
    // Events, logs, spans and exception messages show "******" instead:
    // the STDOUT event's line is "logging in with ******", its env is {API_TOKEN=******}.
    // end::secrets[]
    assertThat(login.argv()).contains("hunter2-token");
    assertThat(login.toString()).contains("******").doesNotContain("hunter2-token");
    assertThat(login.maskedArgvWithProgram()).containsExactly("sh", "-c", "echo \"logging in with $1\"", "sh",
        "******");
    ExecEvent line = events.stream().filter(e -> e.phase() == ExecPhase.STDOUT).findFirst().orElseThrow();
    assertThat(line.line()).isEqualTo("logging in with ******");
    assertThat(line.env()).isEqualTo(Map.of("API_TOKEN", "******"));
    assertThat(line.argv()).doesNotContain("hunter2-token");
    assertThat(dev.cuprum.internal.util.Masking.isSensitiveKey("DB_PASSWORD")).isTrue();
  }
}
