package dev.cuprum.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnThreading;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.task.SimpleAsyncTaskExecutorBuilder;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.CompositeTaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.util.ClassUtils;

/**
 * The {@value #BEAN_NAME} bean: a thread pool, or virtual threads when
 * {@code spring.threads.virtual.enabled=true} on Java 21 and later. Either way only the waiting
 * for processes runs on it; Cuprum reads output on platform threads of its own. See
 * {@link CuprumAutoConfiguration} for what its tasks carry.
 */
final class CuprumTaskExecutorConfigurations {

  static final String BEAN_NAME = "cuprumTaskExecutor";

  private static final String CONTEXT_SNAPSHOT_FACTORY = "io.micrometer.context.ContextSnapshotFactory";

  private CuprumTaskExecutorConfigurations() {}

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnThreading(Threading.PLATFORM)
  @Conditional(NoExecutorBeanProperty.class)
  static final class PlatformThreads {

    @Bean(name = BEAN_NAME, defaultCandidate = false)
    @ConditionalOnMissingBean(name = BEAN_NAME)
    ThreadPoolTaskExecutor cuprumTaskExecutor(CuprumProperties properties,
        ObjectProvider<ThreadPoolTaskExecutorBuilder> builder, ObjectProvider<TaskDecorator> decorators,
        ConfigurableBeanFactory beanFactory) {
      CuprumProperties.TaskExecution pool = properties.getTaskExecution();
      CuprumSettings.checkPool(pool);
      return builder.getIfAvailable(ThreadPoolTaskExecutorBuilder::new)
          .corePoolSize(pool.getCoreSize())
          .maxPoolSize(pool.getMaxSize())
          .queueCapacity(pool.getQueueCapacity())
          .keepAlive(pool.getKeepAlive())
          .allowCoreThreadTimeOut(true)
          // Requests that finish during a graceful shutdown may still start batches and async runs.
          .acceptTasksAfterContextClose(true)
          .threadNamePrefix(pool.getThreadNamePrefix())
          .taskDecorator(taskDecorator(pool, decorators, beanFactory))
          .build();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnThreading(Threading.VIRTUAL)
  @Conditional(NoExecutorBeanProperty.class)
  static final class VirtualThreads {

    @Bean(name = BEAN_NAME, defaultCandidate = false)
    @ConditionalOnMissingBean(name = BEAN_NAME)
    SimpleAsyncTaskExecutor cuprumTaskExecutor(CuprumProperties properties,
        ObjectProvider<SimpleAsyncTaskExecutorBuilder> builder, ObjectProvider<TaskDecorator> decorators,
        ConfigurableBeanFactory beanFactory) {
      CuprumProperties.TaskExecution pool = properties.getTaskExecution();
      CuprumSettings.checkMaxSize(pool);
      return builder.getIfAvailable(SimpleAsyncTaskExecutorBuilder::new)
          .virtualThreads(true)
          .concurrencyLimit(pool.getMaxSize() == Integer.MAX_VALUE ? null : pool.getMaxSize())
          .threadNamePrefix(pool.getThreadNamePrefix())
          .taskDecorator(taskDecorator(pool, decorators, beanFactory))
          .build();
    }
  }

  /**
   * The application's task decorators, as Boot's builders would apply them, preceded by a
   * {@link ContextPropagatingTaskDecorator} unless propagation is off, unavailable, or already
   * among them.
   */
  private static @Nullable TaskDecorator taskDecorator(CuprumProperties.TaskExecution pool,
      ObjectProvider<TaskDecorator> decorators, ConfigurableBeanFactory beanFactory) {
    List<TaskDecorator> all = new ArrayList<>(decorators.orderedStream().toList());
    if (pool.isPropagateContext() && ClassUtils.isPresent(CONTEXT_SNAPSHOT_FACTORY, beanFactory.getBeanClassLoader())
        && all.stream().noneMatch(ContextPropagatingTaskDecorator.class::isInstance)) {
      all.add(0, new ContextPropagatingTaskDecorator());
    }
    if (all.isEmpty()) {
      return null;
    }
    return all.size() == 1 ? all.get(0) : new CompositeTaskDecorator(all);
  }

  /** Matches unless {@code cuprum.task-execution.executor-bean} names another executor. */
  static final class NoExecutorBeanProperty extends SpringBootCondition {

    private static final String PROPERTY = "cuprum.task-execution.executor-bean";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
      ConditionMessage.Builder message = ConditionMessage.forCondition("Cuprum executor bean property");
      String named = context.getEnvironment().getProperty(PROPERTY);
      return named == null ? ConditionOutcome.match(message.didNotFind("property").items(PROPERTY))
          : ConditionOutcome.noMatch(message.found("property").items(PROPERTY + "=" + named));
    }
  }
}
