package dev.cuprum.spring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Stops the application, before any bean is created, when a {@code cuprum.*} property is set
 * that no Cuprum property class declares (see {@link UnknownProperties}). The property classes
 * are those of the bean definitions, so every Cuprum module on the class path is known.
 */
final class CuprumPropertiesCheck implements BeanFactoryPostProcessor, EnvironmentAware {

  private ConfigurableEnvironment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = (ConfigurableEnvironment) environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    Map<String, Class<?>> propertyClasses = new LinkedHashMap<>();
    for (String name : beanFactory.getBeanDefinitionNames()) {
      Class<?> type = beanFactory.getType(name, false);
      ConfigurationProperties properties =
          type == null ? null : AnnotationUtils.findAnnotation(type, ConfigurationProperties.class);
      if (properties != null && (properties.prefix().equals("cuprum") || properties.prefix().startsWith("cuprum."))) {
        propertyClasses.put(properties.prefix(), type);
      }
    }
    UnknownProperties.check(environment, propertyClasses);
  }
}
