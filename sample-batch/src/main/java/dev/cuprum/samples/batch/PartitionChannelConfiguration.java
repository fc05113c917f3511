package dev.cuprum.samples.batch;

import javax.sql.DataSource;
import org.springframework.batch.integration.config.annotation.EnableBatchIntegration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.integration.channel.QueueChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.jdbc.store.JdbcChannelMessageStore;
import org.springframework.integration.jdbc.store.channel.PostgresChannelMessageStoreQueryProvider;
import org.springframework.integration.store.MessageGroupQueue;

/**
 * The channel partition requests travel through from the manager to the workers: a queue in the
 * PostgreSQL database that already holds the job repository. Each request is taken by one worker
 * ({@code FOR UPDATE SKIP LOCKED}); requests wait in the table while no worker runs.
 */
@Configuration(proxyBeanMethods = false)
@Profile("manager | worker")
@EnableIntegration
@EnableBatchIntegration
class PartitionChannelConfiguration {

  private static final String GROUP = "cuprum-sample-partition-requests";

  // tag::batch-remote-channel[]
  @Bean
  JdbcChannelMessageStore partitionRequestStore(DataSource dataSource) {
    JdbcChannelMessageStore store = new JdbcChannelMessageStore(dataSource);
    store.setChannelMessageStoreQueryProvider(new PostgresChannelMessageStoreQueryProvider());
    store.setRegion("cuprum-sample");
    // A request names the step execution to run: only a message of one, with its headers, is
    // deserialized.
    store.addAllowedPatterns("org.springframework.messaging.support.GenericMessage",
        "org.springframework.messaging.MessageHeaders", "org.springframework.batch.integration.partition.StepExecutionRequest",
        "java.util.UUID", "java.util.HashMap", "java.lang.Integer", "java.lang.Long", "java.lang.Number", "java.lang.String");
    return store;
  }

  @Bean
  QueueChannel partitionRequests(JdbcChannelMessageStore partitionRequestStore) {
    return new QueueChannel(new MessageGroupQueue(partitionRequestStore, GROUP));
  }
  // end::batch-remote-channel[]
}
