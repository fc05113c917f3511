package dev.cuprum.spring.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuprum.spring.autoconfigure.CuprumAutoConfiguration;
import dev.cuprum.spring.batch.autoconfigure.CuprumBatchAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;

class CuprumBatchAutoConfigurationTests {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(CuprumAutoConfiguration.class, CuprumBatchAutoConfiguration.class,
          TaskExecutionAutoConfiguration.class));

  @Test
  void anApplicationWithAJobRepositoryGetsCommandSteps() {
    runner.withBean(JobRepository.class, ResourcelessJobRepository::new)
        .run(context -> assertThat(context).hasSingleBean(CommandSteps.class));
  }

  @Test
  void withoutAJobRepositoryThereAreNoCommandSteps() {
    runner.run(context -> assertThat(context).doesNotHaveBean(CommandSteps.class));
  }

  @Test
  void withoutSpringBatchThereAreNoCommandSteps() {
    runner.withClassLoader(new FilteredClassLoader("org.springframework.batch"))
        .run(context -> assertThat(context).doesNotHaveBean(CommandSteps.class));
  }

  @Test
  void anApplicationsOwnCommandStepsWin() {
    runner.withBean(JobRepository.class, ResourcelessJobRepository::new)
        .withBean("mySteps", CommandSteps.class, () -> null)
        .run(context -> assertThat(context).getBeanNames(CommandSteps.class).containsExactly("mySteps"));
  }

  @Test
  void theExecutorNamedByTheCuprumPropertyRunsThePartitions() {
    runner.withBean(JobRepository.class, ResourcelessJobRepository::new)
        .withBean("myExecutor", java.util.concurrent.Executor.class, () -> Runnable::run)
        .withPropertyValues("cuprum.task-execution.executor-bean=myExecutor")
        .run(context -> assertThat(context).hasSingleBean(CommandSteps.class));
  }
}
