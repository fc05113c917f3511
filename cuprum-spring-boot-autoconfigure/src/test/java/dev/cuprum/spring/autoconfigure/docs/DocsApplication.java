package dev.cuprum.spring.autoconfigure.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;

/** Loads the guide's {@code application.yml} into a test context, as Boot would load the application's own. */
final class DocsApplication implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  static final String CONFIGURATION = "docs/application.yml";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    try {
      new YamlPropertySourceLoader().load(CONFIGURATION, new ClassPathResource(CONFIGURATION))
          .forEach(context.getEnvironment().getPropertySources()::addLast);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
