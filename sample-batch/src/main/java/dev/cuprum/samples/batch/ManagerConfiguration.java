package dev.cuprum.samples.batch;

import dev.cuprum.spring.batch.CommandPartitioner;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.RemotePartitioningManagerStepBuilderFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.integration.channel.QueueChannel;

/**
 * The manager of the job across machines: it makes one partition per file, sends a request per
 * partition through the database, and follows the partitions in the job repository until every
 * one has ended.
 */
@Configuration(proxyBeanMethods = false)
@Profile("manager")
class ManagerConfiguration {

  // tag::batch-remote-manager[]
  @Bean
  Job compressJob(JobRepository jobRepository, RemotePartitioningManagerStepBuilderFactory managerSteps,
      QueueChannel partitionRequests, Compression compression) {
    return new JobBuilder(JobRunner.JOB_NAME, jobRepository)
        .start(managerSteps.get(JobRunner.STEP_NAME)
            .partitioner(JobRunner.WORKER_STEP_NAME, CommandPartitioner.of(compression.items()))
            .outputChannel(partitionRequests)
            .pollInterval(1000)
            .build())
        .build();
  }
  // end::batch-remote-manager[]
}
