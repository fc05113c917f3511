package dev.cuprum.spring.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cuprum.spring.autoconfigure.CuprumAutoConfiguration;
import dev.cuprum.spring.autoconfigure.InvalidCuprumPropertyException;
import dev.cuprum.spring.batch.autoconfigure.CuprumBatchAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
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
  void partitionsRunOnAnExecutorOfTheirOwnAtTheConfiguredConcurrency() {
    runner.withBean(JobRepository.class, ResourcelessJobRepository::new)
        .withPropertyValues("cuprum.batch.concurrency=3")
        .run(context -> assertThat(context.getBean(CuprumBatchAutoConfiguration.EXECUTOR_BEAN,
            SimpleAsyncTaskExecutor.class).getConcurrencyLimit()).isEqualTo(3));
  }

  @Test
  void aConcurrencyBelowOneFailsStartupNamingTheProperty() {
    runner.withBean(JobRepository.class, ResourcelessJobRepository::new)
        .withPropertyValues("cuprum.batch.concurrency=0")
        .run(context -> assertThat(context).getFailure().rootCause()
            .isInstanceOf(InvalidCuprumPropertyException.class).hasMessageContaining("cuprum.batch.concurrency"));
  }

  @Test
  void aMisspeltBatchPropertyFailsStartup() {
    runner.withBean(JobRepository.class, ResourcelessJobRepository::new)
        .withPropertyValues("cuprum.batch.concurrence=3")
        .run(context -> assertThat(context).getFailure()
            .isInstanceOf(InvalidCuprumPropertyException.class).hasMessageContaining("cuprum.batch.concurrence"));
  }
}
