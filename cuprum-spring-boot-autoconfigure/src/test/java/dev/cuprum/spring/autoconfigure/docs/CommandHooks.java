package dev.cuprum.spring.autoconfigure.docs;

import dev.cuprum.ForbiddenProgramException;
import dev.cuprum.SafeCmd;
import dev.cuprum.context.AfterHook;
import dev.cuprum.context.BeforeHook;
import dev.cuprum.context.ExecHook;
import dev.cuprum.events.ExecEvent;
import dev.cuprum.events.ExecPhase;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

// tag::spring-hooks[]
@Configuration(proxyBeanMethods = false)
public class CommandHooks {

  private static final Logger AUDIT = LoggerFactory.getLogger("audit");

  /** A policy: throwing stops the run before anything starts. Ordered first among before hooks. */
  @Bean
  @Order(0)
  BeforeHook refuseForce() {
    return cmd -> {
      if (cmd.argv().contains("--force")) {
        throw new SecurityException(cmd.program() + " --force is not allowed");
      }
    };
  }

  /**
   * One audit record per command, whatever its outcome: every started process has an EXIT event,
   * timed-out and cancelled ones too, and refusals reach onRefused. An after hook would miss both.
   */
  @Bean
  ExecHook audit() {
    return new ExecHook() {
      @Override
      public void onEvent(ExecEvent event) {
        if (event.phase() == ExecPhase.EXIT) {
          AUDIT.info("argv={} exit_code={} termination={} duration_ms={}", event.argv(), event.exitCode(),
              event.termination(), event.duration().toMillis());
        }
      }

      @Override
      public void onRefused(SafeCmd cmd, ForbiddenProgramException refusal) {
        AUDIT.warn("refused argv={} reason={}", cmd.maskedArgvWithProgram(), refusal.reason());
      }

      @Override
      public boolean wantsOutput() {
        return false; // no line events: the audit needs starts and ends only
      }
    };
  }

  /** After a command exited on its own (never after a timeout or cancellation), with its result. */
  @Bean
  AfterHook slowCommands() {
    return (cmd, result) -> {
      if (result.duration().compareTo(Duration.ofSeconds(10)) > 0) {
        AUDIT.warn("slow command argv={} took {}", cmd.maskedArgvWithProgram(), result.duration());
      }
    };
  }
}
// end::spring-hooks[]
