package dev.cuprum.spring.batch.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of Cuprum's Spring Batch steps. */
@ConfigurationProperties("cuprum.batch")
public class CuprumBatchProperties {

  /**
   * Most partitions of partitioned command steps that run at once in this JVM, on the
   * cuprumBatchTaskExecutor; further partitions wait for one to end.
   */
  private int concurrency = 4;

  public int getConcurrency() {
    return concurrency;
  }

  public void setConcurrency(int concurrency) {
    this.concurrency = concurrency;
  }
}
