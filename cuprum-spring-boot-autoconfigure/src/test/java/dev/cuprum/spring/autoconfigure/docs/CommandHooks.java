package dev.cuprum.spring.autoconfigure.docs;

import dev.cuprum.context.AfterHook;
import dev.cuprum.context.BeforeHook;
import dev.cuprum.context.ExecHook;
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

  /** One record per command that exited; argv with secrets masked. */
  @Bean
  AfterHook audit() {
    return (cmd, result) -> AUDIT.info("argv={} exit_code={} duration_ms={}", cmd.maskedArgvWithProgram(),
        result.exitCode(), result.duration().toMillis());
  }

  /** Every event of every command; called from Cuprum's threads, so it must be quick. */
  @Bean
  ExecHook slowCommands() {
    return event -> {
      if (event.phase() == ExecPhase.EXIT && event.duration().compareTo(Duration.ofSeconds(10)) > 0) {
        AUDIT.warn("slow command argv={} took {}", event.argv(), event.duration());
      }
    };
  }
}
// end::spring-hooks[]
