package dev.cuprum.spring.batch.autoconfigure;

import dev.cuprum.CommandExecutor;
import dev.cuprum.spring.autoconfigure.InvalidCuprumPropertyException;
import dev.cuprum.spring.batch.CommandSteps;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.util.ClassUtils;

/**
 * {@link CommandSteps} for applications with Spring Batch and Cuprum's starter: steps that run
 * commands through the application's {@link CommandExecutor}, report to its observation registry,
 * and run the partitions of a batch on an executor of their own, {@value #EXECUTOR_BEAN}: at most
 * {@code cuprum.batch.concurrency} at once, on virtual threads when
 * {@code spring.threads.virtual.enabled=true}, carrying the current observation. It is not the
 * executor of the application's asynchronous runs, so that a large batch neither queues ahead of
 * them nor waits for a thread that one of its own partitions holds.
 */
@AutoConfiguration(afterName = {
    "dev.cuprum.spring.autoconfigure.CuprumAutoConfiguration",
    "org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration",
    "org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration" })
@ConditionalOnClass(value = { Step.class, CommandExecutor.class },
    name = "dev.cuprum.spring.autoconfigure.CuprumAutoConfiguration")
@ConditionalOnBean({ CommandExecutor.class, JobRepository.class })
@EnableConfigurationProperties(CuprumBatchProperties.class)
public final class CuprumBatchAutoConfiguration {

  /** The name of the executor the partitions run on. */
  public static final String EXECUTOR_BEAN = "cuprumBatchTaskExecutor";

  private static final String CONTEXT_SNAPSHOT_FACTORY = "io.micrometer.context.ContextSnapshotFactory";

  @Bean(name = EXECUTOR_BEAN, defaultCandidate = false)
  @ConditionalOnMissingBean(name = EXECUTOR_BEAN)
  SimpleAsyncTaskExecutor cuprumBatchTaskExecutor(CuprumBatchProperties properties, Environment environment) {
    if (properties.getConcurrency() < 1) {
      throw new InvalidCuprumPropertyException("cuprum.batch.concurrency", properties.getConcurrency(),
          "at least one partition must be able to run", "Set cuprum.batch.concurrency to 1 or more.");
    }
    SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("cuprum-batch-");
    executor.setConcurrencyLimit(properties.getConcurrency());
    executor.setVirtualThreads(Threading.VIRTUAL.isActive(environment));
    if (ClassUtils.isPresent(CONTEXT_SNAPSHOT_FACTORY, getClass().getClassLoader())) {
      executor.setTaskDecorator(new ContextPropagatingTaskDecorator());
    }
    return executor;
  }

  @Bean
  @ConditionalOnMissingBean
  CommandSteps commandSteps(JobRepository jobRepository, CommandExecutor commandExecutor,
      ObjectProvider<ObservationRegistry> observationRegistry,
      @Qualifier(EXECUTOR_BEAN) TaskExecutor cuprumBatchTaskExecutor) {
    return new CommandSteps(jobRepository, commandExecutor, cuprumBatchTaskExecutor,
        observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP));
  }
}
