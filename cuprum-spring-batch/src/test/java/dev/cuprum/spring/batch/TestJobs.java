package dev.cuprum.spring.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

/** What the tests of this module's steps build their jobs with. */
final class TestJobs {

  private TestJobs() {}

  /** A job of one step. */
  static Job of(String name, Step step, JobRepository jobRepository) {
    return new JobBuilder(name, jobRepository).start(step).build();
  }

  /** Parameters no other run has, so that every run is a new job instance. */
  static JobParameters newParameters() {
    return new JobParametersBuilder().addLong("run", System.nanoTime()).toJobParameters();
  }

  /** The single step execution of a job of one step. */
  static StepExecution onlyStep(JobExecution execution) {
    assertThat(execution.getStepExecutions()).hasSize(1);
    return execution.getStepExecutions().iterator().next();
  }
}
