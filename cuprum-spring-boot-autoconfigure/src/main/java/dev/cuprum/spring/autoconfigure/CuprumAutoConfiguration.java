package dev.cuprum.spring.autoconfigure;

import dev.cuprum.CommandExecutor;
import dev.cuprum.ProgramCatalogue;
import dev.cuprum.concurrent.ConcurrentConfig;
import dev.cuprum.context.AfterHook;
import dev.cuprum.context.BeforeHook;
import dev.cuprum.context.ExecHook;
import dev.cuprum.logging.LoggingHook;
import dev.cuprum.micrometer.ExecObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanNotOfRequiredTypeException;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Auto-configuration of Cuprum: the {@link ProgramCatalogue}, the {@link CommandExecutor} and
 * the task executor behind its async runs and batches.
 *
 * <p>Every {@link BeforeHook}, {@link AfterHook} and {@link ExecHook} bean becomes a root hook of
 * the executor. Before and observe hooks run in {@link Order @Order}; after hooks run in the
 * reverse order, so the first-ordered hook wraps all the others. {@link CommandExecutorCustomizer}
 * beans adjust the executor after all of that, in {@link Order @Order}, before it is built.
 *
 * <p>With an {@link ObservationRegistry} bean every command is a {@code cuprum.exec} observation,
 * and pipelines and batches get a {@code cuprum.pipeline} or {@code cuprum.batch} parent; Boot's
 * metrics and tracing handlers turn them into timers and spans. {@code cuprum.observations.*}
 * and an {@link ExecObservationConvention} bean shape them.
 *
 * <p>The executor stops with the application context, after the web server and before the task
 * executors: new runs are refused, running ones get {@code cuprum.shutdown.await-termination} to
 * finish, then their process trees are ended.
 *
 * <p>A {@code cuprum.*} property that no Cuprum property class declares, such as a misspelt one,
 * stops the application with a failure analysis naming it and the nearest declared property.
 *
 * <p>Async runs and batch members run on the {@code cuprumTaskExecutor} bean, or on the bean
 * named by {@code cuprum.task-execution.executor-bean}. That bean is not a default autowiring
 * candidate, so Boot's {@code applicationTaskExecutor} and injection by type are unaffected. It
 * is built with Boot's executor builders, so application customizers and task decorators apply
 * to it, and with {@code io.micrometer:context-propagation} present it also carries the
 * submitting thread's context-propagation state (MDC, security context and the like, whatever
 * is registered with the {@code ContextRegistry}) into hooks and batch listeners; set
 * {@code cuprum.task-execution.propagate-context=false} to leave that out. Cuprum's own context
 * and the current observation are carried by the core in every case.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration",
    "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration" })
@ConditionalOnBooleanProperty(name = "cuprum.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CuprumProperties.class)
@Import({ CuprumTaskExecutorConfigurations.PlatformThreads.class,
    CuprumTaskExecutorConfigurations.VirtualThreads.class })
public final class CuprumAutoConfiguration {

  /** The name of the logger of {@code cuprum.logging.enabled}. */
  public static final String LOGGER_NAME = "cuprum";

  @Bean
  static CuprumPropertiesCheck cuprumPropertiesCheck() {
    return new CuprumPropertiesCheck();
  }

  @Bean
  @ConditionalOnMissingBean
  ProgramCatalogue programCatalogue(CuprumProperties properties) {
    return CuprumSettings.catalogue(properties.getCatalogue());
  }

  @Bean
  @ConditionalOnMissingBean
  ConcurrentConfig cuprumConcurrentConfig(CuprumProperties properties) {
    return CuprumSettings.concurrentConfig(properties.getConcurrency());
  }

  @Bean
  @ConditionalOnMissingBean
  CommandExecutor commandExecutor(CuprumProperties properties, ProgramCatalogue catalogue,
      ObjectProvider<BeforeHook> beforeHooks, ObjectProvider<AfterHook> afterHooks, ObjectProvider<ExecHook> execHooks,
      ObjectProvider<ObservationRegistry> observationRegistry, ObjectProvider<ExecObservationConvention> convention,
      ObjectProvider<CommandExecutorCustomizer> customizers, BeanFactory beanFactory) {
    CommandExecutor.Builder builder = CommandExecutor.builder()
        .launchMechanism(properties.getLauncher())
        .catalogue(catalogue)
        .enforceAllowlist(properties.isEnforceAllowlist())
        .pinPrograms(properties.getCatalogue().isResolveAtStartup())
        .defaultContext(CuprumSettings.defaultContext(properties.getDefaults()))
        .taskExecutor(taskExecutor(properties.getTaskExecution(), beanFactory))
        .observationOptions(
            CuprumSettings.observationOptions(properties.getObservations(), convention.getIfAvailable()));
    observationRegistry.ifAvailable(builder::observationRegistry);
    beforeHooks.orderedStream().forEach(builder::beforeHook);
    afterHooks.orderedStream().forEach(builder::afterHook);
    execHooks.orderedStream().forEach(builder::observeHook);
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder.build();
  }

  @Bean
  @ConditionalOnSingleCandidate(CommandExecutor.class)
  CommandExecutorLifecycle cuprumExecutorLifecycle(CommandExecutor executor, CuprumProperties properties) {
    Duration await = properties.getShutdown().getAwaitTermination();
    CuprumSettings.requireNotNegative("cuprum.shutdown.await-termination", await);
    return new CommandExecutorLifecycle(executor, await);
  }

  /**
   * Ordered last, so the start record is written only once every other before hook has let the
   * command through, and the exit record before any other after hook sees the result.
   */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  @ConditionalOnBooleanProperty("cuprum.logging.enabled")
  @ConditionalOnMissingBean(name = "cuprumLoggingHook")
  LoggingHook cuprumLoggingHook() {
    return new LoggingHook(LoggerFactory.getLogger(LOGGER_NAME), Level.INFO, Level.INFO);
  }

  private static Executor taskExecutor(CuprumProperties.TaskExecution properties, BeanFactory beanFactory) {
    String named = properties.getExecutorBean();
    if (named == null) {
      return beanFactory.getBean(CuprumTaskExecutorConfigurations.BEAN_NAME, Executor.class);
    }
    try {
      return beanFactory.getBean(named, Executor.class);
    } catch (BeanNotOfRequiredTypeException e) {
      throw new InvalidCuprumPropertyException("cuprum.task-execution.executor-bean", named,
          "the bean '" + named + "' is a " + e.getActualType().getName() + ", not a java.util.concurrent.Executor",
          "Name a bean that implements java.util.concurrent.Executor.", e);
    } catch (NoSuchBeanDefinitionException e) {
      throw new InvalidCuprumPropertyException("cuprum.task-execution.executor-bean", named,
          "there is no bean named '" + named + "'",
          "Name an Executor bean of the application, or remove the property to use the '"
              + CuprumTaskExecutorConfigurations.BEAN_NAME + "' bean.", e);
    }
  }
}
