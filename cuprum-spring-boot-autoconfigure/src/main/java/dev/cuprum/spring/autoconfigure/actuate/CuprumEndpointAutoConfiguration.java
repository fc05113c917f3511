package dev.cuprum.spring.autoconfigure.actuate;

import dev.cuprum.CommandExecutor;
import dev.cuprum.ProgramLocator;
import dev.cuprum.spring.autoconfigure.CuprumAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link CuprumEndpoint}, when it is available (accessible and
 * exposed). The endpoint condition sits on the bean method so that it is only loaded once the
 * actuator is known to be present.
 */
@AutoConfiguration(after = CuprumAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "cuprum.enabled", matchIfMissing = true)
@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
public final class CuprumEndpointAutoConfiguration {

  @Bean
  @ConditionalOnAvailableEndpoint(CuprumEndpoint.class)
  @ConditionalOnMissingBean
  @ConditionalOnBean(CommandExecutor.class)
  CuprumEndpoint cuprumEndpoint(CommandExecutor executor) {
    return new CuprumEndpoint(executor, ProgramLocator.fromEnvironment());
  }
}
