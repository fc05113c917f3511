package dev.cuprum.samples.batch;

import dev.cuprum.spring.batch.CommandSteps;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The job on one machine: its partitions run on Cuprum's task executor. */
@Configuration(proxyBeanMethods = false)
@Profile("!manager & !worker & !concurrent")
class LocalJobConfiguration {

  @Bean
  Job compressJob(JobRepository jobRepository, CommandSteps steps, Compression compression) {
    return new JobBuilder(JobRunner.JOB_NAME, jobRepository)
        .start(steps.partitionedCommands(JobRunner.STEP_NAME, compression.items(), compression::command))
        .build();
  }
}
