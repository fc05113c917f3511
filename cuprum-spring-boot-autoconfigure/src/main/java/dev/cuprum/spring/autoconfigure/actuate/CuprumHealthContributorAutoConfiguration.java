package dev.cuprum.spring.autoconfigure.actuate;

import dev.cuprum.CommandExecutor;
import dev.cuprum.ProgramLocator;
import dev.cuprum.spring.autoconfigure.CuprumAutoConfiguration;
import dev.cuprum.spring.autoconfigure.CuprumProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code cuprum} health indicator. Which programs decide its status
 * is set by {@code cuprum.health.required-programs}; every name there must be a catalogue
 * program. The health conditions sit on the bean method so that they are only loaded once the
 * health module is known to be present.
 */
@AutoConfiguration(after = CuprumAutoConfiguration.class,
    beforeName = "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration")
@ConditionalOnBooleanProperty(name = "cuprum.enabled", matchIfMissing = true)
@ConditionalOnClass({ Health.class, ConditionalOnEnabledHealthIndicator.class })
@EnableConfigurationProperties(CuprumProperties.class)
public final class CuprumHealthContributorAutoConfiguration {

  @Bean
  @ConditionalOnEnabledHealthIndicator("cuprum")
  @ConditionalOnBean(CommandExecutor.class)
  @ConditionalOnMissingBean(name = "cuprumHealthIndicator")
  CuprumHealthIndicator cuprumHealthIndicator(CommandExecutor executor, CuprumProperties properties) {
    return new CuprumHealthIndicator(executor,
        RequiredPrograms.of(executor.settings().catalogue(), properties.getHealth()), ProgramLocator.fromEnvironment());
  }
}
