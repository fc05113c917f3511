package dev.cuprum.samples.batch;

import dev.cuprum.spring.batch.CommandPartitioner;
import dev.cuprum.spring.batch.CommandSteps;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.integration.partition.RemotePartitioningWorkerStepBuilderFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.dsl.Pollers;
import org.springframework.integration.scheduling.PollerMetadata;

/**
 * A worker of the job across machines: it takes partition requests from the database, at most
 * {@code sample.batch.worker-concurrency} at once, and runs each partition's command.
 */
@Configuration(proxyBeanMethods = false)
@Profile("worker")
class WorkerConfiguration {

  // tag::batch-remote-worker[]
  /**
   * Every 100 ms a poll starts on a free slot and takes requests one after the other until the
   * table has none; a poll waits for a slot, so requests wait in the table, not in this JVM.
   */
  @Bean(PollerMetadata.DEFAULT_POLLER)
  PollerMetadata partitionPoller(@Value("${sample.batch.worker-concurrency:4}") int concurrency) {
    SimpleAsyncTaskExecutor slots = new SimpleAsyncTaskExecutor("partition-");
    slots.setConcurrencyLimit(concurrency);
    return Pollers.fixedDelay(Duration.ofMillis(100)).maxMessagesPerPoll(-1).taskExecutor(slots).getObject();
  }

  /** Named as the step, since the request handler looks the step up by its name. */
  @Bean(JobRunner.WORKER_STEP_NAME)
  Step compressWorkerStep(RemotePartitioningWorkerStepBuilderFactory workerSteps, QueueChannel partitionRequests,
      CommandSteps steps, Compression compression, ObservationRegistry observationRegistry) {
    return workerSteps.get(JobRunner.WORKER_STEP_NAME)
        .inputChannel(partitionRequests)
        .observationRegistry(observationRegistry)
        .tasklet(steps.tasklet().command(execution -> compression.command(CommandPartitioner.item(execution))).build())
        .build();
  }
  // end::batch-remote-worker[]
}
