package dev.cuprum.samples.batch;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Runs the job once at startup, or restarts the unfinished run with the same {@code sample.batch.run}:
 * Spring Batch then runs only the partitions that did not complete. The application's exit code
 * says whether the job completed.
 */
@Component
@Profile("!worker & !concurrent")
class JobRunner implements ApplicationRunner, ExitCodeGenerator {

  static final String JOB_NAME = "compress";
  static final String STEP_NAME = "compress";
  static final String WORKER_STEP_NAME = "compress.command";

  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

  private final JobOperator jobOperator;
  private final JobRepository jobRepository;
  private final Job job;
  private final BatchSampleProperties properties;
  private volatile int exitCode = 1;

  JobRunner(JobOperator jobOperator, JobRepository jobRepository, Job job, BatchSampleProperties properties) {
    this.jobOperator = jobOperator;
    this.jobRepository = jobRepository;
    this.job = job;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    JobParameters parameters = new JobParametersBuilder().addString("run", properties.run()).toJobParameters();
    JobExecution last = jobRepository.getLastJobExecution(JOB_NAME, parameters);
    if (last != null && last.isRunning() && properties.recover()) {
      LOG.info("Marking run {} (execution {}), left {} by a manager that stopped, as FAILED", properties.run(),
          last.getId(), last.getStatus());
      jobOperator.recover(last);
    }
    long started = System.nanoTime();
    JobExecution launched = jobOperator.start(job, parameters);
    double seconds = (System.nanoTime() - started) / 1e9;
    // Workers in other JVMs ran the partitions: their statuses are in the repository.
    JobExecution execution = Objects.requireNonNull(jobRepository.getJobExecution(launched.getId()));
    Map<BatchStatus, Integer> partitions = new TreeMap<>();
    for (StepExecution step : execution.getStepExecutions()) {
      if (step.getStepName().startsWith(WORKER_STEP_NAME + ":")) {
        partitions.merge(step.getStatus(), 1, Integer::sum);
      }
    }
    LOG.info("Run {} (execution {}) ended {} in {} s; partitions of this execution by status: {}", properties.run(),
        execution.getId(), execution.getStatus(), String.format(Locale.ROOT, "%.1f", seconds), partitions);
    exitCode = execution.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
  }

  @Override
  public int getExitCode() {
    return exitCode;
  }
}
