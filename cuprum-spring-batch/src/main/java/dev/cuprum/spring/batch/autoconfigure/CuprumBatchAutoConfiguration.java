package dev.cuprum.spring.batch.autoconfigure;

import dev.cuprum.CommandExecutor;
import dev.cuprum.spring.batch.CommandSteps;
import io.micrometer.observation.ObservationRegistry;
import java.util.concurrent.Executor;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskExecutor;

/**
 * {@link CommandSteps} for applications with Spring Batch and Cuprum's starter: steps that run
 * commands through the application's {@link CommandExecutor}, report to its observation registry,
 * and run the partitions of a batch on the executor Cuprum uses for its own asynchronous work
 * ({@code cuprumTaskExecutor}, or the bean {@code cuprum.task-execution.executor-bean} names).
 */
@AutoConfiguration(afterName = {
    "dev.cuprum.spring.autoconfigure.CuprumAutoConfiguration",
    "org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration",
    "org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration" })
@ConditionalOnClass({ Step.class, CommandExecutor.class })
@ConditionalOnBean({ CommandExecutor.class, JobRepository.class })
public final class CuprumBatchAutoConfiguration {

  private static final String EXECUTOR_BEAN_PROPERTY = "cuprum.task-execution.executor-bean";
  private static final String DEFAULT_EXECUTOR_BEAN = "cuprumTaskExecutor";

  @Bean
  @ConditionalOnMissingBean
  CommandSteps commandSteps(JobRepository jobRepository, CommandExecutor commandExecutor,
      ObjectProvider<ObservationRegistry> observationRegistry, Environment environment, BeanFactory beanFactory) {
    String name = environment.getProperty(EXECUTOR_BEAN_PROPERTY, DEFAULT_EXECUTOR_BEAN);
    Executor executor = beanFactory.getBean(name, Executor.class);
    TaskExecutor partitionExecutor = executor instanceof TaskExecutor task ? task : executor::execute;
    return new CommandSteps(jobRepository, commandExecutor, partitionExecutor,
        observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP));
  }
}
