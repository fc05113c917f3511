package dev.cuprum.spring.autoconfigure.actuate;

import dev.cuprum.ProgramCatalogue;
import dev.cuprum.spring.autoconfigure.CuprumAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.info.ConditionalOnEnabledInfoContributor;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Auto-configuration of the {@link CuprumInfoContributor} ({@code management.info.cuprum.enabled}). */
@AutoConfiguration(after = CuprumAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "cuprum.enabled", matchIfMissing = true)
@ConditionalOnClass({ InfoContributor.class, ConditionalOnEnabledInfoContributor.class })
public final class CuprumInfoContributorAutoConfiguration {

  @Bean
  @ConditionalOnEnabledInfoContributor("cuprum")
  @ConditionalOnBean(ProgramCatalogue.class)
  @ConditionalOnMissingBean
  CuprumInfoContributor cuprumInfoContributor(ProgramCatalogue catalogue) {
    return new CuprumInfoContributor(catalogue);
  }
}
