package dev.cuprum.samples.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The single-machine set-up: the job runs at startup, one partition per file, on the embedded repository. */
@SpringBootTest
class LocalJobTests {

  private static final Path INPUT = inputWithFiles(25);

  @Autowired
  private JobRunner runner;

  @Autowired
  private JobRepository jobRepository;

  @DynamicPropertySource
  static void inputDirectory(DynamicPropertyRegistry registry) {
    registry.add("sample.batch.input-dir", INPUT::toString);
    registry.add("sample.batch.run", () -> "local-test");
  }

  @Test
  void everyFileIsCompressedByAPartitionOfItsOwn() throws IOException {
    assertThat(runner.getExitCode()).isZero();
    JobExecution execution = jobRepository.getLastJobExecution(JobRunner.JOB_NAME,
        new JobParametersBuilder().addString("run", "local-test").toJobParameters());
    assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(execution.getStepExecutions())
        .filteredOn(step -> step.getStepName().startsWith(JobRunner.WORKER_STEP_NAME + ":"))
        .hasSize(25)
        .allSatisfy(step -> assertThat(step.getStatus()).isEqualTo(BatchStatus.COMPLETED));
    for (int i = 0; i < 25; i++) {
      assertThat(INPUT.resolve("file-" + i + ".txt.gz")).isNotEmptyFile();
    }
  }

  private static Path inputWithFiles(int count) {
    try {
      Path dir = Files.createTempDirectory("cuprum-sample-batch");
      for (int i = 0; i < count; i++) {
        Files.writeString(dir.resolve("file-" + i + ".txt"), "file " + i + "\n");
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
