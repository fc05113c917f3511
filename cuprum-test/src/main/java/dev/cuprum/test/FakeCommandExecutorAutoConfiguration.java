package dev.cuprum.test;

import dev.cuprum.CommandExecutor;
import dev.cuprum.spring.autoconfigure.CommandExecutorCustomizer;
import dev.cuprum.spring.autoconfigure.CuprumAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * What {@link AutoConfigureFakeCommandExecutor} imports. The starter's executor bean is built as
 * usual, with one more customizer, ordered last, that makes its processes fake ones; the
 * {@link FakeCommandExecutor} around it is the primary {@code CommandExecutor}, so the
 * application, the lifecycle, the actuator endpoint and the test all get it.
 */
@AutoConfiguration(after = CuprumAutoConfiguration.class)
public final class FakeCommandExecutorAutoConfiguration {

  @Bean
  FakeProcesses cuprumFakeProcesses() {
    return new FakeProcesses();
  }

  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  CommandExecutorCustomizer cuprumFakeProcessesCustomizer(FakeProcesses processes) {
    return processes::install;
  }

  @Bean
  @Primary
  FakeCommandExecutor fakeCommandExecutor(@Qualifier("commandExecutor") CommandExecutor executor,
      FakeProcesses processes) {
    return processes.around(executor);
  }
}
