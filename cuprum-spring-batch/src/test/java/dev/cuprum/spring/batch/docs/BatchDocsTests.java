package dev.cuprum.spring.batch.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Runs the guide's jobs against real files and programs. */
@SpringBootTest(classes = BatchJobs.class, properties = "spring.batch.job.enabled=false")
class BatchDocsTests {

  private static final Path REPORTS = reports();

  @Autowired
  private JobOperator jobOperator;

  @DynamicPropertySource
  static void reportsDirectory(DynamicPropertyRegistry registry) {
    registry.add("reports.dir", REPORTS::toString);
  }

  @Test
  void theTaskletArchivesTheDirectory(@Autowired @Qualifier("archiveJob") Job job) throws Exception {
    assertThat(run(job).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(REPORTS.resolve("reports.tar")).isNotEmptyFile();
  }

  @Test
  void theItemStepSkipsTheDamagedArchive(@Autowired @Qualifier("checkJob") Job job) throws Exception {
    JobExecution execution = run(job);

    assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(execution.getStepExecutions().iterator().next().getProcessSkipCount()).isEqualTo(1);
    assertThat(BatchJobs.CHECKED).extracting(checked -> checked.item()).containsExactly("a.csv.gz", "c.csv.gz");
  }

  @Test
  void thePartitionedStepCompressesEveryFile(@Autowired @Qualifier("compressJob") Job job) throws Exception {
    assertThat(run(job).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(REPORTS.resolve("b.csv.gz")).isNotEmptyFile();
  }

  private JobExecution run(Job job) throws Exception {
    return jobOperator.start(job, new JobParameters());
  }

  private static Path reports() {
    try {
      Path dir = Files.createTempDirectory("cuprum-batch-docs");
      Files.createDirectory(dir.resolve("today"));
      Files.writeString(dir.resolve("today/summary.txt"), "all good\n");
      for (String name : new String[] {"a.csv", "b.csv", "c.csv"}) {
        Files.writeString(dir.resolve(name), "x,y\n1,2\n");
      }
      new ProcessBuilder("gzip", "-k", dir.resolve("a.csv").toString(), dir.resolve("c.csv").toString())
          .inheritIO().start().waitFor();
      Files.writeString(dir.resolve("damaged.csv.gz"), "not gzip");
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
